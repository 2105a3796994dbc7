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
  const strip = (rows: string[]) => rows.map((r) => r.replace(/[\d.]+ m?s$/, '').replace(' ★', ''));
  expect(strip(kept).slice(0, 3)).toEqual(strip(before).slice(0, 3));
  await shot(page, 'sweep-interrupted');
  await resume.getByRole('button', { name: 'Resume sweep' }).click();
  await expect(page.getByRole('status')).toHaveText(/Sweep finished: 6 trials/, { timeout: 120_000 });
  await expect(table.getByRole('row').filter({ hasText: 'complete' })).toHaveCount(6);
  expect(strip(await table.getByRole('row').filter({ hasText: 'complete' }).allTextContents()).slice(0, 3)).toEqual(strip(before).slice(0, 3));
  await page.reload();
  await expect(page.getByRole('status')).toHaveText(/Sweep finished: 6 trials/);
  await expect(page.getByRole('region', { name: 'Resume sweep' })).toHaveCount(0);
  expect(errors).toEqual([]);
});
