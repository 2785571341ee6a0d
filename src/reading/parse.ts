/**
 * Lines → interchange document. Layout noise is marked first; then each line goes to the first taker in this order:
 * the open block when the line directly continues it (a 次第's next item), the recognisers of things that are
 * unmistakable wherever they stand (headings, labels, tables, figures), the open block (the items under the label
 * just read), the weaker heading forms, review texts, and plain sections.
 * A line no one takes stays unrecognised.
 */
import { committeeHeadingTrigger, committeeTableTrigger } from './committees.ts';
import type { ExtractedText } from './extract-text.ts';
import { figureTrigger, indicatorTableTrigger } from './figures.ts';
import { closedGoalListTrigger, collectInlineGoals, goalListTrigger } from './goal-lists.ts';
import { enumeratedTitleTrigger, levelHeadingTrigger, nodeTitleTrigger, runningGoal } from './goal-tree.ts';
import type { InterchangeDocument } from './interchange.ts';
import { toLines } from './lines.ts';
import { meetingTrigger } from './meetings.ts';
import {
  actorTrigger, bracketListTrigger, examplesTrigger, issuesTrigger, keywordsTrigger, situationTrigger, visionTrigger,
} from './node-blocks.ts';
import { nodeTableTrigger } from './node-tables.ts';
import { markNoise } from './noise.ts';
import {
  applyPeriodFacts, applyPlanMentions, collectPeriodFacts, collectPlanMentions, periodHeadingTrigger, periodSpanTrigger, philosophyTrigger, titleBlockTrigger,
} from './plans.ts';
import { reportTrigger } from './reports.ts';
import { reviewFallback } from './review.ts';
import { markdownHeadingTrigger, numberedHeadingTrigger, sectionFallback, shortHeadingTrigger, tableTrigger, verticalHeadingTrigger } from './sections.ts';
import { collectProseSteps, scheduleTrigger } from './schedule.ts';
import { ParseState } from './state.ts';
import { surveyContinuationTrigger, surveyTrigger } from './surveys.ts';

type Taker = (s: ParseState, i: number) => number | null;

const STRONG: readonly Taker[] = [
  meetingTrigger,
  titleBlockTrigger,
  periodHeadingTrigger,
  periodSpanTrigger,
  philosophyTrigger,
  goalListTrigger,
  closedGoalListTrigger,
  reportTrigger,
  surveyContinuationTrigger,
  surveyTrigger,
  committeeTableTrigger,
  committeeHeadingTrigger,
  nodeTableTrigger,
  indicatorTableTrigger,
  scheduleTrigger,
  figureTrigger,
  levelHeadingTrigger,
  enumeratedTitleTrigger,
  situationTrigger,
  visionTrigger,
  keywordsTrigger,
  examplesTrigger,
  bracketListTrigger,
  issuesTrigger,
  actorTrigger,
  nodeTitleTrigger,
];

const WEAK: readonly Taker[] = [
  tableTrigger,
  markdownHeadingTrigger,
  verticalHeadingTrigger,
  numberedHeadingTrigger,
  shortHeadingTrigger,
  reviewFallback,
];

function firstTaker(s: ParseState, i: number, takers: readonly Taker[]): number | null {
  for (const take of takers) {
    const next = take(s, i);
    if (next !== null) return next;
  }
  return null;
}

function step(s: ParseState, i: number): number {
  s.keepDirect = false;
  const next = s.block?.acceptFirst?.(i) ?? firstTaker(s, i, STRONG) ?? s.block?.accept(i) ?? firstTaker(s, i, WEAK);
  if (next !== null && next !== undefined) {
    if (!s.keepDirect) s.directNode = null;
    return Math.max(next, i + 1);
  }
  const after = sectionFallback(s, i);
  if (!s.ledger.isFree(i)) {
    s.block = null;
    s.directNode = null;
  }
  return after;
}

function hint(s: ParseState, i: number): string | undefined {
  return s.line(i).width <= 15 ? '短い断片（図や表の中の文字かもしれません）' : undefined;
}

export interface SourceInfo {
  file: string;
  format: ExtractedText['format'];
  encoding?: string;
  warnings?: string[];
}

export function parseLines(texts: readonly string[], source: SourceInfo): InterchangeDocument {
  const s = new ParseState(toLines(texts));
  markNoise(s);
  collectPeriodFacts(s);
  collectPlanMentions(s);
  for (let i = 0; i < s.lines.length; ) {
    if (s.runningGoals.has(i)) runningGoal(s, i);
    i = s.line(i).blank || !s.ledger.isFree(i) ? i + 1 : step(s, i);
  }
  applyPeriodFacts(s);
  applyPlanMentions(s);
  collectInlineGoals(s);
  collectProseSteps(s);
  return {
    version: 1,
    source: {
      file: source.file,
      format: source.format,
      ...(source.encoding ? { encoding: source.encoding } : {}),
      lines: s.lines.length,
      warnings: source.warnings ?? [],
    },
    plans: s.plans,
    indicators: s.indicators,
    reports: s.reports,
    surveys: s.surveys,
    meetings: s.meetings,
    schedule: s.schedule,
    committees: s.committees,
    sections: s.sections,
    ignored: s.ledger.ignored(),
    unrecognised: s.ledger.unrecognised((i) => hint(s, i)),
    stats: s.ledger.counts(),
  };
}

export function parseText(text: ExtractedText): InterchangeDocument {
  return parseLines(text.lines, { file: text.file, format: text.format, ...(text.encoding ? { encoding: text.encoding } : {}), warnings: text.warnings });
}
