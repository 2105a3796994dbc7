/**
 * A sweep as a file: export to JSON (the whole study) and CSV (the trial table), and import JSON back with
 * every value validated. Nothing read from a file is trusted: a bad file gives a message, never a crash.
 * Pure.
 */
import { isSamplerName, validateParams, validateSpace, type Params, type SearchSpace } from '../core';
import { hyperparamDefs, sanitizeHyperparams, type HyperparamName } from '../core/hyperparams';
import type { SavedSweep, SavedTrial } from '../state/persist/types';
import type { SweepConfig } from './config';
import { toyDatasets } from '../train/datasets/toy';
import { tabularDatasets } from '../train/datasets/tabular';
import type { DataChoice } from '../train/prepare';
import { isCsvEncoding } from '../train/datasets/decode';

export const STUDY_FORMAT = 'hyperparameter-playground/study';
export const MAX_STUDY_BYTES = 20 * 1024 * 1024;

/**
 * A study as JSON. A CSV study's file is a Blob, which JSON cannot hold: `csvText` (the file as read)
 * goes in its place, so the study opens elsewhere with its data; without it only the file's name is written.
 */
export function studyToJson(s: SavedSweep, csvText?: string): string {
  let choice: unknown = s.choice;
  if (s.choice.kind === 'csv') {
    const { file: _file, encoding: _encoding, ...rest } = s.choice;
    choice = csvText === undefined ? rest : { ...rest, text: csvText };
  }
  return JSON.stringify({ format: STUDY_FORMAT, version: 1, study: { ...s, choice } }, null, 1);
}

function csvCell(v: unknown): string {
  const s = v === undefined || v === null ? '' : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function trialsToCsv(config: SweepConfig, trials: readonly SavedTrial[]): string {
  const names = Object.keys(config.space);
  const header = ['trial', ...names, config.objective, 'status', 'diverged_at_epoch', 'duration_ms', 'epochs_run', 'note'];
  const lines = [header.map(csvCell).join(',')];
  for (const tr of trials) {
    lines.push(
      [tr.index + 1, ...names.map((n) => tr.params[n]), tr.status === 'complete' ? tr.value : '', tr.status, tr.divergedAtEpoch ?? '', Math.round(tr.durationMs), tr.curve.length, tr.note ?? '']
        .map(csvCell)
        .join(','),
    );
  }
  return lines.join('\n') + '\n';
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const statuses = ['complete', 'diverged', 'stopped', 'failed'] as const;

/** A saved or imported data choice, checked; a message when it is not one this app knows. */
export function readChoice(v: unknown): DataChoice | string {
  if (!isObj(v)) return 'the dataset is missing';
  if (v.kind === 'toy' && typeof v.id === 'string' && toyDatasets.some((d) => d.id === v.id)) {
    const n = finite(v.n) && Number.isInteger(v.n) && v.n >= 50 && v.n <= 5000 ? v.n : 400;
    const noise = finite(v.noise) && v.noise >= 0 && v.noise <= 0.5 ? v.noise : 0.1;
    const seed = finite(v.seed) && Number.isInteger(v.seed) && v.seed >= 0 ? v.seed : 1;
    return { kind: 'toy', id: v.id, n, noise, seed };
  }
  if (v.kind === 'tabular' && typeof v.id === 'string' && tabularDatasets.some((d) => d.id === v.id)) return { kind: 'tabular', id: v.id };
  if (v.kind === 'csv' && (v.text === undefined || typeof v.text === 'string') && (v.file === undefined || v.file instanceof Blob)) {
    const fileName = typeof v.fileName === 'string' && v.fileName !== '' ? v.fileName : 'imported.csv';
    const target = typeof v.target === 'string' ? v.target : '';
    const textColumns = v.textColumns === 'onehot' ? 'onehot' : 'exclude';
    // Saved in the browser: the file itself. From an exported study (or saved before files were kept): its text, made a file again.
    if (v.file instanceof Blob) return { kind: 'csv', fileName, target, textColumns, encoding: isCsvEncoding(v.encoding) ? v.encoding : 'auto', file: v.file };
    if (typeof v.text === 'string') return { kind: 'csv', fileName, target, textColumns, encoding: 'utf-8', file: new Blob([v.text], { type: 'text/csv' }) };
    return { kind: 'csv', fileName, target, textColumns };
  }
  return 'the dataset is not one this app knows';
}

function readSpace(v: unknown): SearchSpace | string {
  if (!isObj(v)) return 'the search space is missing';
  const known = hyperparamDefs.map((d) => d.name);
  const problems = validateSpace(v as SearchSpace, known);
  return problems.length ? `the search space is not valid (${problems.join(' ')})` : (v as SearchSpace);
}

/** Parses and validates a study file; returns the study or a message naming what is wrong. */
export function parseStudyJson(text: string): { study: SavedSweep; notes: string[] } | { error: string } {
  const fail = (why: string) => ({ error: `This file is not a study this app can open: ${why.replace(/[.\s]+$/, '')}.` });
  if (text.length > MAX_STUDY_BYTES) return fail('it is larger than 20 MB');
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return fail('it is not valid JSON');
  }
  if (!isObj(raw) || raw.format !== STUDY_FORMAT || !isObj(raw.study)) return fail('it was not exported by Hyperparameter Playground');
  if (raw.version !== 1) return fail(`its version ${String(raw.version)} is not supported`);
  const s = raw.study;
  const notes: string[] = [];
  const c = s.config;
  if (!isObj(c)) return fail('the sweep settings are missing');
  const space = readSpace(c.space);
  if (typeof space === 'string') return fail(space);
  if (typeof c.sampler !== 'string' || !isSamplerName(c.sampler)) return fail('the method is unknown');
  if (c.objective !== 'valLoss' && c.objective !== 'valAccuracy') return fail('the objective is unknown');
  if (!finite(c.budget) || !Number.isInteger(c.budget) || c.budget < 1 || c.budget > 500) return fail('the trial budget is not a whole number from 1 to 500');
  if (!finite(c.seed) || !Number.isInteger(c.seed)) return fail('the seed is not a whole number');
  const fixedIn = isObj(c.fixed) ? c.fixed : {};
  const fixed = sanitizeHyperparams(fixedIn as Partial<Record<HyperparamName, unknown>>);
  const reset = hyperparamDefs.filter((d) => fixedIn[d.name] !== fixed[d.name]).map((d) => d.name);
  if (reset.length) notes.push(`Some fixed values were not valid and were reset: ${reset.join(', ')}.`);
  const config: SweepConfig = {
    space,
    fixed,
    sampler: c.sampler,
    budget: c.budget,
    objective: c.objective,
    seed: c.seed,
    gridPointsPerAxis: finite(c.gridPointsPerAxis) && c.gridPointsPerAxis >= 2 && c.gridPointsPerAxis <= 20 ? Math.round(c.gridPointsPerAxis) : 4,
  };
  const choice = readChoice(s.choice);
  if (typeof choice === 'string') return fail(choice);
  if (!Array.isArray(s.trials)) return fail('the trials are missing');
  const trials: SavedTrial[] = [];
  for (const [i, t] of s.trials.entries()) {
    const where = `trial ${i + 1}`;
    if (!isObj(t) || !isObj(t.params)) return fail(`${where} has no parameters`);
    const params = t.params as Params;
    const bad = validateParams(space, params);
    if (bad.length) return fail(`${where}: ${bad.join(' ')}`);
    const status = statuses.find((x) => x === t.status);
    if (!status) return fail(`${where} has an unknown status`);
    if (status === 'complete' && !finite(t.value)) return fail(`${where} is complete but its value is not a finite number`);
    const curve = Array.isArray(t.curve)
      ? t.curve.filter((p): p is SavedTrial['curve'][number] => isObj(p) && finite(p.epoch) && typeof p.trainLoss === 'number' && typeof p.valLoss === 'number')
      : [];
    trials.push({
      id: i,
      index: i,
      params,
      hp: { ...fixed, ...params },
      status,
      ...(status === 'complete' ? { value: t.value as number } : {}),
      ...(finite(t.divergedAtEpoch) ? { divergedAtEpoch: t.divergedAtEpoch } : {}),
      durationMs: finite(t.durationMs) && t.durationMs >= 0 ? t.durationMs : 0,
      ...(typeof t.note === 'string' ? { note: t.note.slice(0, 500) } : {}),
      curve,
    });
  }
  if (trials.length === 0) return fail('it has no trials');
  if (trials.length > config.budget) return fail('it has more trials than its budget');
  const now = Date.now();
  const status = trials.length >= config.budget ? 'complete' : 'running';
  return {
    study: {
      id: typeof s.id === 'string' ? s.id : `imported-${now}`,
      createdAt: finite(s.createdAt) ? s.createdAt : now,
      updatedAt: now,
      config,
      choice,
      validationFraction: finite(s.validationFraction) && s.validationFraction > 0 && s.validationFraction < 1 ? s.validationFraction : 0.2,
      splitSeed: finite(s.splitSeed) && Number.isInteger(s.splitSeed) ? s.splitSeed : 1,
      // Fewer trials than the budget: offered for resuming, like a sweep a reload interrupted.
      status,
      trials,
    },
    notes,
  };
}
