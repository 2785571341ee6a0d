import { describe, expect, it } from 'vitest';
import { dateInJapan, formatDateTime, formatDay, todayInJapan } from './time.ts';

describe('Japan time', () => {
  it('takes the day in Japan, not the server zone', () => {
    expect(todayInJapan(new Date('2024-05-23T15:00:00Z'))).toBe('2024-05-24');
    expect(todayInJapan(new Date('2024-05-23T14:59:59Z'))).toBe('2024-05-23');
  });

  it('writes a moment in 和暦 with the time', () => {
    expect(formatDateTime(new Date('2024-05-24T01:30:00Z'), 'ja')).toBe('令和6年5月24日 10:30');
  });
});

it('names the day of a moment as Japan counts it, in 和暦 or English', () => {
  const lateEvening = new Date('2026-12-03T16:30:00Z');
  expect(dateInJapan(lateEvening)).toBe('2026-12-04');
  expect(formatDay(lateEvening, 'ja')).toBe('令和8年12月4日');
  expect(formatDay(lateEvening, 'en')).toBe('4 Dec 2026');
});
