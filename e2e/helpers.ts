import { expect, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';

export const shotDir = 'test-results/screenshots';

export async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(shotDir, { recursive: true });
  await page.screenshot({ path: `${shotDir}/${name}.png`, fullPage: true });
}

/** Open the app and collect console errors, so a test can assert there were none. */
export async function openApp(page: Page): Promise<string[]> {
  const errors: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Hyperparameter Playground' })).toBeVisible();
  return errors;
}

export async function setNumber(page: Page, label: string, value: number | string): Promise<void> {
  const box = page.getByRole('spinbutton', { name: `${label} value`, exact: true });
  await box.fill(String(value));
  await expect(box).toHaveValue(String(value));
}

/** Loss values from the table behind the loss chart: [trainLoss, valLoss] per epoch. */
export async function lossRows(page: Page): Promise<number[][]> {
  const details = page.locator('details.loss-table');
  if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open))) await details.getByText('Loss values as a table').click();
  const rows = details.getByRole('row');
  await expect(rows.nth(1)).toBeVisible(); // rows render once the table is open
  const n = await rows.count();
  const out: number[][] = [];
  for (let i = 1; i < n; i++) {
    const cells = await rows.nth(i).getByRole('cell').allTextContents();
    out.push(cells.slice(1, 3).map(Number));
  }
  return out;
}
