import { expect, test, type Page } from '@playwright/test';
import { openApp, setNumber, shot } from './helpers';

async function runSweep(page: Page, method: string, budget: number) {
  await page.getByRole('combobox', { name: 'Method' }).selectOption(method);
  await page.getByRole('spinbutton', { name: 'Trial budget' }).fill(String(budget));
  await page.getByRole('button', { name: 'Run sweep' }).click();
  await expect(page.getByRole('status', { name: 'Progress' })).toHaveText(/Trials? \d+(–\d+)? of \d+ .*epoch \d+ of \d+/);
  await expect(page.getByRole('status', { name: 'Progress' })).toHaveText(/Sweep finished/, { timeout: 170_000 });
}

async function completedTrials(page: Page): Promise<number> {
  const table = page.getByRole('table', { name: 'Trials' });
  return table.getByRole('row').filter({ hasText: 'complete' }).count();
}

for (const method of ['random', 'gp'] as const) {
  test(`a 4-trial ${method} sweep on a toy set completes and fills the charts`, async ({ page }) => {
    const errors = await openApp(page);
    await page.getByRole('combobox', { name: 'Dataset' }).selectOption('circle');
    await setNumber(page, 'Epochs', 8);
    await page.getByRole('combobox', { name: 'Units per layer: how to sweep' }).selectOption('range');
    await runSweep(page, method, 4);
    expect(await completedTrials(page)).toBe(4);
    // The sweep's live charts are canvases (they redraw many times a second): what they draw is in their
    // data attributes and accessible summaries.
    const scatter = page.getByRole('figure', { name: 'Learning rate vs objective' }).getByRole('img');
    await expect(scatter).toHaveAttribute('data-dots', '4');
    await expect(scatter).toHaveAccessibleName('4 finished trials: Learning rate against the objective.');
    await expect(page.getByRole('figure', { name: 'Units per layer vs objective' }).getByRole('img')).toHaveAttribute('data-dots', '4');
    const curves = page.getByRole('figure', { name: 'Every trial’s validation loss' }).getByRole('img');
    await expect(curves).toHaveAttribute('data-lines', '4');
    await expect(curves).toHaveAccessibleName(/Validation loss per epoch of 4 trials; the best, trial \d, in red/);
    const best = page.getByRole('figure', { name: 'Best so far' }).getByRole('img');
    await expect(best).toHaveAttribute('data-lines', '1');
    await expect(best).toHaveAttribute('data-dots', '4');
    if (method === 'gp') {
      const surrogate = page.getByRole('figure', { name: /Inside the Bayesian search/ });
      await expect(surrogate.locator('.recharts-area')).toHaveCount(1);
      await expect(surrogate.locator('.recharts-scatter-symbol')).toHaveCount(4);
      await expect(surrogate.getByText('next', { exact: true })).toBeVisible();
      const maps = surrogate.getByRole('group', { name: 'The surrogate over two parameters' });
      await expect(maps.getByRole('img', { name: /^What the GP expects.*Learning rate across, Units per layer up/ })).toBeVisible();
      await expect(maps.getByRole('img', { name: /^Where it would look next/ })).toBeVisible();
      await surrogate.getByRole('combobox', { name: 'along' }).selectOption('unitsPerLayer');
      await expect(surrogate.getByText(/held at the best trial's values: Learning rate = /)).toBeVisible();
    }
    await shot(page, `sweep-${method}`);
    expect(errors).toEqual([]);
  });
}

test('a cpu sweep trains on a pool of workers, one unit per worker, and every trial completes', async ({ page }) => {
  const errors = await openApp(page);
  const cores = await page.evaluate(() => navigator.hardwareConcurrency);
  await page.getByRole('combobox', { name: 'Backend', exact: true }).selectOption('cpu');
  await expect(page.getByTestId('backend')).toHaveText(/Running on cpu/);
  await page.getByRole('combobox', { name: 'Dataset' }).selectOption('xor');
  await setNumber(page, 'Epochs', 30);
  await page.getByRole('combobox', { name: 'Units per layer: how to sweep' }).selectOption('range');
  await page.getByRole('combobox', { name: 'Method' }).selectOption('random');
  await page.getByRole('spinbutton', { name: 'Trial budget' }).fill('6');
  await page.getByRole('button', { name: 'Run sweep' }).click();
  if (cores >= 2) {
    // Several trials at once, each worker training its own (the status says how many and on what).
    await expect(page.getByRole('status', { name: 'Progress' })).toHaveText(
      new RegExp(`Trials [\\d–, ]+ of 6 \\(\\d+ at once on ${Math.min(cores, 4)} cpu workers\\) · epoch \\d+ of 30`),
    );
  }
  await expect(page.getByRole('status', { name: 'Progress' })).toHaveText(/Sweep finished: 6 trials/, { timeout: 170_000 });
  expect(await completedTrials(page)).toBe(6);
  // Reported in trial order, each with a finite validation loss.
  const rows = page.getByRole('table', { name: 'Trials' }).getByRole('row');
  const first = await rows.nth(1).getByRole('cell').allTextContents();
  expect(first[0]).toMatch(/^1/);
  for (let i = 1; i <= 6; i++) {
    const cells = await rows.nth(i).getByRole('cell').allTextContents();
    expect(cells[0]).toMatch(new RegExp(`^${i}`));
    expect(Number(cells[3])).toBeGreaterThan(0);
  }
  expect(errors).toEqual([]);
});

test('a grid sweep on Iris shows its size first and completes; invalid ranges are refused', async ({ page }) => {
  const errors = await openApp(page);
  await page.getByRole('combobox', { name: 'Dataset' }).selectOption('iris');
  await setNumber(page, 'Epochs', 6);
  await page.getByRole('combobox', { name: 'Method' }).selectOption('grid');
  await page.getByRole('textbox', { name: 'Learning rate minimum' }).fill('0');
  await expect(page.getByRole('alert')).toHaveText(/log scale needs a minimum above 0/);
  await expect(page.getByRole('button', { name: 'Run sweep' })).toBeDisabled();
  await page.getByRole('textbox', { name: 'Learning rate minimum' }).fill('2');
  await expect(page.getByRole('alert')).toHaveText(/minimum must be smaller than the maximum/);
  await page.getByRole('textbox', { name: 'Learning rate minimum' }).fill('0.001');
  await page.getByRole('spinbutton', { name: 'Grid points per axis' }).fill('3');
  await page.getByRole('combobox', { name: 'Optimizer: how to sweep' }).selectOption('choices');
  await page.getByRole('checkbox', { name: 'Optimizer: include rmsprop' }).uncheck();
  await expect(page.getByText('The grid has 6 points.')).toBeVisible();
  await page.getByRole('spinbutton', { name: 'Trial budget' }).fill('10');
  await page.getByRole('button', { name: 'Run sweep' }).click();
  await expect(page.getByRole('status', { name: 'Progress' })).toHaveText(/Sweep finished: 6 trials/, { timeout: 170_000 });
  expect(await completedTrials(page)).toBe(6);
  await expect(page.getByText(/All 6 grid points have been tried/)).toBeVisible();
  // The objective over the 3 x 2 grid, importance bars, and parallel coordinates with brushing.
  const heat = page.getByRole('figure', { name: /Objective over the grid of Learning rate and Optimizer/ });
  await expect(heat.getByRole('cell')).toHaveCount(6);
  for (const text of await heat.getByRole('cell').allTextContents()) expect(Number(text)).toBeGreaterThan(0);
  await expect(page.getByRole('figure', { name: 'Which hyperparameters matter' }).getByRole('listitem')).toHaveCount(2);
  await expect(page.getByRole('figure', { name: 'Which hyperparameters matter' }).getByRole('listitem').first()).toHaveAccessibleName(/^(Learning rate|Optimizer): \d+% of the variance$/);
  const pc = page.getByRole('figure', { name: 'Every trial across its parameters' });
  await expect(pc.locator('svg path')).toHaveCount(6);
  await pc.scrollIntoViewIfNeeded();
  const box = (await pc.locator('svg').boundingBox())!;
  // Drag along the objective axis (the right-most one), over its lower half: keeps the better trials.
  const x = box.x + box.width * (688 / 760), yTop = box.y + box.height * (0.55), yBottom = box.y + box.height * (228 / 260);
  await page.mouse.move(x, yBottom);
  await page.mouse.down();
  await page.mouse.move(x, yTop, { steps: 5 });
  await page.mouse.up();
  await expect(pc.getByText(/\d of 6 trials in the brushed ranges/)).toBeVisible();
  await shot(page, 'sweep-grid-iris');
  expect(errors).toEqual([]);
});

test('step mode pauses after each proposal until Train this trial, and shows why the GP picked it', async ({ page }) => {
  const errors = await openApp(page);
  await page.getByRole('combobox', { name: 'Dataset' }).selectOption('xor');
  await setNumber(page, 'Epochs', 3);
  await page.getByRole('combobox', { name: 'Method' }).selectOption('gp');
  await page.getByRole('spinbutton', { name: 'Trial budget' }).fill('4');
  await page.getByRole('checkbox', { name: /Step through the sweep/ }).check();
  await page.getByRole('button', { name: 'Run sweep' }).click();
  const status = page.getByRole('status', { name: 'Progress' });
  await expect(status).toHaveText('Trial 1 of 4 proposed: waiting for Train this trial');
  const table = page.getByRole('table', { name: 'Trials' });
  await expect(table.getByRole('row').filter({ hasText: 'proposed' })).toHaveCount(1);
  await page.waitForTimeout(500);
  await expect(table.getByRole('row').filter({ hasText: 'complete' })).toHaveCount(0);
  for (const k of [1, 2]) {
    await page.getByRole('region', { name: `Proposed trial ${k}` }).getByRole('button', { name: 'Train this trial' }).click();
    await expect(status).toHaveText(`Trial ${k + 1} of 4 proposed: waiting for Train this trial`, { timeout: 60_000 });
    await expect(table.getByRole('row').filter({ hasText: 'complete' })).toHaveCount(k);
  }
  const step = page.getByRole('region', { name: 'Proposed trial 3' });
  const surrogate = step.getByRole('figure', { name: /Inside the Bayesian search/ });
  await expect(surrogate.locator('.recharts-scatter-symbol')).toHaveCount(2);
  await expect(surrogate.getByText('next', { exact: true })).toBeVisible();
  await shot(page, 'sweep-step-mode');
  await step.getByRole('button', { name: 'Run the rest' }).click();
  await expect(status).toHaveText(/Sweep finished: 4 trials/, { timeout: 60_000 });
  expect(errors).toEqual([]);
});
