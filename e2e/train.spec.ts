import { expect, test } from '@playwright/test';
import { lossRows, openApp, setNumber, shot } from './helpers';

test('Iris trains live on WebGL and the validation loss falls', async ({ page }) => {
  const errors = await openApp(page);
  await expect(page.getByTestId('backend')).toHaveText(/Running on webgl/, { timeout: 60_000 });
  await page.getByRole('combobox', { name: 'Dataset' }).selectOption('iris');
  await expect(page.getByText(/120 training rows · 30 validation rows/)).toBeVisible();
  await setNumber(page, 'Learning rate', 0.02);
  await setNumber(page, 'Epochs', 25);
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeDisabled();
  await expect(page.getByRole('status', { name: 'Progress' })).toHaveText(/Epoch \d+ of 25 · train loss .* · validation loss .* · webgl/);
  await expect(page.getByRole('status', { name: 'Progress' })).toHaveText(/Finished 25 epochs/, { timeout: 120_000 });
  const rows = await lossRows(page);
  expect(rows.length).toBe(25);
  const firstVal = rows[0][1], lastVal = rows.at(-1)![1];
  expect(Number.isFinite(firstVal) && Number.isFinite(lastVal)).toBe(true);
  expect(lastVal).toBeLessThan(firstVal);
  await expect(page.getByText(/samples\/s/).first()).toBeVisible();
  await expect(page.getByTestId('tensor-delta')).toHaveText('0');
  const speed = await page.getByRole('definition').filter({ hasText: 'samples/s' }).textContent();
  console.log(`Iris on webgl, median epoch speed: ${speed}`);
  await shot(page, 'train-iris');
  expect(errors).toEqual([]);
});

test('a toy set draws its decision boundary, and Stop ends a run mid-way', async ({ page }) => {
  const errors = await openApp(page);
  await page.getByRole('combobox', { name: 'Dataset' }).selectOption('xor');
  await setNumber(page, 'Epochs', 300);
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByRole('img', { name: /Decision boundary after epoch \d+/ })).toBeVisible();
  await expect(page.getByRole('status', { name: 'Progress' })).toHaveText(/Epoch (1\d|[2-9]\d) of 300/);
  await page.getByRole('button', { name: 'Stop', exact: true }).click();
  await expect(page.getByRole('status', { name: 'Progress' })).toHaveText(/Stopped after \d+ epochs/);
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeEnabled();
  await shot(page, 'train-xor-stopped');
  expect(errors).toEqual([]);
});

test('a learning rate far too high diverges and says so', async ({ page }) => {
  const errors = await openApp(page);
  await page.getByRole('combobox', { name: 'Dataset' }).selectOption('plane');
  await page.getByRole('combobox', { name: 'Optimizer', exact: true }).selectOption('sgd');
  await setNumber(page, 'Learning rate', 10);
  await setNumber(page, 'Epochs', 60);
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByRole('status', { name: 'Progress' })).toHaveText(/Diverged at epoch \d+.*lower learning rate/);
  await shot(page, 'train-diverged');
  expect(errors).toEqual([]);
});

test('batch larger than the data is clamped with a visible note; a bad CSV gets a clear message', async ({ page }) => {
  await openApp(page);
  await page.getByRole('combobox', { name: 'Dataset' }).selectOption('iris');
  await setNumber(page, 'Batch size', 500);
  await expect(page.getByRole('note')).toHaveText(/larger than the 120 training rows: using 120/);
  await page.getByRole('combobox', { name: 'Dataset' }).selectOption({ label: 'Your CSV file…' });
  await page.getByLabel('Your CSV file').setInputFiles({ name: 'empty.csv', mimeType: 'text/csv', buffer: Buffer.from('a,b,c\n') });
  await expect(page.getByRole('alert')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeDisabled();
  const csv = ['x1,x2,label', ...Array.from({ length: 40 }, (_, i) => `${(i % 7) / 7},${(i % 5) / 5},${i % 2 ? 'yes' : 'no'}`)].join('\n');
  await page.getByLabel('Your CSV file').setInputFiles({ name: 'ok.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await expect(page.getByText(/32 training rows · 8 validation rows/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeEnabled();
  // A text column: left out and said so, or one-hot encoded at the user's choice.
  const cities = ['size,city,label', ...Array.from({ length: 30 }, (_, i) => `${i},${['Oslo', 'Rome', 'Lima'][i % 3]},${i % 2 ? 'a' : 'b'}`)].join('\n');
  await page.getByLabel('Your CSV file').setInputFiles({ name: 'cities.csv', mimeType: 'text/csv', buffer: Buffer.from(cities) });
  await expect(page.getByText(/"city" is not numeric and was left out/)).toBeVisible();
  await page.getByRole('checkbox', { name: 'One-hot encode text columns' }).check();
  await expect(page.getByText(/"city" was one-hot encoded into 3 columns/)).toBeVisible();
  await expect(page.getByText(/Labels: a → 0, b → 1|a → 0/)).toBeVisible();
  await page.getByLabel('Your CSV file').setInputFiles({ name: 'nothing.csv', mimeType: 'text/csv', buffer: Buffer.alloc(0) });
  // A bad file after a good one: the message, and the good data stays in use.
  await expect(page.getByRole('alert')).toHaveText('This file is empty. The data from cities.csv is still in use.');
  await expect(page.getByText(/24 training rows · 6 validation rows/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeEnabled();
  await page.getByLabel('Your CSV file').setInputFiles({ name: 'single.csv', mimeType: 'text/csv', buffer: Buffer.from(['a,b,label', ...Array.from({ length: 20 }, (_, i) => `${i},${i * 2},same`)].join('\n')) });
  await expect(page.getByRole('alert')).toHaveText(/same target "same" in "label", so there is nothing to tell apart\. The data from cities\.csv is still in use\./);
  await expect(page.getByText(/24 training rows · 6 validation rows/)).toBeVisible();
  await shot(page, 'csv-loaded');
});

test('the setting lives in the URL; bad values in a link are reset with a message', async ({ page }) => {
  await openApp(page);
  await page.getByRole('combobox', { name: 'Dataset' }).selectOption('spiral');
  await setNumber(page, 'Learning rate', 0.005);
  await page.getByRole('combobox', { name: 'Activation', exact: true }).selectOption('relu');
  const link = page.url();
  expect(link).toContain('data=spiral');
  await page.goto(link);
  await expect(page.getByRole('combobox', { name: 'Dataset' })).toHaveValue('spiral');
  await expect(page.getByRole('spinbutton', { name: 'Learning rate value' })).toHaveValue('0.005');
  await expect(page.getByRole('combobox', { name: 'Activation', exact: true })).toHaveValue('relu');
  await page.goto('/?data=iris&learningRate=banana&optimizer=evil&hiddenLayers=99');
  await expect(page.getByRole('alert')).toHaveText(/not valid and were replaced .*: Learning rate, Optimizer, Hidden layers/);
  await expect(page.getByRole('combobox', { name: 'Dataset' })).toHaveValue('iris');
  await expect(page.getByRole('spinbutton', { name: 'Learning rate value' })).toHaveValue('0.03');
  await expect(page.getByRole('spinbutton', { name: 'Hidden layers value' })).toHaveValue('6');
  await shot(page, 'url-rejected');
});

test('a rate too high that never turns NaN, and one too low that crawls, are both named after the run', async ({ page }) => {
  const errors = await openApp(page);
  // Adam at 10 on tanh units: the loss jumps and stays high, finite, worse than a blind guess.
  await page.goto('/?learningRate=10&activation=tanh&optimizer=adam&epochs=12');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByRole('status', { name: 'Progress' })).toHaveText(/Finished 12 epochs/, { timeout: 90_000 });
  await expect(page.getByRole('note')).toHaveText(/worse than a blind guess \(0\.693, every class equally likely\): the learning rate is probably too high/);
  await page.goto('/?learningRate=0.00001&activation=tanh&optimizer=adam&epochs=12');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByRole('status', { name: 'Progress' })).toHaveText(/Finished 12 epochs/, { timeout: 90_000 });
  await expect(page.getByRole('note')).toHaveText(/The training loss barely moved .*: the learning rate may be too low, so training crawls/);
  await shot(page, 'train-too-low');
  expect(errors).toEqual([]);
});
