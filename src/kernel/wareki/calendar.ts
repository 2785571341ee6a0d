/** Gregorian calendar arithmetic on ISO 'YYYY-MM-DD' strings (years 1000–9999, so strings sort as dates). */

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

export const WEEKDAYS_JA = ['日', '月', '火', '水', '木', '金', '土'] as const;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function isValidDate(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

export function toIsoDate(year: number, month: number, day: number): string {
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

export function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** Reads a strict 'YYYY-MM-DD' that names a real day; undefined otherwise. */
export function parseIsoDate(iso: string): CalendarDate | undefined {
  const m = /^([1-9]\d{3})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isValidDate(year, month, day) ? { year, month, day } : undefined;
}

export function addDays(iso: string, days: number): string {
  const date = parseIsoDate(iso);
  if (!date) throw new RangeError(`不正な日付です: ${iso}`);
  return new Date(Date.UTC(date.year, date.month - 1, date.day + days)).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier): ('2024-05-24', '2024-06-01') → 8. */
export function daysBetween(from: string, to: string): number {
  const utc = (iso: string) => {
    const date = parseIsoDate(iso);
    if (!date) throw new RangeError(`不正な日付です: ${iso}`);
    return Date.UTC(date.year, date.month - 1, date.day);
  };
  return Math.round((utc(to) - utc(from)) / 86_400_000);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(year: number, month: number, day: number): number {
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}
