import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { coalesce } from './coalesce';

beforeEach(() => { vi.useFakeTimers(); });
afterEach(() => { vi.useRealTimers(); });

test('messages arrive together, in order, once per interval; urgent ones flush at once', () => {
  const batches: string[][] = [];
  const send = coalesce<string>((b) => batches.push(b), (m) => m.startsWith('!'), 100);
  send('a'); send('b'); send('c');
  expect(batches).toEqual([]);
  vi.advanceTimersByTime(99);
  expect(batches).toEqual([]);
  vi.advanceTimersByTime(1);
  expect(batches).toEqual([['a', 'b', 'c']]);
  send('d'); send('!done');
  expect(batches).toEqual([['a', 'b', 'c'], ['d', '!done']]);
  vi.advanceTimersByTime(500);
  expect(batches).toHaveLength(2); // nothing left, no empty batch
});
