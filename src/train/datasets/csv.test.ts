import { describe, expect, test } from 'vitest';
import { csvColumns, csvToDataset, isMissingCell, loadCsv, parseCsv, parseNumber } from './csv';
import type { Dataset } from './types';

/** A CSV of `n` rows: two numeric features and a string label cycling through a, b, c. */
function makeCsv(n: number, sep = ','): string {
  const lines = [['x1', 'x2', 'label'].join(sep)];
  for (let i = 0; i < n; i++) lines.push([i, (i * 0.5).toString().replace('.', sep === ';' ? ',' : '.'), 'abc'[i % 3]].join(sep));
  return lines.join('\n') + '\n';
}

function ok(result: ReturnType<typeof loadCsv>): Dataset {
  if ('error' in result) throw new Error(`expected a dataset, got: ${result.error}`);
  return result.dataset;
}

function err(result: ReturnType<typeof loadCsv>): string {
  if (!('error' in result)) throw new Error('expected an error, got a dataset');
  return result.error;
}

describe('parseNumber and isMissingCell', () => {
  test('reads ordinary numbers and refuses text', () => {
    expect(parseNumber('3')).toBe(3);
    expect(parseNumber(' -2.5 ')).toBe(-2.5);
    expect(parseNumber('.5')).toBe(0.5);
    expect(parseNumber('+7.')).toBe(7);
    expect(parseNumber('1e-3')).toBe(0.001);
    expect(parseNumber('2E3')).toBe(2000);
    for (const s of ['', 'abc', '1.2.3', '12abc', '0x10', 'Infinity', 'NaN', '1e400', '1,5']) expect(parseNumber(s)).toBeNull();
  });

  test('a decimal comma is read when the separator is not a comma; thousands separators when it is', () => {
    expect(parseNumber('3,14', ';')).toBeCloseTo(3.14);
    expect(parseNumber('-0,5', '\t')).toBe(-0.5);
    expect(parseNumber('1,234', ',')).toBe(1234);
    expect(parseNumber('1,234,567.5', ',')).toBe(1234567.5);
    expect(parseNumber('12,34', ',')).toBeNull();
  });

  test('empty cells and the usual markers count as missing', () => {
    for (const s of ['', '  ', 'NA', 'n/a', 'NaN', 'null', 'None', '?', '-', '#N/A']) expect(isMissingCell(s)).toBe(true);
    for (const s of ['0', 'a', 'no']) expect(isMissingCell(s)).toBe(false);
  });
});

describe('parseCsv', () => {
  test('reads the header, cells and column summaries; the last column is the default target', () => {
    const p = parseCsv('a,b,name\n1,2,x\n3,4.5,y\n');
    expect(p.error).toBeNull();
    expect(p.headers).toEqual(['a', 'b', 'name']);
    expect(p.rows).toEqual([['1', '2', 'x'], ['3', '4.5', 'y']]);
    expect(p.lines).toEqual([2, 3]);
    expect(p.delimiter).toBe(',');
    expect(p.target).toBe('name');
    expect(p.columns.map((c) => c.numeric)).toEqual([true, true, false]);
    expect(p.columns[0].wholeNumbers).toBe(true);
    expect(p.columns[1].wholeNumbers).toBe(false);
    expect(p.columns[2].distinct).toBe(2);
    expect(parseCsv('a,b,name\n1,2,x\n', { target: 'a' }).target).toBe('a');
    expect(parseCsv('a,b,name\n1,2,x\n', { target: 'zzz' }).target).toBe('name');
  });

  test('quoted fields may hold commas, quotes and line breaks', () => {
    const p = parseCsv('city,size,label\n"Paris, France",2,"say ""hi"""\n"New\nYork",3,b\nRome,4,c\n');
    expect(p.error).toBeNull();
    expect(p.rows[0]).toEqual(['Paris, France', '2', 'say "hi"']);
    expect(p.rows[1][0]).toBe('New\nYork');
    // The multi-line row starts on line 3 and ends on line 4, so Rome is on line 5.
    expect(p.lines).toEqual([2, 3, 5]);
  });

  test('detects semicolons and tabs', () => {
    expect(parseCsv('a;b;c\n1,5;2;x\n3;4;y\n').delimiter).toBe(';');
    const tab = parseCsv('a\tb\tc\n1\t2\tx\n3\t4\ty\n');
    expect(tab.delimiter).toBe('\t');
    expect(tab.headers).toEqual(['a', 'b', 'c']);
  });

  test('strips a byte-order mark and handles CRLF line endings', () => {
    const p = parseCsv('\uFEFFa,b,c\r\n1,2,x\r\n3,4,y\r\n');
    expect(p.headers).toEqual(['a', 'b', 'c']);
    expect(p.rows).toEqual([['1', '2', 'x'], ['3', '4', 'y']]);
    expect(p.lines).toEqual([2, 3]);
  });

  test('skips blank lines but keeps line numbers true to the file', () => {
    const p = parseCsv('a,b\n1,2\n\n   \n3,4\n\n');
    expect(p.rows).toEqual([['1', '2'], ['3', '4']]);
    expect(p.lines).toEqual([2, 5]);
  });

  test('names blank headers and renames repeated ones, saying so', () => {
    const p = parseCsv('a,,a,a (2),b\n1,2,3,4,5\n');
    expect(p.headers).toEqual(['a', 'column 2', 'a (3)', 'a (2)', 'b']);
    expect(p.notes).toContain('Column 2 has no name and is called "column 2" here.');
    expect(p.notes).toContain('There are two columns called "a"; the second is called "a (3)" here.');
  });

  test('a few ragged rows are padded and reported; extra empty fields from a trailing separator are not', () => {
    const p = parseCsv('a,b,c\n1,2,3\n4,5\n6,7,8,9\n1,2,3,\n1,2,3\n1,2,3\n');
    expect(p.error).toBeNull();
    expect(p.rows[1]).toEqual(['4', '5', '']);
    expect(p.rows[2]).toEqual(['6', '7', '8']);
    expect(p.rows[3]).toEqual(['1', '2', '3']);
    expect(p.notes).toContain(
      '2 rows have a different number of fields from the header (3) (rows 3, 4). Missing fields count as missing values; extra fields are ignored.',
    );
  });

  test('a header that looks like data is flagged', () => {
    expect(parseCsv('1,2,3\n4,5,6\n').notes[0]).toMatch(/first row holds numbers/);
  });

  test('files that cannot be read give one clear error', () => {
    expect(parseCsv('').error).toBe('The file is empty.');
    expect(parseCsv('\uFEFF  \n\n ').error).toBe('The file is empty.');
    expect(parseCsv('a,b,c\n').error).toBe('The file has a header row but no data rows.');
    expect(parseCsv('a,b,c\n\n\n').error).toBe('The file has a header row but no data rows.');
    expect(parseCsv('value\n1\n2\n3\n').error).toMatch(/^The file has only one column/);
    expect(parseCsv('a,b,c\n1,2\n3,4\n5,6,7\n').error).toMatch(/^Most rows do not have the same number of fields as the header \(3\)/);
    expect(parseCsv('a,b,c\n1,2,3\n"4,5,6\n7,8,9\n').error).toBe('The quotes on row 3 do not match up. Check the quotes in the file.');
  });

  test('csvColumns lists the names, or nothing for an unreadable file', () => {
    expect(csvColumns('x;y;z\n1;2;3\n')).toEqual(['x', 'y', 'z']);
    expect(csvColumns('')).toEqual([]);
  });
});

describe('csvToDataset', () => {
  test('string labels become classes in natural order, with the mapping in the notes', () => {
    const ds = ok(loadCsv(makeCsv(30)));
    expect(ds.id).toBe('csv');
    expect(ds.task).toBe('classification');
    expect(ds.n).toBe(30);
    expect(ds.d).toBe(2);
    expect(ds.featureNames).toEqual(['x1', 'x2']);
    expect(ds.targetName).toBe('label');
    expect(ds.classNames).toEqual(['a', 'b', 'c']);
    expect(Array.from(ds.y.subarray(0, 4))).toEqual([0, 1, 2, 0]);
    expect(Array.from(ds.x.subarray(0, 6))).toEqual([0, 0, 1, 0.5, 2, 1]);
    expect(ds.notes).toContain('Labels: a → 0, b → 1, c → 2');
  });

  test('natural label order puts "class 2" before "class 10"', () => {
    const rows = Array.from({ length: 12 }, (_, i) => `${i},class ${i % 2 === 0 ? 10 : 2}`);
    const ds = ok(loadCsv(['v,kind', ...rows].join('\n')));
    expect(ds.classNames).toEqual(['class 2', 'class 10']);
  });

  test('semicolons with decimal commas, a BOM and CRLF all load', () => {
    const ds = ok(loadCsv('\uFEFF' + makeCsv(12, ';').replace(/\n/g, '\r\n')));
    expect(ds.n).toBe(12);
    expect(ds.x[3]).toBeCloseTo(0.5);
  });

  test('quoted numbers and quoted labels with commas load', () => {
    const rows = Array.from({ length: 10 }, (_, i) => `"${i}","1,00${i}","${i % 2 ? 'yes, sure' : 'no'}"`);
    const ds = ok(loadCsv(['a,b,answer', ...rows].join('\n')));
    expect(ds.classNames).toEqual(['no', 'yes, sure']);
    expect(ds.x[1]).toBe(1000);
  });

  test('a numeric target with few whole numbers is classification under auto, with a note', () => {
    const rows = Array.from({ length: 20 }, (_, i) => `${i * 0.1},${i},${3 + (i % 4)}`);
    const ds = ok(loadCsv(['a,b,quality', ...rows].join('\n')));
    expect(ds.task).toBe('classification');
    expect(ds.classNames).toEqual(['3', '4', '5', '6']);
    expect(ds.notes).toContain('The target "quality" has only 4 different whole numbers, so it is treated as classes (classification).');
    expect(ds.notes).toContain('Labels: 3 → 0, 4 → 1, 5 → 2, 6 → 3');
    // Labels already 0..k-1 need no mapping note.
    const binary = ok(loadCsv(['a,b,y', ...Array.from({ length: 12 }, (_, i) => `${i},${i},${i % 2}`)].join('\n')));
    expect(binary.classNames).toEqual(['0', '1']);
    expect(binary.notes.some((s) => s.startsWith('Labels'))).toBe(false);
  });

  test('a numeric target with many values is regression; the task can be forced either way', () => {
    const rows = Array.from({ length: 20 }, (_, i) => `${i},${i % 3},${(i * 1.7).toFixed(2)}`);
    const text = ['a,b,price', ...rows].join('\n');
    const reg = ok(loadCsv(text));
    expect(reg.task).toBe('regression');
    expect(reg.classNames).toEqual([]);
    expect(reg.y[2]).toBeCloseTo(3.4);
    const asReg = ok(loadCsv(text, { target: 'b', task: 'regression' }));
    expect(asReg.task).toBe('regression');
    expect(asReg.featureNames).toEqual(['a', 'price']);
    const asClass = ok(loadCsv(text, { target: 'b', task: 'classification' }));
    expect(asClass.classNames).toEqual(['0', '1', '2']);
    expect(asClass.notes.some((s) => s.includes('treated as classes'))).toBe(false);
  });

  test('the user picks the target column; the file name becomes the dataset name', () => {
    const ds = ok(loadCsv(makeCsv(12), { target: 'x1', task: 'regression', name: 'grades.csv' }));
    expect(ds.targetName).toBe('x1');
    expect(ds.name).toBe('grades.csv');
    expect(ds.featureNames).toEqual(['x2']);
    expect(ds.notes).toContain('Column "label" is not numeric and was left out.');
  });

  test('text and empty feature columns are left out and named in the notes', () => {
    const rows = Array.from({ length: 12 }, (_, i) => `${i},Town${i},,${i * 2},${i % 2}`);
    const ds = ok(loadCsv(['id,city,blank,size,y', ...rows].join('\n')));
    expect(ds.featureNames).toEqual(['id', 'size']);
    expect(ds.notes).toContain('Column "city" is not numeric and was left out.');
    expect(ds.notes).toContain('Column "blank" is empty and was left out.');
  });

  test('rows with missing cells are dropped (never zeroed), counted, with their line numbers', () => {
    const lines = ['a,b,label'];
    for (let i = 0; i < 15; i++) lines.push(`${i},${i + 100},${'xy'[i % 2]}`);
    lines[3] = '2,,x'; // line 4
    lines[8] = '7,NA,y'; // line 9
    lines[11] = '10,110,'; // line 12: missing label
    const ds = ok(loadCsv(lines.join('\n')));
    expect(ds.n).toBe(12);
    expect(ds.notes).toContain('3 rows with missing values were left out (rows 4, 9, 12).');
    expect(Array.from(ds.x).includes(0) && Array.from(ds.x).filter((v) => v === 0).length).toBe(1);
    for (let i = 0; i < ds.n; i++) expect(ds.x[2 * i + 1] - ds.x[2 * i]).toBe(100);
  });

  test('stray text in a numeric column counts as unreadable; long lists of rows are cut short', () => {
    const lines = ['a,b,label'];
    for (let i = 0; i < 30; i++) lines.push(`${i},${i < 7 ? 'oops' : i},${i % 2}`);
    const ds = ok(loadCsv(lines.join('\n')));
    expect(ds.featureNames).toEqual(['a', 'b']);
    expect(ds.n).toBe(23);
    expect(ds.notes).toContain('7 rows with missing or unreadable values were left out (rows 2, 3, 4, 5, 6, …).');
  });

  test('a ragged row with too few fields is dropped and both notes appear', () => {
    const text = makeCsv(12).replace('3,1.5,a\n', '3,1.5\n');
    const ds = ok(loadCsv(text));
    expect(ds.n).toBe(11);
    expect(ds.notes.some((s) => s.startsWith('1 row has a different number of fields from the header (3) (row 5).'))).toBe(true);
    expect(ds.notes).toContain('1 row with missing values was left out (row 5).');
  });

  test('clear errors for files that cannot become a dataset', () => {
    expect(err(loadCsv(''))).toBe('The file is empty.');
    expect(err(loadCsv('a,b\n'))).toBe('The file has a header row but no data rows.');
    expect(err(loadCsv('a\n1\n2\n'))).toMatch(/only one column/);
    expect(err(loadCsv(makeCsv(12), { target: 'colour' }))).toBe('There is no column called "colour". The columns are: x1, x2, label.');
    const oneClass = ['a,b,label', ...Array.from({ length: 12 }, (_, i) => `${i},${i},same`)].join('\n');
    expect(err(loadCsv(oneClass))).toBe('Every usable row has the same target "same" in "label", so there is nothing to tell apart.');
    const noFeatures = ['name,town,label', ...Array.from({ length: 12 }, (_, i) => `n${i},t${i},${i % 2}`)].join('\n');
    expect(err(loadCsv(noFeatures))).toBe('None of the feature columns hold numbers, so there is nothing to learn from.');
    expect(err(loadCsv(makeCsv(9)))).toBe('Only 9 usable rows: need at least 10 for a training and a validation split.');
    const mostlyMissing = ['a,b,label', ...Array.from({ length: 12 }, (_, i) => `${i},${i < 5 ? '' : i},${i % 2}`)].join('\n');
    expect(err(loadCsv(mostlyMissing))).toBe('Only 7 usable rows: need at least 10 for a training and a validation split.');
    expect(err(loadCsv(makeCsv(12), { task: 'regression' }))).toBe(
      'The target "label" is not numeric, so it cannot be predicted as a number. Choose classification instead.',
    );
    const constant = ['a,b,y', ...Array.from({ length: 12 }, (_, i) => `${i},${i},2.5`)].join('\n');
    expect(err(loadCsv(constant))).toBe('The target "y" has the same value in every usable row, so there is nothing to predict.');
    const ids = ['a,b,name', ...Array.from({ length: 60 }, (_, i) => `${i},${i},person${i}`)].join('\n');
    expect(err(loadCsv(ids))).toMatch(/^The target "name" has 60 different values, more than 50 classes/);
    expect(err(loadCsv('a,b,c\n1,2\n3,4\n5,6,7\n'))).toMatch(/^Most rows/);
  });

  test('csvToDataset reuses one parse for several targets', () => {
    const parsed = parseCsv(makeCsv(15));
    const a = ok(csvToDataset(parsed));
    const b = ok(csvToDataset(parsed, { target: 'x2' }));
    expect(a.targetName).toBe('label');
    expect(b.targetName).toBe('x2');
    expect(b.task).toBe('regression');
    expect(parsed.notes).toEqual([]);
  });

  test('every value is finite and the shapes agree', () => {
    const ds = ok(loadCsv(makeCsv(40)));
    expect(ds.x.length).toBe(ds.n * ds.d);
    expect(ds.y.length).toBe(ds.n);
    for (const v of ds.x) expect(Number.isFinite(v)).toBe(true);
  });
});

describe('text feature columns: left out or one-hot encoded', () => {
  const csv = ['size,city,label', ...Array.from({ length: 20 }, (_, i) => `${i},${['Oslo', 'Rome', 'Lima'][i % 3]},${i % 2 ? 'a' : 'b'}`)].join('\n');

  test('left out by default, and said so', () => {
    const r = loadCsv(csv);
    if ('error' in r) throw new Error(r.error);
    expect(r.dataset.featureNames).toEqual(['size']);
    expect(r.dataset.notes.join(' ')).toMatch(/"city" is not numeric and was left out/);
  });

  test('one-hot: one 0/1 feature per value, in natural order, each row with exactly one 1', () => {
    const r = loadCsv(csv, { textColumns: 'onehot' });
    if ('error' in r) throw new Error(r.error);
    const ds = r.dataset;
    expect(ds.featureNames).toEqual(['size', 'city=Lima', 'city=Oslo', 'city=Rome']);
    expect(ds.d).toBe(4);
    for (let i = 0; i < ds.n; i++) {
      const row = Array.from(ds.x.subarray(i * 4, i * 4 + 4));
      expect(row[0]).toBe(i);
      expect(row.slice(1).reduce((a, b) => a + b, 0)).toBe(1);
      expect(row[1 + ['Lima', 'Oslo', 'Rome'].indexOf(['Oslo', 'Rome', 'Lima'][i % 3])]).toBe(1);
    }
    expect(ds.notes.join(' ')).toMatch(/"city" was one-hot encoded into 3 columns/);
  });

  test('a text column with too many values is left out even with one-hot, and a missing cell drops its row', () => {
    const many = ['id,x,y', ...Array.from({ length: 30 }, (_, i) => `name${i},${i},${i % 2}`)].join('\n');
    const r = loadCsv(many, { textColumns: 'onehot' });
    if ('error' in r) throw new Error(r.error);
    expect(r.dataset.featureNames).toEqual(['x']);
    expect(r.dataset.notes.join(' ')).toMatch(/"id" has 30 different values/);
    const holes = loadCsv(csv.replace('\n3,Oslo,a', '\n3,,a'), { textColumns: 'onehot' });
    if ('error' in holes) throw new Error(holes.error);
    expect(holes.dataset.n).toBe(19);
  });
});
