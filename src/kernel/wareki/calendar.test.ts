import { describe, expect, it } from 'vitest';
import { daysBetween } from './calendar.ts';

describe('daysBetween', () => {
  it.each([
    ['2024-05-24', '2024-05-24', 0],
    ['2024-05-24', '2024-06-01', 8],
    ['2024-06-01', '2024-05-24', -8],
    ['2024-02-28', '2024-03-01', 2],
    ['2023-02-28', '2023-03-01', 1],
    ['2024-03-31', '2025-03-31', 365],
  ])('%s → %s is %i days', (from, to, days) => {
    expect(daysBetween(from, to)).toBe(days);
  });

  it('refuses what is not a date', () => {
    expect(() => daysBetween('2024-02-30', '2024-03-01')).toThrow(RangeError);
  });
});
