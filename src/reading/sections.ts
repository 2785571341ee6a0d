/**
 * Headed text that is no other item: sections with their prose, list items and tables. Headings are markdown
 * headings, numbered headings (1 …, （1）…), ■ headings, words set vertically one character a line (コ ⏎ ラ ⏎ ム),
 * and short lines that a paragraph of running text follows. Running text is always kept; short fragments with no
 * heading above them (labels of a diagram) are left unrecognised for the user to see.
 */
import { findAll } from '../kernel/wareki/index.ts';
import { cellText } from './html-text.ts';
import type { Section } from './interchange.ts';
import { nextNonBlank } from './lines.ts';
import { paragraphEnd, paragraphLines } from './paragraphs.ts';
import type { ParseState, SectionContext } from './state.ts';
import { endsSentence, isProse, joinParagraph, startsWithBullet, stripBullet } from './text.ts';
import { REVIEW_WORDS } from './vocabulary.ts';

const NUMBERED_HEADING = /^(?:[0-9０-９]{1,2}|[（(][0-9０-９]{1,2}[)）]|[①-⑳]|[ア-ン])[\s\u3000.．、]+\S.{0,40}$/u;
const SQUARE_HEADING = /^[■□◆][\s\u3000]*\S.{0,30}$/u;
const LONE_NUMBER = /^[0-9０-９]{1,3}$/u;
const CAPTION = /の様子$|^写真[:：]/u;

/** Depth of a heading for nesting: markdown depth, or below any markdown heading for plain-text forms. */
function headingDepth(s: ParseState, i: number): number {
  const line = s.line(i);
  if (line.heading > 0) return line.heading;
  if (/^[（(]/u.test(line.t)) return 8;
  if (/^[■□◆]/u.test(line.t)) return 9;
  if (/^[0-9０-９]/u.test(line.t)) return 7;
  return 10;
}

/** Opens a section at heading line(s) from..to; a review section when its words say so. */
export function openSection(
  s: ParseState,
  i: number,
  review = false,
  heading = stripBullet(s.line(i).t),
  to = i,
  depth = headingDepth(s, i),
): SectionContext {
  while (s.headings.length > 0 && s.headings.at(-1)!.depth >= depth) s.headings.pop();
  const section: Section = { path: s.headings.map((h) => h.heading), heading, body: '', sourceLines: s.range(i, to) };
  s.sections.push(section);
  const context = { heading, depth, review: review || REVIEW_WORDS.test(heading), section, last: to };
  s.headings.push(context);
  s.ledger.use(i, to);
  const year = findAll(heading).find((m) => m.result.ok && m.result.value.kind === 'fiscalYear');
  if (year?.result.ok && year.result.value.kind === 'fiscalYear') s.headingFiscalYear = year.result.value.fiscalYear;
  s.block = null;
  return context;
}

export function markdownHeadingTrigger(s: ParseState, i: number): number | null {
  if (s.line(i).heading === 0) return null;
  openSection(s, i);
  return i + 1;
}

function shortHeading(s: ParseState, i: number): boolean {
  const line = s.line(i);
  return line.cells === null && !line.indent && line.width <= 40 && !endsSentence(line.t) && !/[、，,]$/u.test(line.t);
}

function proseFollows(s: ParseState, i: number): boolean {
  const next = nextNonBlank(s.lines, i + 1, 3);
  if (next >= s.lines.length || !s.ledger.isFree(next)) return false;
  const line = s.line(next);
  if (line.cells || line.heading > 0 || startsWithBullet(line.t)) return false;
  const apart = next > i + 1 || line.indent || s.line(i).width < 0.7 * line.width;
  const lines = paragraphLines(s, next, paragraphEnd(s, next));
  const startsText = line.indent || line.width >= 30 || (lines.length === 1 && endsSentence(line.t));
  return apart && startsText && isProse(lines);
}

export function numberedHeadingTrigger(s: ParseState, i: number): number | null {
  const line = s.line(i);
  if (!shortHeading(s, i) || !(NUMBERED_HEADING.test(line.t) || SQUARE_HEADING.test(line.t))) return null;
  openSection(s, i);
  return i + 1;
}

/** Three or more one-character lines: a word set vertically (コ ⏎ ラ ⏎ ム, 1 ⏎ ～ ⏎ 2 ⏎ 年 ⏎ 目). */
export function verticalHeadingTrigger(s: ParseState, i: number): number | null {
  let end = i;
  while (end < s.lines.length && [...s.line(end).t].length === 1 && s.ledger.isFree(end)) end++;
  if (end - i < 3) return null;
  openSection(s, i, false, s.lines.slice(i, end).map((l) => l.t).join(''), end - 1, 10);
  return end;
}

export function shortHeadingTrigger(s: ParseState, i: number): number | null {
  if (!shortHeading(s, i) || startsWithBullet(s.line(i).t) || CAPTION.test(s.line(i).t) || !proseFollows(s, i)) return null;
  openSection(s, i);
  return i + 1;
}

/** Tab-separated rows under a heading, kept as the section's table. */
export function tableTrigger(s: ParseState, i: number): number | null {
  if (!s.line(i).cells) return null;
  let end = i;
  while (end < s.lines.length && s.line(end).cells && s.ledger.isFree(end)) end++;
  const section = s.section?.section ?? untitledSection(s, i);
  section.rows = [...(section.rows ?? []), ...s.lines.slice(i, end).map((l) => l.cells!.map(cellText))];
  s.take(section, i, end - 1);
  return end;
}

function untitledSection(s: ParseState, i: number): Section {
  const last = s.sections.at(-1);
  if (last && last.heading === null && last.sourceLines[1] >= s.line(i).n - 3) return last;
  const section: Section = { path: s.headings.map((h) => h.heading), heading: null, body: '', sourceLines: s.range(i) };
  s.sections.push(section);
  return section;
}

function appendBody(s: ParseState, section: Section, text: string, from: number, to: number): void {
  section.body = section.body === '' ? text : `${section.body}\n${text}`;
  s.take(section, from, to);
  const context = s.headings.find((h) => h.section === section);
  if (context) context.last = to;
}

/** Right under its heading: only blank lines between (a short first paragraph belongs to it). */
function rightUnder(s: ParseState, context: SectionContext, i: number): boolean {
  return context.section.body === '' && s.gap(context.last, i) <= 2 && i - context.last <= 3;
}

/**
 * A line nothing else took: page numbers and photo captions are noise; running text and list items go to the
 * current section (or an untitled one); a short fragment right under a heading is that heading's text; any other
 * fragment stays unrecognised.
 */
export function sectionFallback(s: ParseState, i: number): number {
  const line = s.line(i);
  if (LONE_NUMBER.test(line.t)) {
    s.ledger.ignore(i, 'ページ番号');
    return i + 1;
  }
  if (CAPTION.test(line.t) && line.width <= 30) {
    s.ledger.ignore(i, '写真の説明（報告の外）');
    return i + 1;
  }
  const end = paragraphEnd(s, i);
  const lines = paragraphLines(s, i, end);
  const context = s.section;
  const item = line.bullet > 0 || startsWithBullet(line.t);
  if (item || isProse(lines)) {
    const text = joinParagraph(item ? lines.map((l, k) => (k === 0 ? { ...l, text: l.t, indent: false } : l)) : lines);
    appendBody(s, context?.section ?? untitledSection(s, i), text, i, end - 1);
    return end;
  }
  if (context && rightUnder(s, context, i)) {
    appendBody(s, context.section, lines.map((l) => l.t).join('\n'), i, end - 1);
    return end;
  }
  return i + 1;
}
