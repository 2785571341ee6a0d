import { pad2 } from './calendar.ts';
import { parseNumeral } from './digits.ts';
import { NUM, RANGE_SEP, SP, type Groups } from './grammar.ts';
import { fail, ok, type Failure, type ParseResult } from './result.ts';

/** Clock times as 'HH:MM' (24-hour); no end means none was written (10時から). */
export interface TimeRange {
  start: string;
  end?: string;
}

interface ClockTime {
  minutes: number;
  meridiem: boolean;
}

function timeSource(p: string): string {
  return (
    `(?:(?<${p}Mer>午前|午後)${SP})?(?<${p}H>${NUM})${SP}` +
    `(?:[:：]${SP}(?<${p}ColonM>[0-9０-９]{2})|時(?:${SP}(?:(?<${p}M>${NUM})${SP}分|(?<${p}Half>半)))?)` +
    `|(?<${p}Noon>正午)`
  );
}

const TIME = new RegExp(`^(?:${timeSource('t')})$`, 'u');
const TIME_RANGE = new RegExp(
  `^(?:${timeSource('s')})(?:${SP}${RANGE_SEP}${SP}(?:(?:${timeSource('e')})(?:${SP}まで)?)?)?$`,
  'u',
);

function readClock(groups: Groups, p: string): ParseResult<ClockTime> {
  if (groups[`${p}Noon`] !== undefined) return ok({ minutes: 12 * 60, meridiem: true });
  const hour = parseNumeral(groups[`${p}H`] ?? '');
  const minuteText = groups[`${p}ColonM`] ?? groups[`${p}M`];
  const minute = groups[`${p}Half`] !== undefined ? 30 : minuteText === undefined ? 0 : parseNumeral(minuteText);
  if (hour === undefined || minute === undefined) return fail('数字を読めません');
  if (minute > 59) return fail(`${minute}分はありません（0～59分）`);
  const meridiem = groups[`${p}Mer`];
  if (meridiem === undefined) {
    return hour > 23 ? fail(`${hour}時はありません（0～23時）`) : ok({ minutes: hour * 60 + minute, meridiem: false });
  }
  if (hour === 12) return fail(`${meridiem}12時は正午とも深夜0時とも読めます（正午・午前0時と書いてください）`);
  if (hour > 11) return fail(`${meridiem}の時刻は0～11時です`);
  return ok({ minutes: (meridiem === '午後' ? 12 * 60 : 0) + hour * 60 + minute, meridiem: true });
}

function clockText(minutes: number): string {
  return `${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}`;
}

/**
 * An end without 午前/午後 after a start with one is read as the earliest time not before the start,
 * so 午後1時～3時 ends at 15:00 and 午前10時～12時 at 12:00.
 */
function resolveEnd(start: ClockTime, end: ClockTime): number {
  const afternoon = end.minutes + 12 * 60;
  return start.meridiem && !end.meridiem && end.minutes < start.minutes && afternoon < 24 * 60
    ? afternoon
    : end.minutes;
}

function subject(text: string, error: string): Failure {
  return fail(`「${text}」: ${error}`);
}

/** 10時 / 10:00 / 午後2時30分 / 10時半 / 正午 → 'HH:MM'. */
export function parseTime(text: string): ParseResult<string> {
  const trimmed = text.trim();
  if (trimmed === '') return fail('時刻が空です');
  const m = TIME.exec(trimmed);
  if (!m) return subject(trimmed, '時刻として読めません');
  const clock = readClock({ ...m.groups }, 't');
  return clock.ok ? ok(clockText(clock.value.minutes)) : subject(trimmed, clock.error);
}

/** 10時から12時まで / 10時～12時 / 10:00～12:00 / 午後1時～3時 / 10時から → { start, end? }. */
export function parseTimeRange(text: string): ParseResult<TimeRange> {
  const trimmed = text.trim();
  if (trimmed === '') return fail('時刻が空です');
  const m = TIME_RANGE.exec(trimmed);
  if (!m) return subject(trimmed, '時刻の範囲として読めません');
  const groups: Groups = { ...m.groups };
  const start = readClock(groups, 's');
  if (!start.ok) return subject(trimmed, start.error);
  if (groups.eH === undefined && groups.eNoon === undefined) return ok({ start: clockText(start.value.minutes) });
  const end = readClock(groups, 'e');
  if (!end.ok) return subject(trimmed, end.error);
  const endMinutes = resolveEnd(start.value, end.value);
  if (endMinutes <= start.value.minutes) {
    return subject(trimmed, `終了時刻（${clockText(endMinutes)}）が開始時刻（${clockText(start.value.minutes)}）より後ではありません`);
  }
  return ok({ start: clockText(start.value.minutes), end: clockText(endMinutes) });
}
