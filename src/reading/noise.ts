/**
 * Layout noise, marked before the structure is read: page headers and numbers, tables of contents, blocks the
 * extraction repeated, legend boxes that explain the page layout, logos and form rules. Each is ignored with its
 * reason, never dropped silently.
 */
import { nextNonBlank, previousNonBlank, type Line } from './lines.ts';
import { startsOwnLine } from './paragraphs.ts';
import type { ParseState } from './state.ts';
import { normaliseCode, NUMBER_SOURCE } from './text.ts';
import { isLevelName, LEVEL_NAME_SOURCE, SITUATION_LABEL, VISION_LABEL } from './vocabulary.ts';

const CHAPTER = '第[0-9０-９一二三四五六七八九十]+章';
const PAGE_HEADERS = [
  new RegExp(`^[0-9０-９]{1,3}[\\s\\u3000]+${CHAPTER}`, 'u'),
  new RegExp(`^${CHAPTER}.*[\\s\\u3000][0-9０-９]{1,3}$`, 'u'),
];
const DASHED_PAGE_NUMBER = /^[-－—‐–][\s\u3000]*[0-9０-９]{1,3}[\s\u3000]*[-－—‐–]$/u;
const RUNNING_GOAL = new RegExp(`(?<level>${LEVEL_NAME_SOURCE})[\\s\\u3000]*(?<num>${NUMBER_SOURCE})$`, 'u');
const TOC_ENTRY = /^.{2,60}?[\s\u3000]*[.…‥・．·。]{3,}[\s\u3000]*[0-9０-９]{1,3}$/u;
const LOGO = /^(?=(?:.*[A-Z]){2})[A-Z0-9 ×&+.\-'!]+$/u;
const FORM_RULE = /^[_＿\-ー－—―─━=＝~〜.…\s]{3,}$/u;
const MATERIAL_MARK = /^資料[\s\u3000]*[0-9０-９]+(?:[-－][0-9０-９]+)?[\s\u3000]*(?:再掲)?$/u;
const LEGEND_EXPLANATION = /(?:記載|掲載|表示|説明|整理)(?:して)?います|示しています|示します|を構成する|について記載|となる目標です/u;

function markPageHeaders(s: ParseState): void {
  s.lines.forEach((line, i) => {
    if (DASHED_PAGE_NUMBER.test(line.raw.trim())) s.ledger.ignore(i, 'ページ番号');
    if (!PAGE_HEADERS.some((p) => p.test(line.t))) return;
    s.ledger.ignore(i, 'ページの見出し（柱）');
    const goal = RUNNING_GOAL.exec(line.t)?.groups;
    if (goal) s.runningGoals.set(i, { level: goal['level']!, code: normaliseCode(goal['num']!) });
  });
}

function markTablesOfContents(s: ParseState): void {
  s.lines.forEach((line, i) => {
    if (line.key === '目次' || TOC_ENTRY.test(line.t)) s.ledger.ignore(i, '目次');
  });
}

/**
 * Repeated blocks: three consecutive non-blank lines that already occurred in the same order earlier (long enough
 * not to be a chance match), plus the stray lines the repeat starts or ends with when they repeat an earlier line.
 */
function markDuplicates(s: ParseState): void {
  const content = s.lines.map((l, i) => i).filter((i) => !s.line(i).blank);
  const firstTriple = new Map<string, number>();
  const firstLine = new Map<string, number>();
  const original = new Map<number, number>();
  content.forEach((index, k) => {
    if (!firstLine.has(s.line(index).key)) firstLine.set(s.line(index).key, index);
    if (k + 2 >= content.length) return;
    const triple = [0, 1, 2].map((d) => s.line(content[k + d]!).key);
    if (triple.join('').length < 20) return;
    const key = triple.join('\u0001');
    const earlier = firstTriple.get(key);
    if (earlier === undefined) firstTriple.set(key, k);
    else if (earlier + 2 < k) for (const d of [0, 1, 2]) original.set(content[k + d]!, content[earlier + d]!);
  });
  for (const index of [...original.keys()]) extendRepeat(s, index, firstLine, original);
  for (const [index, first] of original) s.ledger.ignore(index, `繰り返し（${s.line(first).n}行目と同じ）`);
}

/** Widens a repeat over neighbours that follow the original in order, or that repeat a longer earlier line. */
function extendRepeat(s: ParseState, index: number, firstLine: Map<string, number>, original: Map<number, number>): void {
  for (const step of [-1, 1]) {
    const next = (k: number) => (step < 0 ? previousNonBlank(s.lines, k - 1) : nextNonBlank(s.lines, k + 1));
    let j = next(index);
    let follows = next(original.get(index)!);
    while (j >= 0 && j < s.lines.length && !original.has(j)) {
      if (!s.ledger.isFree(j)) {
        j = next(j);
        continue;
      }
      const key = s.line(j).key;
      const inOrder = follows >= 0 && follows < j && s.line(follows).key === key;
      const first = firstLine.get(key);
      const earlierLine = first !== undefined && first < j && key.length >= 8;
      if (!inOrder && !earlierLine) break;
      original.set(j, inOrder ? follows : first!);
      j = next(j);
      follows = inOrder ? next(follows) : -1;
    }
  }
}

function isLegendLabel(line: Line): boolean {
  return isLevelName(line.key) || SITUATION_LABEL.test(line.t) || VISION_LABEL.test(line.t);
}

/** A legend box: a label (基本目標, 現状と課題 …) followed by a sentence that explains what the page shows there. */
function markLegends(s: ParseState): void {
  for (let i = 0; i < s.lines.length; i++) {
    const line = s.line(i);
    if (line.blank || !s.ledger.isFree(i) || !isLegendLabel(line)) continue;
    const start = nextNonBlank(s.lines, i + 1, 2);
    let end = start;
    while (end < s.lines.length && end - start < 5 && !isLegendLabel(s.line(end)) && (end === start || !startsOwnLine(s.line(end)))) end++;
    const explanation = s.lines.slice(start, end).map((l) => l.t).join('');
    if (end === start || !LEGEND_EXPLANATION.test(explanation) || explanation.startsWith('■')) continue;
    for (let j = i; j < end; j++) s.ledger.ignore(j, '凡例（紙面の見方の説明）');
    i = end - 1;
  }
}

function markDecorations(s: ParseState): void {
  s.lines.forEach((line, i) => {
    if (LOGO.test(line.t)) s.ledger.ignore(i, 'ロゴ・装飾の文字');
    else if (FORM_RULE.test(line.t)) s.ledger.ignore(i, '記入欄・罫線');
    else if (MATERIAL_MARK.test(line.t)) s.ledger.ignore(i, '資料番号の表示');
  });
}

export function markNoise(s: ParseState): void {
  markTablesOfContents(s);
  markPageHeaders(s);
  markDecorations(s);
  markDuplicates(s);
  markLegends(s);
}
