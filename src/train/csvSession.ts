/**
 * What the CSV worker does, without the worker: decode a file's bytes, parse them (with progress),
 * keep the parse, and build datasets from it for any target or one-hot choice without parsing again.
 * Pure (no DOM, no tfjs), so Node tests drive it exactly as the worker does.
 */
import { csvToDataset, parseCsv, type CsvParseResult, type CsvProgress, type TextColumns } from './datasets/csv';
import { decodeCsvBytes, type CsvEncoding, type ResolvedEncoding } from './datasets/decode';
import { messages as m } from './datasets/messages';
import { prepareDataset, type PreparedData } from './preparedData';

export interface CsvBuildRequest {
  /** Shown as the dataset's name. */
  fileName: string;
  /** The target column; the last column when absent or not in the file. */
  target?: string;
  textColumns: TextColumns;
  validationFraction: number;
  splitSeed: number;
}

/** A build's answer. `columns` and `target` come back even when the dataset cannot be made, so another target can be picked. */
export type CsvBuilt =
  | { columns: string[]; target: string; encoding: ResolvedEncoding; prepared: PreparedData }
  | { columns: string[]; target: string; encoding: ResolvedEncoding | null; error: string };

export interface CsvSession {
  /** Whether this file (by id) in this encoding is parsed and kept. */
  has(fileId: number, encoding: CsvEncoding): boolean;
  /** Decode and parse, keeping the result (and dropping the one kept before). */
  parse(fileId: number, encoding: CsvEncoding, bytes: Uint8Array, onProgress?: (p: CsvProgress) => void): void;
  /** A dataset from the kept parse. */
  build(req: CsvBuildRequest): CsvBuilt;
  /** How many times parse ran (for tests and for the record). */
  readonly parses: number;
}

export function createCsvSession(): CsvSession {
  let kept: { fileId: number; encoding: CsvEncoding; used: ResolvedEncoding; parsed: CsvParseResult } | null = null;
  let parses = 0;
  return {
    has: (fileId, encoding) => kept !== null && kept.fileId === fileId && kept.encoding === encoding,
    parse: (fileId, encoding, bytes, onProgress) => {
      kept = null; // let the old parse go before the new one is built
      parses++;
      const decoded = decodeCsvBytes(bytes, encoding);
      const parsed = parseCsv(decoded.text, onProgress ? { onProgress } : {});
      if (decoded.note) parsed.notes.unshift(decoded.note);
      kept = { fileId, encoding, used: decoded.encoding, parsed };
    },
    build: (req) => {
      if (!kept) return { columns: [], target: '', encoding: null, error: m.nothingRead };
      const { parsed, used } = kept;
      const columns = parsed.error === null ? parsed.headers : [];
      const target = req.target !== undefined && parsed.headers.includes(req.target) ? req.target : (parsed.target ?? '');
      const out = csvToDataset(parsed, { target: target || undefined, name: req.fileName, textColumns: req.textColumns });
      if ('error' in out) return { columns, target, encoding: used, error: out.error };
      const prepared = prepareDataset(out.dataset, req.validationFraction, req.splitSeed);
      if ('error' in prepared) return { columns, target, encoding: used, error: prepared.error };
      return { columns, target, encoding: used, prepared };
    },
    get parses() {
      return parses;
    },
  };
}

/** True at most once per `intervalMs`: progress reports a few times a second, not one per row batch. */
export function createThrottle(intervalMs: number, now: () => number): () => boolean {
  let last = -Infinity;
  return () => {
    const t = now();
    if (t - last < intervalMs) return false;
    last = t;
    return true;
  };
}
