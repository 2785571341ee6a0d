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
