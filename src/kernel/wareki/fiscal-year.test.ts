import { describe, expect, it } from 'vitest';
import { fiscalYearOf, fiscalYearOfMonth, fiscalYearRange } from './fiscal-year.ts';

describe('fiscalYearOf', () => {
  it.each([
    ['2024-02-10', 2023],
    ['2024-04-01', 2024],
    ['2024-03-31', 2023],
    ['2025-03-31', 2024],
    ['2024-12-31', 2024],
    ['2024-01-01', 2023],
    ['2019-04-30', 2019],
    ['2019-05-01', 2019],
    ['2024-02', 2023],
    ['2024-04', 2024],
    ['2024-03', 2023],
  ])('%s → %i', (input, expected) => {
    expect(fiscalYearOf(input)).toBe(expected);
  });

  it.each(['', '2024', '2024-13-01', '2023-02-29', '2024-4-1', '令和6年5月24日', '2024-00'])(
    'throws RangeError on %j',
    (input) => {
      expect(() => fiscalYearOf(input)).toThrow(RangeError);
    },
  );
});

describe('fiscalYearOfMonth', () => {
  it.each([
    [2024, 1, 2023],
    [2024, 3, 2023],
    [2024, 4, 2024],
    [2024, 12, 2024],
  ])('%i-%i → %i', (year, month, expected) => {
    expect(fiscalYearOfMonth(year, month)).toBe(expected);
  });
});

describe('fiscalYearRange', () => {
  it.each([
    [2024, '2024-04-01', '2025-03-31'],
    [2019, '2019-04-01', '2020-03-31'],
  ])('%i → %s … %s', (fy, start, end) => {
    expect(fiscalYearRange(fy)).toEqual({ start, end });
  });
});
