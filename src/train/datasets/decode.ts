/**
 * A CSV file's bytes -> text. Students' files come from Excel as often as from anywhere: Excel on
 * Windows writes Windows-1252 ("CSV (comma delimited)"), or UTF-16LE with tabs ("Unicode text"), or
 * UTF-8 with a byte-order mark ("CSV UTF-8"). Auto-detection: a BOM wins; then the zero bytes that
 * UTF-16 puts beside every ASCII letter; then strict UTF-8; and if that fails, Windows-1252, said so
 * in a note. Pure: TextDecoder exists in browsers, workers and Node.
 */
import { messages as m } from './messages';

export type CsvEncoding = 'auto' | 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';
export type ResolvedEncoding = Exclude<CsvEncoding, 'auto'>;

export const CSV_ENCODINGS: readonly CsvEncoding[] = ['auto', 'utf-8', 'utf-16le', 'utf-16be', 'windows-1252'];

export function isCsvEncoding(v: unknown): v is CsvEncoding {
  return typeof v === 'string' && (CSV_ENCODINGS as readonly string[]).includes(v);
}

export interface DecodedCsv {
  /** The text, without a byte-order mark. */
  text: string;
  /** The encoding it was read as. */
  encoding: ResolvedEncoding;
  /** Something the user should know about how it was read (a guess, or unreadable bytes); null when nothing. */
  note: string | null;
}

/** How many leading bytes the zero-byte test looks at: enough for a header and some rows. */
const SNIFF_BYTES = 4096;

function bomOf(b: Uint8Array): ResolvedEncoding | null {
  if (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return 'utf-8';
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) return 'utf-16le';
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) return 'utf-16be';
  return null;
}

/**
 * UTF-16 without a BOM: text of mostly ASCII has a zero in every other byte (the odd ones in little
 * endian, the even ones in big endian). Text in UTF-8 or Windows-1252 has no zero bytes at all.
 */
export function sniffUtf16(b: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(b.length, SNIFF_BYTES) & ~1;
  if (n < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (b[i] === 0) evenZeros++;
    if (b[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros >= pairs * 0.3 && evenZeros <= pairs * 0.05) return 'utf-16le';
  if (evenZeros >= pairs * 0.3 && oddZeros <= pairs * 0.05) return 'utf-16be';
  return null;
}

/**
 * Windows-1252's bytes 0x80-0x9F (€, ‚, „, …, curly quotes, Š, Ž, œ, Ÿ, ...). Browsers' TextDecoder
 * maps them; Node 20's decodes the label as Latin-1 and leaves C1 controls, so fix those up here.
 * Undefined bytes (0x81, 0x8D, 0x8F, 0x90, 0x9D) stay as the code point of the byte, as the WHATWG
 * Encoding standard says.
 */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8d, 0x017d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x9d, 0x017e, 0x0178,
];
const C1 = /[\u0080-\u009f]/g;

function decodeWindows1252(b: Uint8Array): string {
  const text = new TextDecoder('windows-1252').decode(b);
  return text.replace(C1, (c) => String.fromCharCode(CP1252_HIGH[c.charCodeAt(0) - 0x80]));
}

function strictUtf8(b: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(b);
  } catch {
    return null;
  }
}

function decodeAs(b: Uint8Array, encoding: ResolvedEncoding): DecodedCsv {
  if (encoding === 'windows-1252') return { text: decodeWindows1252(b), encoding, note: null };
  if (encoding === 'utf-8') {
    const strict = strictUtf8(b);
    if (strict !== null) return { text: strict, encoding, note: null };
    return { text: new TextDecoder('utf-8').decode(b), encoding, note: m.invalidUtf8 };
  }
  // TextDecoder drops a BOM that matches the encoding (ignoreBOM is false by default).
  return { text: new TextDecoder(encoding).decode(b), encoding, note: null };
}

/** Bytes -> text, by the encoding asked for or (auto) the one the bytes look like. Never throws. */
export function decodeCsvBytes(bytes: Uint8Array, encoding: CsvEncoding = 'auto'): DecodedCsv {
  let out: DecodedCsv;
  if (encoding !== 'auto') out = decodeAs(bytes, encoding);
  else {
    const guess = bomOf(bytes) ?? sniffUtf16(bytes);
    if (guess) out = decodeAs(bytes, guess);
    else {
      const strict = strictUtf8(bytes);
      out = strict !== null ? { text: strict, encoding: 'utf-8', note: null } : { text: decodeWindows1252(bytes), encoding: 'windows-1252', note: m.readAsWindows1252 };
    }
  }
  // A BOM the decoder kept (one that does not match an explicit choice's byte order, say).
  return out.text.charCodeAt(0) === 0xfeff ? { ...out, text: out.text.slice(1) } : out;
}
