/** Typed messages between the page and the CSV worker. */
import type { CsvEncoding } from './datasets/decode';
import type { CsvBuildRequest, CsvBuilt } from './csvSession';

/** Read (if not already read) and build. Blobs are structured-cloneable: the worker gets a reference, not a copy. */
export interface CsvLoadMessage extends CsvBuildRequest {
  type: 'load';
  jobId: number;
  /** The page's id for this file; with the encoding, the key of the parse the worker keeps. */
  fileId: number;
  file: Blob;
  encoding: CsvEncoding;
}

export type ToCsvWorker = CsvLoadMessage;

/** 'read': reading and parsing, `fraction` of the text done; 'build': making the dataset from the parse. */
export type CsvPhase = 'read' | 'build';

export type FromCsvWorker =
  | { type: 'progress'; jobId: number; phase: CsvPhase; fraction: number; rows: number }
  | { type: 'done'; jobId: number; result: CsvBuilt };
