/**
 * Survey results: a heading naming a 調査 (with its fiscal year), or the survey's details when no heading names it
 * (調査期間, 有効回収数…), legends (★ …複数選択の設問, () …平成30年度…調査), the number who answered (n=…, 回答者数は530名,
 * 有効回収数(率):1,417人, 2,450人から回答), then per question a title (■…, [Q]…, Q.…, 問3 …) and its answers: rows
 * (label, percent, the earlier percent in brackets after a trend arrow), 「ある」45.7%, ・概ね4人以下(35.9%), or
 * sentences (「ある」が45.7%、「ない」が49.3%となっています).
 */
import { findAll } from '../kernel/wareki/index.ts';
import type { Survey, SurveyQuestion } from './interchange.ts';
import { nextNonBlank } from './lines.ts';
import { RecordBlock, type ParseState } from './state.ts';
import { endsSentence, parseNumber, stripBullet } from './text.ts';

const ARROWS = '↗↘↙↖→←↑↓⤴⤵➚➘➙⬆⬇';
const PERCENT = /^(?<percent>[0-9０-９]+(?:[.．][0-9０-９]+)?)[\s\u3000]*[%％]$/u;
const PREVIOUS = new RegExp(`^(?<trend>[${ARROWS}])?[\\s\\u3000]*[（(][\\s\\u3000]*(?<percent>[0-9０-９]+(?:[.．][0-9０-９]+)?)[\\s\\u3000]*[%％][\\s\\u3000]*[)）]$`, 'u');
const NUMBER = '[0-9０-９]+(?:[.．][0-9０-９]+)?';
/** label 35%, 「label」35% (no space after a closing bracket), label 35% ↘ (28%). */
const ANSWER_LINE = new RegExp(
  `^(?<label>.+?)(?:[\\s\\u3000]+|(?<=[」』]))(?<percent>${NUMBER})[%％](?:[\\s\\u3000]*(?<trend>[${ARROWS}]))?(?:[\\s\\u3000]*[（(](?<previous>${NUMBER})[%％][)）])?$`,
  'u',
);
/** • 概ね4人以下(35.9%): a list item whose short label has its percent in brackets (a longer one is a sentence). */
const LISTED_ANSWER = new RegExp(`^(?<label>[^。、]{1,30}?)[\\s\\u3000]*[（(](?<percent>${NUMBER})[%％][)）]$`, 'u');
/** 「ある」が45.7%, 『関心がある』(「とても…」+「少し…」)が48.1%, 『関心がない』は37.3%: answers inside a sentence. */
const PROSE_ANSWER = new RegExp(`[「『](?<label>[^「」『』]{1,40})[」』](?:[（(][^()（）]*[)）])?(?:が|は)約?(?<percent>${NUMBER})[%％]`, 'gu');
const RESPONDENTS = [
  /(?:有効)?(?:回収数|回答者数|回答数)(?:[（(]率[)）])?(?:は|[\s\u3000:：/／])*(?<n>[0-9０-９][0-9０-９,，]*)[\s\u3000]*(?:人|件|名|票)/u,
  /(?<n>[0-9０-９][0-9０-９,，]*)[\s\u3000]*(?:人|名)から回答/u,
];
const SURVEY_DETAIL = /^[【［■◆▽]?[\s\u3000]*(?:調査の概要|調査の目的|調査の方法|調査対象|調査方法|調査期間|調査時期|調査地域|調査項目|調査結果の比率)/u;
/** ■ / ▽ before a question's title (its answers follow at once). */
const HEADING_MARK = /^[■□◆◇▽▼●○◎・･•][\s\u3000]*/u;
/** [Q] / Q. / 問3 before a question as asked (a sentence; the answer's summary, A.…, may stand before the figures). */
const QUESTION_MARK = /^(?:[［\[][QＱ][\]］][\s\u3000]*|[QＱ][0-9０-９]*[.．:：、\s\u3000]+|問[0-9０-９]+[.．:：、\s\u3000]*)/u;
/** 世論調査, 町民アンケート in a sentence, without the time words before them (毎年, 今回 …). */
const SURVEY_WORDS = /(?:毎年|毎回|今年|本年|昨年|今回|前回)?(?<name>[一-龥ァ-ヶー]{0,12}(?:調査|アンケート))/u;
const ANSWER_SUMMARY = /^[AＡ][0-9０-９]*[.．:：]/u;
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
  const item = stripBullet(text);
  const m = ANSWER_LINE.exec(item)?.groups ?? (item !== text ? LISTED_ANSWER.exec(item)?.groups : undefined);
  return m ? withPrevious({ label: answerLabel(m['label']!), percent: parseNumber(m['percent']!)! }, m['previous'], m['trend']) : null;
}

/** 「ある」 → ある; a label that is only partly quoted (『関心がある』(女性)) stays as printed. */
function answerLabel(text: string): string {
  return /^「[^「」]+」$/u.test(text) ? text.slice(1, -1) : text;
}

export function proseAnswers(text: string): Answer[] {
  return [...text.matchAll(PROSE_ANSWER)].map((m) => ({ label: m.groups!['label']!, percent: parseNumber(m.groups!['percent']!)! }));
}

export function respondents(text: string): number | null {
  for (const pattern of RESPONDENTS) {
    const n = pattern.exec(text)?.groups?.['n'];
    if (n !== undefined) return parseNumber(n)!;
  }
  return null;
}

/** 調査期間…, 有効回収数(率)…: what a notice says of how the survey was made. */
function isSurveyDetail(text: string): boolean {
  return SURVEY_DETAIL.test(text) || respondents(text) !== null;
}

/**
 * The survey that details without a heading of their own belong to: a title line above naming a 調査 (with its fiscal
 * year), else the words that name one in a sentence above (世論調査), else 調査.
 */
function surveyNamedAbove(s: ParseState, i: number): { name: string; fiscalYear: number | null } {
  const above = s.lines.slice(Math.max(0, i - 15), i).filter((l) => /調査|アンケート/u.test(l.t) && !isSurveyDetail(l.t));
  const title = above.findLast((l) => !endsSentence(l.t) && !l.cells);
  if (title) return nameAndYear(title.t);
  const words = above.map((l) => SURVEY_WORDS.exec(l.t)?.groups?.['name']).findLast((w) => w !== undefined);
  return { name: words ?? '調査', fiscalYear: null };
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
  if (respondents(s.line(i).t) !== null) return false;
  return parseAnswer(s.line(i).cells, s.line(i).t) !== null || (!s.line(i).cells && proseAnswers(s.line(i).t).length > 0);
}

/** A line above the answers that names another survey: a heading (the survey's own stands nearer to its answers). */
function namesAnotherSurvey(s: ParseState, k: number): boolean {
  const line = s.line(k);
  return /調査/u.test(line.t) && !line.cells && !endsSentence(line.t) && !isSurveyDetail(line.t) && !MARK_LEGEND.test(line.t) && !PREVIOUS_LEGEND.test(line.t);
}

export function surveyTrigger(s: ParseState, i: number): number | null {
  const line = s.line(i);
  if (line.cells || !/調査/u.test(line.t) || line.width > 60 || endsSentence(line.t)) return null;
  if (MARK_LEGEND.test(line.t) || PREVIOUS_LEGEND.test(line.t)) return null;
  let k = i + 1;
  for (let seen = 0; k < s.lines.length && seen < 12 && !isAnswerLine(s, k); k++) {
    if (s.line(k).blank || isSurveyDetail(s.line(k).t)) continue;
    // A nearer heading naming a survey is the survey's own (a sheet or page title stands above it).
    if (namesAnotherSurvey(s, k)) return null;
    seen++;
  }
  if (k >= s.lines.length || !isAnswerLine(s, k)) return null;
  const named = SURVEY_DETAIL.test(line.t) ? surveyNamedAbove(s, i) : nameAndYear(line.t);
  const survey: Survey = { ...named, previous: null, questions: [], sourceLines: s.range(i) };
  s.surveys.push(survey);
  s.take(survey, i);
  s.block = new SurveyBlock(s, survey, i);
  return i + 1;
}

/** What a survey's legend and details said, kept with the survey for when its block opens again. */
interface SurveyContext {
  multipleMark: string;
  /** How many answered the survey: each question's n unless the question states its own. */
  respondents: number | null;
}

const contexts = new WeakMap<Survey, SurveyContext>();

function contextOf(survey: Survey): SurveyContext {
  let context = contexts.get(survey);
  if (!context) contexts.set(survey, (context = { multipleMark: '★', respondents: null }));
  return context;
}

/** How far below a survey's last line its questions may go on after other lines (a page's headings, links). */
const SURVEY_REACH = 30;

/**
 * The lines of the survey read last, when other lines came between (a section heading, a link, a lead sentence):
 * its details, legends and questions are its own, not another survey's.
 */
export function surveyContinuationTrigger(s: ParseState, i: number): number | null {
  const open = s.block instanceof SurveyBlock ? s.block.accept(i) : null;
  if (open !== null) return open;
  const survey = s.surveys.at(-1);
  if (!survey || s.line(i).n - survey.sourceLines[1] > SURVEY_REACH) return null;
  const block = new SurveyBlock(s, survey, i);
  const next = block.accept(i);
  if (next !== null) s.block = block;
  return next;
}

class SurveyBlock extends RecordBlock<Survey> {
  private readonly context = contextOf(this.record);

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
    const question = this.record.questions.at(-1);
    const answered = line.cells ? null : respondents(line.t);
    if (answered !== null && question === undefined) {
      this.context.respondents = answered;
      return true;
    }
    const answer = parseAnswer(line.cells, line.t);
    if (answer) return question !== undefined && question.answers.push(answer) > 0;
    const inSentence = line.cells ? [] : proseAnswers(line.t);
    if (inSentence.length > 0 && question) return question.answers.push(...inSentence) > 0;
    const n = SAMPLE_SIZE.exec(line.t)?.groups?.['n'];
    if (n !== undefined && question) {
      for (const q of this.record.questions) if (q.n === null) q.n = parseNumber(n)!;
      return true;
    }
    if (SURVEY_DETAIL.test(line.t) && question === undefined) return true;
    if (ANSWER_SUMMARY.test(line.t) && question !== undefined && question.answers.length === 0) return true;
    const mark = MARK_LEGEND.exec(line.t)?.groups;
    if (mark) {
      if (/複数/u.test(mark['meaning']!)) this.context.multipleMark = mark['mark']!;
      return true;
    }
    const previous = PREVIOUS_LEGEND.exec(line.t)?.groups?.['name'];
    if (previous) {
      this.record.previous = nameAndYear(previous);
      return true;
    }
    return this.question(i);
  }

  /**
   * A question: a row whose other cells are empty, or a line the answers follow. A marked question ([Q], Q., 問3) may
   * end like a sentence, and may be followed by the answer's summary (A.『関心がある』が約6割) before its figures.
   */
  private question(i: number): boolean {
    const line = this.s.line(i);
    const printed = line.cells ? line.cells[0]! : line.t;
    const asked = QUESTION_MARK.exec(printed);
    const mark = asked ?? HEADING_MARK.exec(printed);
    const text = mark ? printed.slice(mark[0].length).trim() : printed;
    const onlyText = line.cells ? line.cells.slice(1).every((c) => c === '') : true;
    if (!onlyText || text === '' || (endsSentence(text) && !asked) || !this.answersFollow(i, asked ? 2 : 1)) return false;
    const multiple = text.includes(this.context.multipleMark) || /[（(]複数回答[)）]/u.test(text);
    const question: SurveyQuestion = { text: text.replaceAll(this.context.multipleMark, ''), n: this.context.respondents, multiple, answers: [], sourceLines: this.s.range(i) };
    this.record.questions.push(question);
    return true;
  }

  /** Answers on one of the next `lines` non-blank lines (a marked question's summary line may stand between). */
  private answersFollow(i: number, lines: number): boolean {
    let k = i;
    for (let seen = 0; seen < lines; seen++) {
      k = nextNonBlank(this.s.lines, k + 1, 1);
      if (k >= this.s.lines.length) return false;
      if (isAnswerLine(this.s, k)) return true;
    }
    return false;
  }
}
