import { describe, expect, test } from 'vitest';
import { parseStudyJson, studyToJson, trialsToCsv } from './studyFile';
import { defaultHyperparams } from '../core/hyperparams';
import type { SavedSweep } from '../state/persist/types';

const study: SavedSweep = {
  id: 's1', createdAt: 1, updatedAt: 2,
  config: {
    space: { learningRate: { type: 'float', low: 1e-4, high: 1, log: true }, optimizer: { type: 'categorical', choices: ['sgd', 'adam'] } },
    fixed: defaultHyperparams, sampler: 'gp', budget: 4, objective: 'valLoss', seed: 3, gridPointsPerAxis: 3,
  },
  choice: { kind: 'toy', id: 'circle', n: 400, noise: 0.1, seed: 1 },
  validationFraction: 0.2, splitSeed: 1, status: 'running',
  trials: [
    { id: 0, index: 0, params: { learningRate: 0.01, optimizer: 'adam' }, hp: { ...defaultHyperparams, learningRate: 0.01 }, status: 'complete', value: 0.25, durationMs: 1200, curve: [{ epoch: 1, trainLoss: 0.6, valLoss: 0.5 }] },
    { id: 1, index: 1, params: { learningRate: 0.9, optimizer: 'sgd' }, hp: { ...defaultHyperparams, learningRate: 0.9, optimizer: 'sgd' }, status: 'diverged', divergedAtEpoch: 3, durationMs: 300, note: 'loss, "NaN"', curve: [] },
  ],
};

describe('study files', () => {
  test('JSON round trip keeps the config, the data choice and every trial', () => {
    const back = parseStudyJson(studyToJson(study));
    if ('error' in back) throw new Error(back.error);
    expect(back.notes).toEqual([]);
    expect(back.study.config).toEqual(study.config);
    expect(back.study.choice).toEqual(study.choice);
    expect(back.study.trials.map((t) => [t.params, t.status, t.value, t.divergedAtEpoch])).toEqual([
      [{ learningRate: 0.01, optimizer: 'adam' }, 'complete', 0.25, undefined],
      [{ learningRate: 0.9, optimizer: 'sgd' }, 'diverged', undefined, 3],
    ]);
    expect(back.study.status).toBe('running'); // 2 of 4 trials: resumable
  });

  test('a CSV study carries the file as text and opens with it as a file again; without the text, only the name', async () => {
    const file = new Blob([new Uint8Array([0x63, 0x69, 0x74, 0x79, 0x0a, 0x5a, 0xfc, 0x72, 0x69, 0x63, 0x68, 0x0a])]); // "city\nZürich\n" in Windows-1252
    const csvStudy: SavedSweep = { ...study, choice: { kind: 'csv', fileName: 'towns.csv', target: 'city', textColumns: 'onehot', encoding: 'windows-1252', file } };
    const json = studyToJson(csvStudy, 'city\nZürich\n');
    expect(JSON.parse(json).study.choice).toEqual({ kind: 'csv', fileName: 'towns.csv', target: 'city', textColumns: 'onehot', text: 'city\nZürich\n' });
    const back = parseStudyJson(json);
    if ('error' in back) throw new Error(back.error);
    const choice = back.study.choice;
    if (choice.kind !== 'csv' || !choice.file) throw new Error('expected a CSV choice with a file');
    expect(choice).toMatchObject({ fileName: 'towns.csv', target: 'city', textColumns: 'onehot', encoding: 'utf-8' });
    expect(await choice.file.text()).toBe('city\nZürich\n');
    const nameOnly = parseStudyJson(studyToJson(csvStudy));
    if ('error' in nameOnly) throw new Error(nameOnly.error);
    expect(nameOnly.study.choice).toEqual({ kind: 'csv', fileName: 'towns.csv', target: 'city', textColumns: 'onehot' });
  });

  test('CSV has a header, one row per trial, and quotes what needs quoting', () => {
    const csv = trialsToCsv(study.config, study.trials).trim().split('\n');
    expect(csv[0]).toBe('trial,learningRate,optimizer,valLoss,status,diverged_at_epoch,duration_ms,epochs_run,note');
    expect(csv[1]).toBe('1,0.01,adam,0.25,complete,,1200,1,');
    expect(csv[2]).toBe('2,0.9,sgd,,diverged,3,300,0,"loss, ""NaN"""');
  });

  const broken = (mutate: (o: { format: string; version: number; study: Record<string, unknown> }) => void) => {
    const o = JSON.parse(studyToJson(study));
    mutate(o);
    return parseStudyJson(JSON.stringify(o));
  };

  test.each([
    ['not JSON', () => parseStudyJson('{nope'), /not valid JSON/],
    ['another format', () => parseStudyJson('{"format":"x"}'), /not exported by Hyperparameter Playground/],
    ['a future version', () => broken((o) => { o.version = 9; }), /version 9/],
    ['an invalid space', () => broken((o) => { (o.study.config as { space: object }).space = { learningRate: { type: 'float', low: 0, high: 1, log: true } }; }), /search space is not valid/],
    ['an unknown parameter', () => broken((o) => { (o.study.config as { space: object }).space = { rm: { type: 'float', low: 0, high: 1 } }; }), /search space/],
    ['an unknown method', () => broken((o) => { (o.study.config as { sampler: string }).sampler = 'magic'; }), /method is unknown/],
    ['a trial out of range', () => broken((o) => { (o.study.trials as { params: { learningRate: number } }[])[0].params.learningRate = 50; }), /trial 1/],
    ['a complete trial without a value', () => broken((o) => { (o.study.trials as { value: unknown }[])[0].value = null; }), /not a finite number/],
    ['an unknown dataset', () => broken((o) => { o.study.choice = { kind: 'toy', id: 'moons' }; }), /dataset/],
  ])('%s gives a clear message', (_name, run, message) => {
    const r = run();
    expect('error' in r && r.error).toMatch(message);
  });

  test('bad fixed values are reset to defaults and named', () => {
    const r = broken((o) => { (o.study.config as { fixed: Record<string, unknown> }).fixed = { ...defaultHyperparams, epochs: -3, activation: 'evil' }; });
    if ('error' in r) throw new Error(r.error);
    expect(r.study.config.fixed.activation).toBe(defaultHyperparams.activation);
    expect(r.study.config.fixed.epochs).toBe(1);
    expect(r.notes[0]).toMatch(/epochs, activation/);
  });
});
