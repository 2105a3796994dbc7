import { expect, test } from '@playwright/test';
import { openApp, shot } from './helpers';

test('grid vs random vs Bayesian on a synthetic objective: three best-so-far series and a filled summary', async ({ page }) => {
  const errors = await openApp(page);
  const section = page.getByRole('region', { name: 'Compare tuning methods' });
  await section.getByRole('combobox', { name: 'Compare on' }).selectOption('branin');
  await section.getByRole('spinbutton', { name: 'Trials per method' }).fill('16');
  await section.getByRole('spinbutton', { name: 'Repeats (seeds)' }).fill('2');
  await section.getByRole('textbox', { name: 'Target value' }).fill('1');
  await section.getByRole('button', { name: 'Run comparison' }).click();
  await expect(page.getByRole('status', { name: 'Progress' })).toHaveText(/Comparison(: \d+ of 96 trials| finished: 96 trials)/);
  await expect(section.getByText('Comparison finished: 96 trials')).toBeVisible({ timeout: 120_000 });
  const chart = section.getByRole('figure', { name: /Best so far, median of the repeats/ });
  await expect(chart.locator('.recharts-line')).toHaveCount(3);
  await expect(chart.locator('.recharts-area')).toHaveCount(3);
  const summary = section.getByRole('table', { name: 'Summary' });
  const rows = summary.getByRole('row');
  await expect(rows).toHaveCount(4);
  for (const name of ['Grid', 'Random', 'Bayesian (Gaussian process)']) {
    const row = rows.filter({ hasText: name });
    await expect(row).toHaveCount(1);
    await expect(row.getByRole('cell').nth(1)).toHaveText(/^[\d.e+-]+ \[[\d.e+-]+ – [\d.e+-]+\]$/);
    await expect(row.getByRole('cell').nth(3)).toHaveText(/^[0-2] of 2$/);
  }
  // The grid on 16 trials in 2-D: 4 x 4 = 16 points, the whole grid, corners included.
  await expect(rows.filter({ hasText: 'Grid' }).getByRole('cell').nth(4)).toHaveText('32');
  for (const name of ['Grid', 'Random', 'Bayesian (Gaussian process)']) {
    await expect(section.getByRole('figure', { name: `Where ${name} sampled` }).locator('.recharts-scatter-symbol')).toHaveCount(32);
  }
  await shot(page, 'compare-branin');
  expect(errors).toEqual([]);
});

test('the same race with real training: three methods, the search space above, a filled summary', async ({ page }) => {
  const errors = await openApp(page);
  await page.getByRole('combobox', { name: 'Dataset' }).selectOption('xor');
  await page.getByRole('spinbutton', { name: 'Epochs value' }).fill('3');
  const section = page.getByRole('region', { name: 'Compare tuning methods' });
  await section.getByRole('combobox', { name: 'Compare on' }).selectOption('training');
  await section.getByRole('spinbutton', { name: 'Trials per method' }).fill('3');
  await section.getByRole('spinbutton', { name: 'Repeats (seeds)' }).fill('1');
  await section.getByRole('button', { name: 'Run comparison' }).click();
  await expect(page.getByRole('status', { name: 'Progress' })).toHaveText(/Comparison: \d+ of 9 trials/);
  await expect(section.getByText('Comparison finished: 9 trials')).toBeVisible({ timeout: 150_000 });
  await expect(section.getByRole('figure', { name: /Best so far, median of the repeats/ }).locator('.recharts-line')).toHaveCount(3);
  const rows = section.getByRole('table', { name: 'Summary' }).getByRole('row');
  await expect(rows).toHaveCount(4);
  for (const name of ['Grid', 'Random', 'Bayesian (Gaussian process)']) {
    await expect(rows.filter({ hasText: name }).getByRole('cell').nth(1)).toHaveText(/^[\d.e+-]+ \[/);
  }
  await shot(page, 'compare-training');
  expect(errors).toEqual([]);
});
