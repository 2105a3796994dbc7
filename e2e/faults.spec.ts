import { expect, test } from '@playwright/test';
import { lossRows, openApp, setNumber, shot } from './helpers';

const loseContext = (page: import('@playwright/test').Page) =>
  page.evaluate(() => (window as unknown as { hpPlayground: { loseWebGLContext(): void } }).hpPlayground.loseWebGLContext());

test('a lost WebGL context mid-run: detected, run restarted on the fallback with a notice, loss still falls', async ({ page }) => {
  const errors = await openApp(page);
  await expect(page.getByTestId('backend')).toHaveText(/Running on webgl/);
  await page.getByRole('combobox', { name: 'Dataset' }).selectOption('iris');
  await setNumber(page, 'Epochs', 30);
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByRole('status', { name: 'Progress' })).toHaveText(/Epoch [3-9] of 30/);
  await loseContext(page);
  await expect(page.getByRole('alert')).toHaveText(/WebGL context was lost.*started again from scratch on wasm/);
  await expect(page.getByTestId('backend')).toHaveText(/Running on wasm \(fallback: The WebGL context was lost/);
  await expect(page.getByRole('status', { name: 'Progress' })).toHaveText(/Finished 30 epochs/, { timeout: 120_000 });
  const rows = await lossRows(page);
  expect(rows.map((r) => r[0])).toHaveLength(30);
  expect(rows.at(-1)![1]).toBeLessThan(rows[0][1]);
  await expect(page.getByTestId('tensor-delta')).toHaveText('0');
  await shot(page, 'context-lost-run');
  expect(errors.filter((e) => !/context lost|CONTEXT_LOST/i.test(e))).toEqual([]);
});

test('a lost WebGL context mid-sweep: the trial reruns on the fallback and the sweep completes', async ({ page }) => {
  const errors = await openApp(page);
  await expect(page.getByTestId('backend')).toHaveText(/Running on webgl/);
  await page.getByRole('combobox', { name: 'Dataset' }).selectOption('xor');
  await setNumber(page, 'Epochs', 10);
  await page.getByRole('spinbutton', { name: 'Trial budget' }).fill('3');
  await page.getByRole('button', { name: 'Run sweep' }).click();
  // Three learning rates on one architecture train together as one batched computation.
  await expect(page.getByRole('status', { name: 'Progress' })).toHaveText(/Trials 1–3 of 3 \(trained together\) · epoch [2-8] of 10/, { timeout: 60_000 });
  await loseContext(page);
  await expect(page.getByRole('alert')).toHaveText(/The current trial started again from scratch on wasm/);
  await expect(page.getByRole('status', { name: 'Progress' })).toHaveText(/Sweep finished: 3 trials/, { timeout: 120_000 });
  await expect(page.getByRole('table', { name: 'Trials' }).getByRole('row').filter({ hasText: 'complete' })).toHaveCount(3);
  await shot(page, 'context-lost-sweep');
  expect(errors.filter((e) => !/context lost|CONTEXT_LOST/i.test(e))).toEqual([]);
});
