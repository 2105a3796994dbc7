import { describe, expect, test } from 'vitest';
import { parseCsv, type CsvProgress } from './datasets/csv';
import { createCsvSession, createThrottle } from './csvSession';
import { messages as m } from './datasets/messages';

/** Rows with quotes, a line break inside a field, blank lines, CRLF and a ragged row: everything the line numbers must survive. */
function awkwardCsv(n: number): string {
  const lines = ['x1;x2;"the label"'];
  for (let i = 0; i < n; i++) {
    if (i % 97 === 5) lines.push('');
    if (i === 300) lines.push(`${i};1,5`); // ragged: one field short
    else lines.push(i % 50 === 7 ? `${i};"${i % 3},25";"two\r\nlines"` : `${i};${i % 3},5;${i % 2 ? 'yes' : 'no'}`);
  }
  return lines.join('\r\n') + '\r\n';
}

const encode = (s: string) => new TextEncoder().encode(s);

describe('parseCsv progress', () => {
  test('rises monotonically, ends at exactly 1 with every row, and changes nothing in the result', () => {
    const text = awkwardCsv(2000);
    const reports: CsvProgress[] = [];
    const withProgress = parseCsv(text, { onProgress: (p) => reports.push(p), progressEvery: 100 });
    expect(withProgress).toEqual(parseCsv(text));
    expect(withProgress.error).toBeNull();
    expect(reports.length).toBe(Math.floor(2000 / 100) + 1);
    for (let i = 1; i < reports.length; i++) {
      expect(reports[i].fraction).toBeGreaterThanOrEqual(reports[i - 1].fraction);
      expect(reports[i].rows).toBeGreaterThanOrEqual(reports[i - 1].rows);
    }
    expect(reports[0].fraction).toBeGreaterThan(0);
    expect(reports[0].fraction).toBeLessThan(0.1);
    expect(reports.at(-1)).toEqual({ fraction: 1, rows: 2000 });
    // Fractions follow the text: halfway through the rows is about halfway through the text.
    expect(reports[9].fraction).toBeGreaterThan(0.4);
    expect(reports[9].fraction).toBeLessThan(0.6);
  });

  test('line numbers stay true to the file in a row-by-row parse', () => {
    const p = parseCsv(awkwardCsv(400));
    // Row i sits on line 2 + i, plus one per blank line before it, plus one per quoted line break before it.
    const expected = Array.from({ length: 400 }, (_, i) => {
      const blanks = Array.from({ length: i + 1 }, (_, k) => k).filter((k) => k % 97 === 5).length;
      const breaks = Array.from({ length: i }, (_, k) => k).filter((k) => k % 50 === 7 && k !== 300).length;
      return 2 + i + blanks + breaks;
    });
    expect(p.lines).toEqual(expected);
    expect(p.notes.some((n) => n.includes(`row ${expected[300]}`))).toBe(true);
    expect(p.columns.map((c) => c.numeric)).toEqual([true, true, false]);
  });

  test('an unreadable file still ends its progress at 1', () => {
    const reports: CsvProgress[] = [];
    expect(parseCsv('a,b\n"1,2\n3,4\n', { onProgress: (p) => reports.push(p) }).error).toMatch(/quotes on row 2/);
    expect(reports.at(-1)?.fraction).toBe(1);
  });
});

describe('the CSV session (the worker without the worker)', () => {
  const build = { fileName: 'f.csv', textColumns: 'exclude' as const, validationFraction: 0.25, splitSeed: 1 };

  test('keeps one parse per file and encoding, and builds any target from it', () => {
    const s = createCsvSession();
    expect(s.has(1, 'auto')).toBe(false);
    s.parse(1, 'auto', encode(awkwardCsv(400)));
    expect(s.has(1, 'auto')).toBe(true);
    expect(s.has(1, 'utf-8')).toBe(false);
    expect(s.has(2, 'auto')).toBe(false);
    const byLabel = s.build(build);
    if (!('prepared' in byLabel)) throw new Error(byLabel.error);
    expect(byLabel.columns).toEqual(['x1', 'x2', 'the label']);
    expect(byLabel.target).toBe('the label');
    expect(byLabel.encoding).toBe('utf-8');
    expect(byLabel.prepared.dataset.name).toBe('f.csv');
    expect(byLabel.prepared.split.train.n + byLabel.prepared.split.validation.n).toBe(399); // the ragged row (one field short) is dropped
    const byX2 = s.build({ ...build, target: 'x2' });
    if (!('prepared' in byX2)) throw new Error(byX2.error);
    expect(byX2.prepared.dataset.task).toBe('regression'); // 0,5 1,5 2,5 (decimal commas): not whole numbers
    expect(byX2.prepared.dataset.featureNames).toEqual(['x1']); // the text label is left out
    expect(s.parses).toBe(1);
  });

  test('a target the file does not have falls back to the last column; a failed build still names the columns', () => {
    const s = createCsvSession();
    s.parse(1, 'auto', encode('a,b,c\n' + Array.from({ length: 20 }, (_, i) => `${i},${i * 2},same`).join('\n')));
    const out = s.build({ ...build, target: 'gone' });
    expect(out).toEqual({ columns: ['a', 'b', 'c'], target: 'c', encoding: 'utf-8', error: m.singleClass('c', 'same') });
  });

  test("the decoder's note comes first in the dataset's notes", () => {
    const s = createCsvSession();
    const text = 'a,b,town\n' + Array.from({ length: 20 }, (_, i) => `${i},${i % 4},${i % 2 ? 'M\xe1laga' : 'caf\xe9'}`).join('\n');
    s.parse(7, 'auto', Uint8Array.from(text, (c) => c.charCodeAt(0)));
    const out = s.build(build);
    if (!('prepared' in out)) throw new Error(out.error);
    expect(out.encoding).toBe('windows-1252');
    expect(out.prepared.dataset.notes[0]).toBe(m.readAsWindows1252);
    expect(out.prepared.dataset.classNames).toEqual(['café', 'Málaga']);
  });
});

describe('createThrottle', () => {
  test('lets one call through per interval', () => {
    let now = 0;
    const due = createThrottle(100, () => now);
    const passed: number[] = [];
    for (now = 0; now <= 350; now += 10) if (due()) passed.push(now);
    expect(passed).toEqual([0, 100, 200, 300]);
  });
});
