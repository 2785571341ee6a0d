import type { Locale } from '../i18n/index.ts';
import { formatDate } from '../wareki/index.ts';

const tokyo = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Asia/Tokyo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** A moment as offices read it: Japan time, 和暦 date (令和6年5月24日 10:30), or ISO-like in English. */
export function formatDateTime(moment: Date, locale: Locale): string {
  const [date, time] = tokyo.format(moment).split(' ');
  return `${formatDate(date!, { locale })} ${time}`;
}

/** The day of a moment in Japan as 'YYYY-MM-DD', whatever the server's zone. */
export function dateInJapan(moment: Date): string {
  return tokyo.format(moment).split(' ')[0]!;
}

/** Today's date in Japan as 'YYYY-MM-DD': deadlines are days in the offices' calendar, whatever the server's zone. */
export function todayInJapan(now: Date = new Date()): string {
  return dateInJapan(now);
}

/** The day of a moment in Japan as pages show it: 和暦 (令和8年12月3日), or 3 December 2026 in English. */
export function formatDay(moment: Date, locale: Locale): string {
  return formatDate(dateInJapan(moment), { locale });
}
