/** Reading one level heading: 【取組目標1-1】日頃からの…, ◆取組目標1 …, 推進の柱１ …, 基本目標1｠　…, 施策目標(1) … */
import { normaliseCode } from './text.ts';
import { LEVEL_HEADING, NOT_AFTER_LEVEL_NUMBER, TITLE_SEPARATORS } from './vocabulary.ts';

export interface LevelHeading {
  level: string;
  code: string;
  /** The title as printed after the number; "" when the heading has none. */
  title: string;
}

export function parseLevelHeading(text: string): LevelHeading | null {
  const m = LEVEL_HEADING.exec(text);
  if (!m?.groups) return null;
  const rest = m.groups['rest']!;
  const glued = m.groups['gap'] === '' && m.groups['close'] === undefined;
  if (glued && NOT_AFTER_LEVEL_NUMBER.test(rest)) return null;
  return { level: m.groups['name']!, code: normaliseCode(m.groups['num']!), title: rest.replace(TITLE_SEPARATORS, '').trim() };
}
