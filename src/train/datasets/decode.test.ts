import { describe, expect, test } from 'vitest';
import { decodeCsvBytes, sniffUtf16 } from './decode';
import { messages as m } from './messages';
import { loadCsv } from './csv';

// "é,ü,€,ñ" written out byte by byte in each encoding (no library encoder, so a bug cannot cancel itself out).
const WORD = 'é,ü,€,ñ';
const UTF8 = [0xc3, 0xa9, 0x2c, 0xc3, 0xbc, 0x2c, 0xe2, 0x82, 0xac, 0x2c, 0xc3, 0xb1];
const CP1252 = [0xe9, 0x2c, 0xfc, 0x2c, 0x80, 0x2c, 0xf1];
const UTF16LE = [0xe9, 0x00, 0x2c, 0x00, 0xfc, 0x00, 0x2c, 0x00, 0xac, 0x20, 0x2c, 0x00, 0xf1, 0x00];
const UTF16BE = [0x00, 0xe9, 0x00, 0x2c, 0x00, 0xfc, 0x00, 0x2c, 0x20, 0xac, 0x00, 0x2c, 0x00, 0xf1];
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));
const le = (s: string) => [...s].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8]);
const be = (s: string) => [...s].flatMap((c) => [c.charCodeAt(0) >> 8, c.charCodeAt(0) & 0xff]);
const bytes = (...parts: number[][]) => Uint8Array.from(parts.flat());

describe('decodeCsvBytes: automatic', () => {
  test('UTF-8 with and without a BOM', () => {
    expect(decodeCsvBytes(bytes(UTF8))).toEqual({ text: WORD, encoding: 'utf-8', note: null });
    expect(decodeCsvBytes(bytes([0xef, 0xbb, 0xbf], UTF8))).toEqual({ text: WORD, encoding: 'utf-8', note: null });
  });

  test('UTF-16 LE and BE by their BOMs, which are stripped', () => {
    expect(decodeCsvBytes(bytes([0xff, 0xfe], UTF16LE))).toEqual({ text: WORD, encoding: 'utf-16le', note: null });
    expect(decodeCsvBytes(bytes([0xfe, 0xff], UTF16BE))).toEqual({ text: WORD, encoding: 'utf-16be', note: null });
  });

  test('UTF-16 without a BOM, by its zero bytes', () => {
    const header = 'city\tcount\n';
    expect(decodeCsvBytes(bytes(le(header), UTF16LE))).toEqual({ text: header + WORD, encoding: 'utf-16le', note: null });
    expect(decodeCsvBytes(bytes(be(header), UTF16BE))).toEqual({ text: header + WORD, encoding: 'utf-16be', note: null });
    expect(sniffUtf16(bytes(ascii(header)))).toBeNull();
    expect(sniffUtf16(bytes(UTF8))).toBeNull();
  });

  test('bytes that are not UTF-8 are read as Windows-1252, with a note', () => {
    expect(decodeCsvBytes(bytes(CP1252))).toEqual({ text: WORD, encoding: 'windows-1252', note: m.readAsWindows1252 });
    // Curly quotes, a dash and Œ from 0x80-0x9F, which Latin-1 would leave as control characters.
    expect(decodeCsvBytes(bytes([0x93, 0x41, 0x94, 0x96, 0x8c])).text).toBe('“A”–Œ');
  });

  test('plain ASCII is UTF-8 and gets no note', () => {
    expect(decodeCsvBytes(bytes(ascii('a,b\n1,2\n')))).toEqual({ text: 'a,b\n1,2\n', encoding: 'utf-8', note: null });
    expect(decodeCsvBytes(new Uint8Array(0))).toEqual({ text: '', encoding: 'utf-8', note: null });
  });
});

describe('decodeCsvBytes: an explicit choice', () => {
  test('overrides what auto would guess', () => {
    // Valid UTF-8 read as Windows-1252 gives the classic mojibake, as asked.
    expect(decodeCsvBytes(bytes(UTF8), 'windows-1252').text).toBe('Ã©,Ã¼,â‚¬,Ã±');
    expect(decodeCsvBytes(bytes(CP1252), 'windows-1252')).toEqual({ text: WORD, encoding: 'windows-1252', note: null });
    expect(decodeCsvBytes(bytes(UTF16LE), 'utf-16le')).toEqual({ text: WORD, encoding: 'utf-16le', note: null });
    expect(decodeCsvBytes(bytes(UTF16BE), 'utf-16be')).toEqual({ text: WORD, encoding: 'utf-16be', note: null });
    expect(decodeCsvBytes(bytes([0xff, 0xfe], UTF16LE), 'utf-16le').text).toBe(WORD);
  });

  test('UTF-8 asked for but not valid: replacement characters and a note, not a silent guess', () => {
    const out = decodeCsvBytes(bytes(CP1252), 'utf-8');
    expect(out.encoding).toBe('utf-8');
    expect(out.text).toBe('\uFFFD,\uFFFD,\uFFFD,\uFFFD');
    expect(out.note).toBe(m.invalidUtf8);
  });
});

describe('decoded files load', () => {
  test("Excel's Unicode text (UTF-16LE, BOM, tabs, CRLF) becomes a dataset with its labels intact", () => {
    const lines = ['x1\tx2\tcity', ...Array.from({ length: 12 }, (_, i) => `${i}\t${i % 3},5\t${i % 2 ? 'Zürich' : 'Málaga'}`)];
    const file = bytes([0xff, 0xfe], le(lines.join('\r\n') + '\r\n'));
    const { text, encoding } = decodeCsvBytes(file);
    expect(encoding).toBe('utf-16le');
    const r = loadCsv(text);
    if ('error' in r) throw new Error(r.error);
    expect(r.dataset.classNames).toEqual(['Málaga', 'Zürich']);
    expect(r.dataset.featureNames).toEqual(['x1', 'x2']);
    expect(r.dataset.x[2 * 1 + 1]).toBeCloseTo(1.5); // decimal comma with a tab separator
  });
});
