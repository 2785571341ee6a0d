/** Where a paragraph or a list item ends: lines run on until a blank line, a marker, a heading or a table row. */
import { parseLevelHeading } from './level-heading.ts';
import type { Line } from './lines.ts';
import type { ParseState } from './state.ts';
import { endsSentence, startsWithBullet } from './text.ts';
import { isLevelName, KEYWORDS_LABEL, OWNER_LINE, philosophyLabel, SITUATION_LABEL } from './vocabulary.ts';

/** 4 第３期計画の振り返り, （2）第 2期計画の経過, ①地域の居場所 …: a short numbered line without a sentence end. */
function numberedHeadingLike(line: Line): boolean {
  return !line.indent && line.width <= 40 && !endsSentence(line.t) && /^(?:[0-9０-９]{1,2}[\s\u3000]+|[（(][0-9０-９]{1,2}[)）][\s\u3000]*|[①-⑳][\s\u3000]*)\S/u.test(line.t);
}

/** 調査期間:6月19日〜, 対象/市内在住の…: a field's label and its value, as notices list their details. */
const FIELD_LINE = /^[^\s\u3000:：/／。、「」（）()]{2,10}(?:[（(][^）)]{1,4}[）)])?[:：/／]/u;

/** A line that starts something of its own, so it never continues the paragraph above it. */
export function startsOwnLine(line: Line): boolean {
  return (
    line.blank ||
    line.cells !== null ||
    line.heading > 0 ||
    line.bullet > 0 ||
    startsWithBullet(line.t) ||
    /^[【［]/u.test(line.t) ||
    /^(?:[一二三四五六七八九十]{1,2}|[0-9０-９]{1,2})つ目の/u.test(line.t) ||
    numberedHeadingLike(line) ||
    OWNER_LINE.test(line.t) ||
    KEYWORDS_LABEL.test(line.t) ||
    SITUATION_LABEL.test(line.t) ||
    philosophyLabel(line.t) !== null ||
    isLevelName(line.t) ||
    FIELD_LINE.test(line.t) ||
    /^(?:[［\[][QＱ][\]］]|[QＱAＡ][0-9０-９]*[.．:：])/u.test(line.t) ||
    parseLevelHeading(line.t) !== null
  );
}

/** End (exclusive) of the paragraph starting at i: the line itself and the free lines that continue it. */
export function paragraphEnd(s: ParseState, i: number, limit = 200): number {
  let j = i + 1;
  while (j < s.lines.length && j - i < limit && s.ledger.isFree(j) && !startsOwnLine(s.line(j))) j++;
  return j;
}

export function paragraphLines(s: ParseState, from: number, to: number): Line[] {
  return s.lines.slice(from, to) as Line[];
}
