import { expect, test } from '@playwright/test';
import { openApp, setNumber, shot } from './helpers';

test('a reload mid-sweep keeps every finished trial and resumes where it stopped', async ({ page }) => {
  const errors = await openApp(page);
  await page.getByRole('combobox', { name: 'Dataset' }).selectOption('gaussian');
  await setNumber(page, 'Epochs', 4);
  await page.getByRole('combobox', { name: 'Method' }).selectOption('gp');
  await page.getByRole('spinbutton', { name: 'Trial budget' }).fill('6');
  await page.getByRole('button', { name: 'Run sweep' }).click();
  const table = page.getByRole('table', { name: 'Trials' });
  await expect(table.getByRole('row').filter({ hasText: 'complete' })).toHaveCount(3, { timeout: 120_000 });
  const before = await table.getByRole('row').filter({ hasText: 'complete' }).allTextContents();
  await page.reload();
  const resume = page.getByRole('region', { name: 'Resume sweep' });
  await expect(resume).toHaveText(/interrupted after [3-5] of 6 trials/);
  const kept = await table.getByRole('row').filter({ hasText: 'complete' }).allTextContents();
  expect(kept.length).toBeGreaterThanOrEqual(3);
  // Every trial finished before the reload is still there, unchanged (durations aside).
  const strip = (rows: string[]) => rows.map((r) => r.replace(/[\d.]+ m?s( \(\d+ together\))?$/, '').replace(' ★', ''));
  expect(strip(kept).slice(0, 3)).toEqual(strip(before).slice(0, 3));
  await shot(page, 'sweep-interrupted');
  await resume.getByRole('button', { name: 'Resume sweep' }).click();
  await expect(page.getByRole('status', { name: 'Progress' })).toHaveText(/Sweep finished: 6 trials/, { timeout: 120_000 });
  await expect(table.getByRole('row').filter({ hasText: 'complete' })).toHaveCount(6);
  expect(strip(await table.getByRole('row').filter({ hasText: 'complete' }).allTextContents()).slice(0, 3)).toEqual(strip(before).slice(0, 3));
  await page.reload();
  await expect(page.getByRole('status', { name: 'Progress' })).toHaveText(/Sweep finished: 6 trials/);
  await expect(page.getByRole('region', { name: 'Resume sweep' })).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('a study exports as JSON and CSV, imports back, and a bad file gets a clear message', async ({ page }) => {
  const errors = await openApp(page);
  await page.getByRole('combobox', { name: 'Dataset' }).selectOption('xor');
  await setNumber(page, 'Epochs', 3);
  await page.getByRole('spinbutton', { name: 'Trial budget' }).fill('3');
  await page.getByRole('button', { name: 'Run sweep' }).click();
  await expect(page.getByRole('status', { name: 'Progress' })).toHaveText(/Sweep finished: 3 trials/, { timeout: 120_000 });

  const [json] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export study (JSON)' }).click()]);
  const text = await (await import('node:fs/promises')).readFile((await json.path())!, 'utf8');
  const parsed = JSON.parse(text);
  expect(parsed.format).toBe('hyperparameter-playground/study');
  expect(parsed.study.trials).toHaveLength(3);
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export trials (CSV)' }).click()]);
  const rows = (await (await import('node:fs/promises')).readFile((await csv.path())!, 'utf8')).trim().split('\n');
  expect(rows[0]).toBe('trial,learningRate,valLoss,status,diverged_at_epoch,duration_ms,epochs_run,note');
  expect(rows).toHaveLength(4);

  const input = page.getByLabel('Import study (JSON)');
  await input.setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"something else"}') });
  await expect(page.getByRole('alert')).toHaveText(/not a study this app can open: it was not exported by Hyperparameter Playground/);
  // Two of three trials, as if stopped early: opens with both trials and offers to resume.
  parsed.study.trials = parsed.study.trials.slice(0, 2);
  await input.setInputFiles({ name: 'study.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(parsed)) });
  await expect(page.getByRole('alert')).toHaveText(/Opened a study with 2 trials/);
  await expect(page.getByRole('table', { name: 'Trials' }).getByRole('row').filter({ hasText: 'complete' })).toHaveCount(2);
  await page.getByRole('region', { name: 'Resume sweep' }).getByRole('button', { name: 'Resume sweep' }).click();
  await expect(page.getByRole('status', { name: 'Progress' })).toHaveText(/Sweep finished: 3 trials/, { timeout: 120_000 });
  await shot(page, 'study-imported');
  expect(errors).toEqual([]);
});
