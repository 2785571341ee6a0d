/**
 * Survey results: a heading naming a 調査 (with its fiscal year), legends (★ …複数選択の設問, () …平成30年度…調査),
 * then per question a title row and answer rows (label, percent, the earlier percent in brackets after a trend
 * arrow), and n=….
 */
import { findAll } from '../kernel/wareki/index.ts';
import type { Survey, SurveyQuestion } from './interchange.ts';
import { nextNonBlank } from './lines.ts';
import { RecordBlock, type ParseState } from './state.ts';
import { endsSentence, parseNumber } from './text.ts';

const ARROWS = '↗↘↙↖→←↑↓⤴⤵➚➘➙⬆⬇';
const PERCENT = /^(?<percent>[0-9０-９]+(?:[.．][0-9０-９]+)?)[\s\u3000]*[%％]$/u;
const PREVIOUS = new RegExp(`^(?<trend>[${ARROWS}])?[\\s\\u3000]*[（(][\\s\\u3000]*(?<percent>[0-9０-９]+(?:[.．][0-9０-９]+)?)[\\s\\u3000]*[%％][\\s\\u3000]*[)）]$`, 'u');
const ANSWER_LINE = new RegExp(
  `^(?<label>.+?)[\\s\\u3000]+(?<percent>[0-9０-９]+(?:[.．][0-9０-９]+)?)[%％](?:[\\s\\u3000]*(?<trend>[${ARROWS}]))?(?:[\\s\\u3000]*[（(](?<previous>[0-9０-９]+(?:[.．][0-9０-９]+)?)[%％][)）])?$`,
  'u',
);
const SAMPLE_SIZE = /^[nNｎＮ][\s\u3000]*[=＝][\s\u3000]*(?<n>[0-9０-９][0-9０-９,，]*)/u;
const MARK_LEGEND = /^(?<mark>[★☆◎※])[\s\u3000]*[…‥:：]+[\s\u3000]*(?<meaning>.+)$/u;
const PREVIOUS_LEGEND = /^[（(][\s\u3000]*[)）][\s\u3000]*[…‥:：]+[\s\u3000]*(?<name>.+)$/u;

type Answer = SurveyQuestion['answers'][number];

export function parseAnswer(cells: string[] | null, text: string): Answer | null {
  if (cells && cells.length >= 2) {
    const percent = PERCENT.exec(cells[1]!)?.groups?.['percent'];
    if (percent === undefined || cells[0] === '') return null;
    const previous = cells[2] ? PREVIOUS.exec(cells[2])?.groups : undefined;
    return withPrevious({ label: cells[0]!, percent: parseNumber(percent)! }, previous?.['percent'], previous?.['trend']);
  }
  const m = ANSWER_LINE.exec(text)?.groups;
  return m ? withPrevious({ label: m['label']!, percent: parseNumber(m['percent']!)! }, m['previous'], m['trend']) : null;
}

function withPrevious(answer: Answer, previous: string | undefined, trend: string | undefined): Answer {
  return {
    ...answer,
    ...(previous !== undefined ? { previousPercent: parseNumber(previous)! } : {}),
    ...(trend ? { trend } : {}),
  };
}

function nameAndYear(text: string): { name: string; fiscalYear: number | null } {
  let name = text.replace(/^[①-⑳][\s\u3000]*/u, '');
  let fiscalYear: number | null = null;
  const year = findAll(name).find((m) => m.result.ok && m.result.value.kind === 'fiscalYear');
  if (year?.result.ok && year.result.value.kind === 'fiscalYear') {
    fiscalYear = year.result.value.fiscalYear;
    name = name.slice(0, year.index) + name.slice(year.index + year.text.length);
  }
  return { name: name.replace(/[（(]抜粋[)）]/u, '').trim(), fiscalYear };
}

function isAnswerLine(s: ParseState, i: number): boolean {
  return parseAnswer(s.line(i).cells, s.line(i).t) !== null;
}

export function surveyTrigger(s: ParseState, i: number): number | null {
  const line = s.line(i);
  if (line.cells || !/調査/u.test(line.t) || line.width > 60 || endsSentence(line.t)) return null;
  if (MARK_LEGEND.test(line.t) || PREVIOUS_LEGEND.test(line.t)) return null;
  let k = i + 1;
  for (let seen = 0; k < s.lines.length && seen < 12 && !isAnswerLine(s, k); k++) {
    if (s.line(k).blank) continue;
    // A nearer heading naming a survey is the survey's own (a sheet or page title stands above it).
    if (/調査/u.test(s.line(k).t) && !s.line(k).cells && !MARK_LEGEND.test(s.line(k).t) && !PREVIOUS_LEGEND.test(s.line(k).t)) return null;
    seen++;
  }
  if (k >= s.lines.length || !isAnswerLine(s, k)) return null;
  const survey: Survey = { ...nameAndYear(line.t), previous: null, questions: [], sourceLines: s.range(i) };
  s.surveys.push(survey);
  s.take(survey, i);
  s.block = new SurveyBlock(s, survey, i);
  return i + 1;
}

class SurveyBlock extends RecordBlock<Survey> {
  private multipleMark = '★';

  accept(i: number): number | null {
    const s = this.s;
    const line = s.line(i);
    if (line.heading > 0 || s.gap(this.last, i) > 3 || !this.read(i)) return null;
    s.take(this.record, i);
    const question = this.record.questions.at(-1);
    if (question) question.sourceLines = [Math.min(question.sourceLines[0], line.n), Math.max(question.sourceLines[1], line.n)];
    this.last = i;
    return i + 1;
  }

  private read(i: number): boolean {
    const line = this.s.line(i);
    const answer = parseAnswer(line.cells, line.t);
    const question = this.record.questions.at(-1);
    if (answer && question) return question.answers.push(answer) > 0;
    const n = SAMPLE_SIZE.exec(line.t)?.groups?.['n'];
    if (n !== undefined && question) {
      for (const q of this.record.questions) if (q.n === null) q.n = parseNumber(n)!;
      return true;
    }
    const mark = MARK_LEGEND.exec(line.t)?.groups;
    if (mark) {
      if (/複数/u.test(mark['meaning']!)) this.multipleMark = mark['mark']!;
      return true;
    }
    const previous = PREVIOUS_LEGEND.exec(line.t)?.groups?.['name'];
    if (previous) {
      this.record.previous = nameAndYear(previous);
      return true;
    }
    return this.question(i);
  }

  /** A question: a row whose other cells are empty, or a line the answers follow. */
  private question(i: number): boolean {
    const line = this.s.line(i);
    const text = line.cells ? line.cells[0]! : line.t;
    const onlyText = line.cells ? line.cells.slice(1).every((c) => c === '') : true;
    const next = nextNonBlank(this.s.lines, i + 1, 1);
    if (!onlyText || text === '' || endsSentence(text) || next >= this.s.lines.length || !isAnswerLine(this.s, next)) return false;
    const multiple = text.includes(this.multipleMark);
    const question: SurveyQuestion = { text: text.replaceAll(this.multipleMark, ''), n: null, multiple, answers: [], sourceLines: this.s.range(i) };
    this.record.questions.push(question);
    return true;
  }
}
