import { describe, expect, it } from 'vitest';
import { parseCsvRows } from './csv-rows.ts';

describe('parseCsvRows', () => {
  it('reads quoted cells with doubled quotes, commas and line breaks kept exactly as written', () => {
    expect(parseCsvRows('a,"b ""c"", d",e\r\n"f\r\ng","h\ni",j\r"k\rl"')).toEqual([
      ['a', 'b "c", d', 'e'],
      ['f\r\ng', 'h\ni', 'j'],
      ['k\rl'],
    ]);
  });

  it('keeps empty cells, ends the last row without a line break, and reads nothing from an empty text', () => {
    expect(parseCsvRows(',,\n,x')).toEqual([['', '', ''], ['', 'x']]);
    expect(parseCsvRows('a,b\n')).toEqual([['a', 'b']]);
    expect(parseCsvRows('')).toEqual([]);
  });
});

describe('parseCsvRows with limits', () => {
  it('stops at the first row or cell past its limit and says which', () => {
    expect(() => parseCsvRows('a\nb\nc\n', { rows: 2, cells: 100 })).toThrow(expect.objectContaining({ limit: 'rows', count: 3 }));
    expect(() => parseCsvRows('a,b,c,d', { rows: 100, cells: 3 })).toThrow(expect.objectContaining({ limit: 'cells', count: 4 }));
    expect(parseCsvRows('a,b\nc,d', { rows: 2, cells: 4 })).toEqual([['a', 'b'], ['c', 'd']]);
  });
});
