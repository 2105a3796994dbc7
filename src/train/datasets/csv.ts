/**
 * A student's CSV file -> a Dataset. Two steps, so the UI can show the columns before choosing a
 * target: parseCsv (text -> header, cells, line numbers, column summaries) and csvToDataset (pick the
 * target and task, keep numeric features, drop incomplete rows). Problems come back as plain
 * sentences, never as exceptions, and nothing is silently filled in.
 */
import Papa from 'papaparse';
import { messages as m } from './messages';
import type { Dataset, Task } from './types';

/** Fewer usable rows than this cannot make both a training and a validation part worth having. */
export const MIN_CSV_ROWS = 10;
/** Numeric targets with at most this many distinct whole numbers count as classes under task 'auto'. */
export const AUTO_CLASS_LIMIT = 10;
/** More classes than this is almost surely the wrong target (a name or id column). */
export const MAX_CLASSES = 50;

export type CsvTask = 'auto' | Task;

export interface CsvColumnInfo {
  name: string;
  /** Most of its filled cells are numbers (the rest count as unreadable). */
  numeric: boolean;
  /** Cells that are empty or a missing-value marker such as NA. */
  missing: number;
  /** Filled cells that are not numbers. */
  text: number;
  /** Distinct filled values (numbers compared as numbers when the column is numeric), counted up to 1000. */
  distinct: number;
  /** Every number in it is a whole number (meaningful only when numeric). */
  wholeNumbers: boolean;
}

export interface CsvParseResult {
  /** Column names, trimmed, blanks named and duplicates renamed. */
  headers: string[];
  /** Data rows, trimmed cells, each exactly headers.length long ('' where a field was missing). */
  rows: string[][];
  /** For each data row, the line in the file where it starts (the header is line 1), as a spreadsheet numbers rows. */
  lines: number[];
  delimiter: string;
  columns: CsvColumnInfo[];
  /** The target to use by default: the asked one if it exists, else the last column. */
  target: string | null;
  notes: string[];
  /** Set when the text cannot be used at all; the other fields may then be partial. */
  error: string | null;
}

export interface CsvDatasetOptions {
  /** Column to predict; defaults to the parse result's target (the last column). */
  target?: string;
  task?: CsvTask;
  /** Shown in the UI, e.g. the file name. */
  name?: string;
  /** Text (non-numeric) feature columns: left out (default) or one-hot encoded, one 0/1 feature per value. */
  textColumns?: TextColumns;
}

export type TextColumns = 'exclude' | 'onehot';
/** A text column with more distinct values than this is left out even when one-hot encoding is asked. */
export const MAX_ONEHOT_VALUES = 20;

export type CsvDatasetResult = { dataset: Dataset } | { error: string };

/** Counting distinct values beyond this is slow for big files and tells nothing more. */
const DISTINCT_CAP = 1000;

const MISSING = new Set(['', 'na', 'n/a', 'nan', 'null', 'none', '?', '-', '.', '#n/a']);

export function isMissingCell(cell: string): boolean {
  return MISSING.has(cell.trim().toLowerCase());
}

const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
const DECIMAL_COMMA = /^[+-]?(\d+,\d*|,\d+)(e[+-]?\d+)?$/i;
const THOUSANDS = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;

/**
 * A cell as a number, or null if it is not one. Accepts 1, -2.5, .5, 1e-3; a decimal comma (3,14)
 * when the separator is not a comma; thousands separators (1,234.5) when it is. Values too large for
 * 32-bit floats are not numbers here, since training would turn them into infinities.
 */
export function parseNumber(cell: string, delimiter = ','): number | null {
  let s = cell.trim();
  if (delimiter !== ',' && DECIMAL_COMMA.test(s)) s = s.replace(',', '.');
  else if (delimiter === ',' && THOUSANDS.test(s)) s = s.replace(/,/g, '');
  if (!PLAIN_NUMBER.test(s)) return null;
  const v = Number(s);
  return Number.isFinite(v) && Number.isFinite(Math.fround(v)) ? v : null;
}

/** A column's summary, built one cell at a time as the rows are read. */
class ColumnTally {
  private cells = 0;
  private missing = 0;
  private text = 0;
  private wholeNumbers = true;
  private readonly numbers = new Set<number>();
  private readonly strings = new Set<string>();
  constructor(private readonly delimiter: string) {}

  add(cell: string): void {
    this.cells++;
    if (isMissingCell(cell)) {
      this.missing++;
      return;
    }
    if (this.strings.size < DISTINCT_CAP) this.strings.add(cell);
    const v = parseNumber(cell, this.delimiter);
    if (v === null) this.text++;
    else {
      if (this.numbers.size < DISTINCT_CAP) this.numbers.add(v);
      if (!Number.isInteger(v)) this.wholeNumbers = false;
    }
  }

  info(name: string): CsvColumnInfo {
    const filled = this.cells - this.missing;
    const numeric = filled > 0 && filled - this.text > filled / 2;
    return {
      name,
      numeric,
      missing: this.missing,
      text: this.text,
      distinct: numeric ? this.numbers.size : this.strings.size,
      wholeNumbers: numeric && this.wholeNumbers,
    };
  }
}

function emptyResult(error: string, delimiter = ','): CsvParseResult {
  return { headers: [], rows: [], lines: [], delimiter, columns: [], target: null, notes: [], error };
}

/** Names every column: trims, names blank ones "column N", renames repeats "name (2)". */
function cleanHeaders(raw: readonly string[], notes: string[]): string[] {
  const seen = new Map<string, number>();
  const taken = new Set(raw.map((h) => h.trim()));
  return raw.map((h, i) => {
    let name = h.trim();
    if (name === '') {
      name = `column ${i + 1}`;
      notes.push(m.blankHeader(i));
    }
    const count = (seen.get(name) ?? 0) + 1;
    seen.set(name, count);
    if (count > 1) {
      let k = count;
      while (taken.has(`${name} (${k})`)) k++;
      const renamed = `${name} (${k})`;
      taken.add(renamed);
      notes.push(m.duplicateHeader(name, renamed));
      return renamed;
    }
    return name;
  });
}

/** How far a parse has got, for a progress bar. */
export interface CsvProgress {
  /** Share of the text parsed so far, 0 to 1; never goes back, and the last report is exactly 1. */
  fraction: number;
  /** Data rows read so far (the header not counted). */
  rows: number;
}

export interface ParseCsvOptions {
  /** The target to use if the file has such a column (else the last column). */
  target?: string;
  /** Told every `progressEvery` rows while papaparse steps through the text, and once more at the end with fraction 1. */
  onProgress?: (p: CsvProgress) => void;
  /** Rows between progress reports (default 5000). A caller that wants reports by time throttles them itself. */
  progressEvery?: number;
}

/**
 * Splits CSV text into a header and trimmed cells, with each row's line number. Never throws.
 * Each row is trimmed, sized to the header, numbered and counted into its columns' summaries as
 * papaparse reaches it, so `onProgress` follows the whole of the work.
 */
export function parseCsv(text: string, opts: ParseCsvOptions = {}): CsvParseResult {
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') return emptyResult(m.emptyFile);

  const { onProgress } = opts;
  const every = Math.max(1, opts.progressEvery ?? 5000);
  let headerRaw: string[] | null = null;
  let width = 0;
  let tallies: ColumnTally[] = [];
  const rows: string[][] = [];
  const dataLines: number[] = [];
  const raggedLines: number[] = [];
  let quoteErrorLine: number | null = null;
  let delimiter = ',';
  let nl: string | null = null;
  // Line numbers: each row starts where the last ended, after any blank lines papaparse skipped.
  let counted = 0;
  let breaks = 0;
  let prevEnd = 0;
  Papa.parse<string[]>(body, {
    header: false,
    dynamicTyping: false,
    skipEmptyLines: 'greedy',
    delimitersToGuess: [',', ';', '\t', '|'],
    step: (result) => {
      delimiter = result.meta.delimiter;
      nl ??= result.meta.linebreak === '\r' ? '\r' : '\n';
      const end = result.meta.cursor;
      let start = prevEnd;
      for (let i = body.indexOf(nl, start); i !== -1 && i < end && body.slice(start, i).trim() === ''; i = body.indexOf(nl, start)) {
        start = i + 1;
      }
      for (let i = body.indexOf(nl, counted); i !== -1 && i < start; i = body.indexOf(nl, i + 1)) breaks++;
      counted = start;
      prevEnd = end;
      const line = 1 + breaks;
      if (quoteErrorLine === null && result.errors.some((e) => e.type === 'Quotes')) quoteErrorLine = line;

      if (headerRaw === null) {
        headerRaw = result.data;
        width = headerRaw.length;
        tallies = headerRaw.map(() => new ColumnTally(delimiter));
        return;
      }
      const cells = result.data.map((c) => c.trim());
      // Extra fields that are all empty (a trailing separator) are harmless.
      const extraFilled = cells.length > width && cells.slice(width).some((c) => c !== '');
      if (cells.length < width || extraFilled) raggedLines.push(line);
      if (cells.length > width) cells.length = width;
      while (cells.length < width) cells.push('');
      for (let j = 0; j < width; j++) tallies[j].add(cells[j]);
      rows.push(cells);
      dataLines.push(line);
      if (onProgress && rows.length % every === 0) onProgress({ fraction: Math.min(1, end / body.length), rows: rows.length });
    },
  });
  onProgress?.({ fraction: 1, rows: rows.length });

  if (headerRaw === null) return emptyResult(m.emptyFile, delimiter);
  if (quoteErrorLine !== null) return emptyResult(m.unclosedQuote(quoteErrorLine), delimiter);

  const notes: string[] = [];
  const headers = cleanHeaders(headerRaw, notes);
  if (width < 2) return { ...emptyResult(m.singleColumn, delimiter), headers };
  if (rows.length === 0) return { ...emptyResult(m.headerOnly, delimiter), headers };
  if (headers.every((h) => parseNumber(h, delimiter) !== null)) notes.push(m.numericHeader);

  if (raggedLines.length > rows.length / 2) {
    return { ...emptyResult(m.mostRowsRagged(width), delimiter), headers };
  }
  if (raggedLines.length > 0) notes.push(m.raggedRows(raggedLines.length, width, raggedLines));

  const columns = headers.map((name, j) => tallies[j].info(name));
  const target = opts.target !== undefined && headers.includes(opts.target) ? opts.target : headers[width - 1];
  return { headers, rows, lines: dataLines, delimiter, columns, target, notes, error: null };
}

/** Just the column names (for the target picker); empty when the file cannot be read. */
export function csvColumns(text: string): string[] {
  const parsed = parseCsv(text);
  return parsed.error === null ? parsed.headers : [];
}

type Cell = { ok: true; value: number } | { ok: false; missing: boolean };

function readNumber(cell: string, delimiter: string): Cell {
  if (isMissingCell(cell)) return { ok: false, missing: true };
  const v = parseNumber(cell, delimiter);
  return v === null ? { ok: false, missing: false } : { ok: true, value: v };
}

/** Natural order, so "class 2" comes before "class 10". */
const compareLabels = (a: string, b: string): number => a.localeCompare(b, 'en', { numeric: true });

/** Builds a dataset from a parse result: the target column, numeric features, complete rows only. */
export function csvToDataset(parsed: CsvParseResult, opts: CsvDatasetOptions = {}): CsvDatasetResult {
  if (parsed.error !== null) return { error: parsed.error };
  const { headers, rows, lines, delimiter, columns } = parsed;
  const target = opts.target ?? parsed.target ?? headers[headers.length - 1];
  const t = headers.indexOf(target);
  if (t < 0) return { error: m.unknownTarget(target, headers) };
  const targetInfo = columns[t];

  const notes = [...parsed.notes];
  let task: Task;
  const asked = opts.task ?? 'auto';
  if (asked === 'regression') {
    if (!targetInfo.numeric) return { error: m.targetNotNumeric(target) };
    task = 'regression';
  } else if (asked === 'classification') {
    task = 'classification';
  } else if (targetInfo.numeric && targetInfo.wholeNumbers && targetInfo.distinct <= AUTO_CLASS_LIMIT) {
    task = 'classification';
    notes.push(m.autoClassification(target, targetInfo.distinct));
  } else {
    task = targetInfo.numeric ? 'regression' : 'classification';
  }
  // Numeric targets are read as numbers (so "1" and "1.0" are one class); others as text labels.
  const numericTarget = targetInfo.numeric;

  const features: number[] = [];
  const encoded: { j: number; values: string[] }[] = [];
  columns.forEach((c, j) => {
    if (j === t) return;
    if (c.numeric) features.push(j);
    else if (c.missing === rows.length) notes.push(m.emptyColumn(c.name));
    else if (opts.textColumns !== 'onehot') notes.push(m.notNumericColumn(c.name));
    else {
      const values = [...new Set(rows.map((row) => row[j]).filter((v) => !isMissingCell(v)))].sort(compareLabels);
      if (values.length > MAX_ONEHOT_VALUES) notes.push(m.tooManyValuesToEncode(c.name, values.length, MAX_ONEHOT_VALUES));
      else {
        encoded.push({ j, values });
        notes.push(m.oneHotColumn(c.name, values));
      }
    }
  });
  if (features.length === 0 && encoded.length === 0) return { error: m.noNumericFeatures };

  const d = features.length + encoded.reduce((k, e) => k + e.values.length, 0);
  const xs: number[] = [];
  const targets: (number | string)[] = [];
  const droppedLines: number[] = [];
  let unreadable = false;
  rows.forEach((row, r) => {
    const values: number[] = [];
    let ok = true;
    for (const j of features) {
      const cell = readNumber(row[j], delimiter);
      if (cell.ok) values.push(cell.value);
      else {
        ok = false;
        if (!cell.missing) unreadable = true;
      }
    }
    for (const { j, values: levels } of encoded) {
      if (isMissingCell(row[j])) ok = false;
      else for (const level of levels) values.push(row[j] === level ? 1 : 0);
    }
    let label: number | string = 0;
    if (numericTarget) {
      const cell = readNumber(row[t], delimiter);
      if (cell.ok) label = cell.value;
      else {
        ok = false;
        if (!cell.missing) unreadable = true;
      }
    } else if (isMissingCell(row[t])) ok = false;
    else label = row[t];
    if (!ok) {
      droppedLines.push(lines[r]);
      return;
    }
    xs.push(...values);
    targets.push(label);
  });
  if (droppedLines.length > 0) {
    notes.push(unreadable ? m.rowsUnreadable(droppedLines.length, droppedLines) : m.rowsMissing(droppedLines.length, droppedLines));
  }

  const n = targets.length;
  if (n < MIN_CSV_ROWS) return { error: m.tooFewRows(n, MIN_CSV_ROWS) };

  const y = new Float32Array(n);
  let classNames: string[] = [];
  if (task === 'classification') {
    const distinct = numericTarget
      ? [...new Set(targets as number[])].sort((a, b) => a - b).map(String)
      : [...new Set(targets as string[])].sort(compareLabels);
    if (distinct.length < 2) return { error: m.singleClass(target, distinct[0] ?? '') };
    if (distinct.length > MAX_CLASSES) return { error: m.tooManyClasses(target, distinct.length, MAX_CLASSES) };
    const index = new Map(distinct.map((name, i) => [name, i]));
    targets.forEach((label, i) => (y[i] = index.get(String(label)) as number));
    classNames = distinct;
    if (distinct.some((name, i) => name !== String(i))) notes.push(m.labelMapping(distinct.map((name, i) => [name, i] as const)));
  } else {
    targets.forEach((v, i) => (y[i] = v as number));
    if (y.every((v) => v === y[0])) return { error: m.constantTarget(target) };
  }

  const dataset: Dataset = {
    id: 'csv',
    name: opts.name ?? m.csvName,
    task,
    featureNames: [...features.map((j) => headers[j]), ...encoded.flatMap(({ j, values }) => values.map((v) => `${headers[j]}=${v}`))],
    n,
    d,
    x: Float32Array.from(xs),
    y,
    classNames,
    targetName: target,
    notes,
  };
  return { dataset };
}

/** parseCsv then csvToDataset, in one call. */
export function loadCsv(text: string, opts: CsvDatasetOptions = {}): CsvDatasetResult {
  return csvToDataset(parseCsv(text, opts.target === undefined ? {} : { target: opts.target }), opts);
}
