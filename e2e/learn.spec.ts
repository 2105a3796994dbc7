import { expect, test } from '@playwright/test';
import { openApp, setNumber, shot } from './helpers';

test('the learning-rate explorer marks slow, good and diverged zones and seeds the sweep range', async ({ page }) => {
  const errors = await openApp(page);
  await page.getByRole('combobox', { name: 'Dataset' }).selectOption('plane');
  await page.getByRole('combobox', { name: 'Optimizer', exact: true }).selectOption('sgd');
  await setNumber(page, 'Epochs', 5);
  const section = page.getByRole('region', { name: 'Learning-rate explorer' });
  await section.getByRole('button', { name: 'Scan learning rates' }).click();
  await expect(page.getByRole('status', { name: 'Progress' })).toHaveText(/Learning-rate scan: rate \d+ of 13/);
  await expect(section.getByRole('button', { name: 'Use the good range for the sweep' })).toBeEnabled({ timeout: 120_000 });
  const legend = section.getByRole('list', { name: 'Zones' });
  await expect(legend.getByText(/^diverged: [1-9]/)).toBeVisible();
  await expect(legend.getByText(/^good: [1-9]/)).toBeVisible();
  await expect(legend.getByText(/^too low \(slow\): [1-9]/)).toBeVisible();
  await expect(section.locator('.recharts-scatter-symbol')).toHaveCount(13);
  await section.getByRole('checkbox', { name: "Show each rate's loss curve" }).check();
  // One line per rate that finished at least one epoch (a rate that blew up in epoch 1 has no curve).
  const lines = section.getByRole('figure', { name: /one line per learning rate/ }).locator('.recharts-line');
  await expect(lines.first()).toBeVisible();
  expect(await lines.count()).toBeGreaterThanOrEqual(10);
  await section.getByRole('button', { name: 'Use the good range for the sweep' }).click();
  await expect(page.getByRole('alert')).toHaveText(/The sweep now searches learning rates from/);
  const low = Number(await page.getByRole('textbox', { name: 'Learning rate minimum' }).inputValue());
  const high = Number(await page.getByRole('textbox', { name: 'Learning rate maximum' }).inputValue());
  expect(low).toBeGreaterThan(0);
  expect(high).toBeGreaterThan(low);
  expect(high).toBeLessThan(10);
  await section.screenshot({ path: 'test-results/screenshots/lr-explorer.png' });
  await shot(page, 'lr-explorer-page');
  expect(errors).toEqual([]);
});
