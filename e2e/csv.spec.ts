import { expect, test, type Page } from '@playwright/test';
import { statSync, writeFileSync } from 'node:fs';
import { openApp, setNumber, shot, shotDir } from './helpers';

const fileInput = (page: Page) => page.getByLabel('Your CSV file');

async function openCsv(page: Page): Promise<string[]> {
  const errors = await openApp(page);
  await page.getByRole('combobox', { name: 'Dataset' }).selectOption({ label: 'Your CSV file…' });
  return errors;
}

/** The split shown under Data, as numbers. */
async function splitSizes(page: Page): Promise<[number, number]> {
  const text = (await page.getByText(/\d+ training rows · \d+ validation rows/).textContent()) ?? '';
  const [, train, val] = /(\d+) training rows · (\d+) validation rows/.exec(text) ?? [];
  return [Number(train), Number(val)];
}

test('a Windows-1252 file from Excel keeps its accents, says how it was read, and another encoding can be chosen', async ({ page }) => {
  const errors = await openCsv(page);
  const rows = Array.from({ length: 30 }, (_, i) => `${i};${(i % 4) * 0.5};${i % 2 ? 'Zürich' : 'café'}`.replace('.', ','));
  // Latin-1 bytes are Windows-1252 bytes for these letters: ü is 0xFC, é is 0xE9 (not valid UTF-8).
  const bytes = Buffer.from(['size;share;place', ...rows].join('\r\n'), 'latin1');
  expect(bytes.includes(0xfc)).toBe(true);
  await fileInput(page).setInputFiles({ name: 'places.csv', mimeType: 'text/csv', buffer: bytes });
  await expect(page.getByText('Classes: café, Zürich')).toBeVisible();
  await expect(page.getByText(/read as Windows-1252 \(Western European\).*choose another file encoding/)).toBeVisible();
  await expect(page.getByText(/Read as Windows-1252\./)).toBeVisible();
  await expect(page.getByText(/24 training rows · 6 validation rows/)).toBeVisible();
  await shot(page, 'csv-windows-1252');

  // Asking for UTF-8 reads the same bytes again: the accents break, and the note says why.
  const encoding = page.getByRole('combobox', { name: 'File encoding' });
  await expect(encoding.getByRole('option')).toHaveText(['Automatic', 'UTF-8', 'UTF-16 LE', 'UTF-16 BE', 'Windows-1252']);
  await encoding.selectOption({ label: 'UTF-8' });
  await expect(page.getByText('Classes: caf\uFFFD, Z\uFFFDrich')).toBeVisible();
  await expect(page.getByText(/not valid UTF-8 and show as �/)).toBeVisible();
  await encoding.selectOption({ label: 'Automatic' });
  await expect(page.getByText('Classes: café, Zürich')).toBeVisible();
  expect(errors).toEqual([]);
});

test("Excel's Unicode text (UTF-16 LE, tab-separated) loads", async ({ page }) => {
  const errors = await openCsv(page);
  const lines = ['width\theight\tcity', ...Array.from({ length: 20 }, (_, i) => `${i}\t${i % 5},5\t${['Málaga', 'Zürich', 'Łódź'][i % 3]}`)];
  const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(lines.join('\r\n') + '\r\n', 'utf16le')]);
  await fileInput(page).setInputFiles({ name: 'cities.txt', mimeType: 'text/plain', buffer: bytes });
  await expect(page.getByText('Classes: Łódź, Málaga, Zürich')).toBeVisible();
  await expect(page.getByText(/Read as UTF-16 LE\./)).toBeVisible();
  await expect(page.getByText(/16 training rows · 4 validation rows|15 training rows · 5 validation rows/)).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Target column' })).toHaveValue('city');
  expect(errors).toEqual([]);
});

test('a big file reads off the page with progress; Cancel keeps the data before; read in full, it trains', async ({ page }, testInfo) => {
  const errors = await openCsv(page);
  const small = ['x1,x2,label', ...Array.from({ length: 40 }, (_, i) => `${(i % 7) / 7},${(i % 5) / 5},${i % 2 ? 'yes' : 'no'}`)].join('\n');
  await fileInput(page).setInputFiles({ name: 'small.csv', mimeType: 'text/csv', buffer: Buffer.from(small) });
  await expect(page.getByText('32 training rows · 8 validation rows')).toBeVisible();

  // About 18 MB: close to the 20 MB limit.
  const rows: string[] = ['x1,x2,x3,x4,label'];
  for (let i = 0, size = 0; size < 18e6; i++) {
    const row = `${(i % 997) / 10},${((i * 7) % 1013) / 100},${i % 50},${(i % 13) * 1.5},${i % 3 === 0 ? 'yes' : 'no'}`;
    rows.push(row);
    size += row.length + 1;
  }
  // From disk, by path: handing Playwright an 18 MB buffer would make the page itself decode it (seconds of main-thread work).
  const bigPath = testInfo.outputPath('big.csv');
  writeFileSync(bigPath, rows.join('\n'));
  const total = rows.length - 1;

  await fileInput(page).setInputFiles(bigPath);
  const bar = page.getByRole('progressbar', { name: 'Reading CSV' });
  await expect(bar).toBeVisible();
  await expect(page.getByText(/Reading big\.csv · [1-9]\d?% · [\d,]+ rows/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Run sweep' })).toBeDisabled();
  await shot(page, 'csv-progress');
  await page.getByRole('region', { name: 'Data' }).screenshot({ path: `${shotDir}/csv-progress-data.png` });
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Reading big.csv was cancelled.' })).toHaveText(
    'Reading big.csv was cancelled. The data loaded before it is still in use.',
  );
  await expect(bar).toHaveCount(0);
  await expect(page.getByText('32 training rows · 8 validation rows')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeEnabled();

  // Read in full. The page watches itself (long tasks, and the moment the new split shows) so that
  // no polling from the test adds work to its main thread while it reads.
  await page.evaluate(() => {
    const w = window as unknown as { csvRead: Promise<{ ms: number; longTasks: number[] }> };
    const longTasks: number[] = [];
    const observer = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) longTasks.push(Math.round(e.duration));
    });
    observer.observe({ type: 'longtask' });
    w.csvRead = new Promise((resolve, reject) => {
      setTimeout(() => reject(new Error('the new split did not show within 120 s')), 120_000);
      let started = 0;
      document.querySelector('input[type=file]')!.addEventListener('change', () => (started = performance.now()), { capture: true, once: true });
      const mo = new MutationObserver(() => {
        if (!/\d{5,} training rows/.test(document.body.textContent ?? '')) return;
        mo.disconnect();
        observer.disconnect();
        resolve({ ms: performance.now() - started, longTasks });
      });
      mo.observe(document.body, { subtree: true, childList: true, characterData: true });
    });
  });
  // The same file again, picked as a user does (through the file chooser), which a browser reports only if the input forgot the last pick.
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), fileInput(page).click()]);
  await chooser.setFiles(bigPath);
  const read = await page.evaluate(() => (window as unknown as { csvRead: Promise<{ ms: number; longTasks: number[] }> }).csvRead);
  console.log(`big.csv: ${(statSync(bigPath).size / 1e6).toFixed(1)} MB, ${total} rows read in ${(read.ms / 1000).toFixed(1)} s; main-thread long tasks (ms): ${JSON.stringify(read.longTasks)}`);
  // Parsing on the page's thread would block it for seconds; a generous bound, as this machine is shared.
  expect(Math.max(0, ...read.longTasks)).toBeLessThan(1000);
  const [train, val] = await splitSizes(page);
  expect(train + val).toBe(total);
  await expect(page.getByText('Classes: no, yes')).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'cancelled' })).toHaveCount(0);
  await shot(page, 'csv-big-loaded');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Stop', exact: true })).toBeEnabled();
  await expect(page.getByRole('status', { name: 'Progress' })).toHaveText(/Epoch \d+ of \d+/);
  expect(errors).toEqual([]);
});

test('a sweep on a CSV file resumes after a reload: the file itself is kept, and read again off the page', async ({ page }) => {
  const errors = await openCsv(page);
  const csv = ['x1,x2,label', ...Array.from({ length: 60 }, (_, i) => `${(i % 7) / 7},${(i % 5) / 5},${i % 2 ? 'yes' : 'no'}`)].join('\n');
  await fileInput(page).setInputFiles({ name: 'kept.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await expect(page.getByText('48 training rows · 12 validation rows')).toBeVisible();
  await setNumber(page, 'Epochs', 3);
  await page.getByRole('combobox', { name: 'Method' }).selectOption('gp');
  await page.getByRole('spinbutton', { name: 'Trial budget' }).fill('200');
  await page.getByRole('button', { name: 'Run sweep' }).click();
  const table = page.getByRole('table', { name: 'Trials' });
  await expect.poll(() => table.getByRole('row').filter({ hasText: 'complete' }).count(), { timeout: 120_000 }).toBeGreaterThanOrEqual(2);
  await page.reload();
  const resume = page.getByRole('region', { name: 'Resume sweep' });
  await expect(resume).toHaveText(/interrupted after \d+ of 200 trials/);
  await expect(page.getByRole('alert')).toHaveText(/used a CSV file.*choose the file again/);
  await resume.getByRole('button', { name: 'Resume sweep' }).click();
  await expect(page.getByRole('status', { name: 'Progress' })).toHaveText(/Trial \d+ of 200/);
  await expect(page.getByRole('combobox', { name: 'Dataset' })).toHaveValue('__csv__');
  await expect(page.getByText('kept.csv')).toBeVisible();
  await expect(page.getByText('48 training rows · 12 validation rows')).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0); // "choose the file again" no longer holds
  await page.getByRole('button', { name: 'Stop sweep' }).click();
  await expect(page.getByRole('status', { name: 'Progress' })).toHaveText(/Sweep stopped/);
  expect(errors).toEqual([]);
});
