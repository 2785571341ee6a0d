/**
 * Indicators: figures written before ⇒ after (高齢者の居場所：160か所（H28）⇒192か所（H30）; ◆登録者数 ⏎ 平成21年度末
 * 1,588人 → 平成26年度末 1,986人), and tables with a header row of periods or years and a row per indicator
 * (見込量 / 実績値 rows give the kind; 記載なし, 未設置 are missing values with a note, never 0).
 */
import { findAll, parseFiscalYear, parseFiscalYearSpan, type WarekiValue } from '../kernel/wareki/index.ts';
import { cellText } from './html-text.ts';
import type { Indicator, IndicatorValue } from './interchange.ts';
import { nextNonBlank, previousNonBlank } from './lines.ts';
import type { ParseState } from './state.ts';
import { endsSentence, parseNumber, startsWithBullet, stripBullet } from './text.ts';
import { valueKind } from './vocabulary.ts';

const ARROW = /[⇒→➡➔]/u;
const NUMBER_WITH_UNIT = /(?<number>\d[\d,]*(?:\.\d+)?)[ ]*(?<unit>[^\s\d（(）)、。,.⇒→➡➔:：※]{0,4})/u;
const LABELLED = /^(?<label>[^：:]{1,40}?)[\s\u3000]*[：:][\s\u3000]*(?<rest>.+)$/u;

interface Side {
  value: number;
  unit: string | null;
  when: Partial<IndicatorValue>;
}

/** The period a side is dated by: 平成21年度末, H28, 平成22年4月, 令和3年度～令和5年度 … */
function whenOf(value: WarekiValue, text: string, after: string): Partial<IndicatorValue> {
  const asWritten = { asWritten: after.startsWith('末') ? `${text}末` : text };
  switch (value.kind) {
    case 'fiscalYearSpan':
      return { fiscalYear: value.start, ...(value.end !== undefined ? { fiscalYearEnd: value.end } : {}), ...asWritten };
    case 'fiscalYear':
      return { fiscalYear: value.fiscalYear, ...asWritten };
    case 'month':
      return { fiscalYear: value.fiscalYear, month: `${value.year}-${String(value.month).padStart(2, '0')}`, ...asWritten };
    case 'date':
      return { fiscalYear: value.fiscalYear, month: value.date.slice(0, 7), ...asWritten };
    case 'year':
      return { fiscalYear: value.year, ...asWritten };
    case 'eraYear':
      return { fiscalYear: value.year, ...asWritten };
  }
}

/** One side of a before ⇒ after figure: a number with its unit and the period written before it or in brackets. */
export function parseSide(raw: string): Side | null {
  const text = raw.normalize('NFKC');
  let masked = text;
  let when: Partial<IndicatorValue> = {};
  for (const m of findAll(text)) {
    if (!m.result.ok) continue;
    if (when.fiscalYear === undefined) when = whenOf(m.result.value, m.text, text.slice(m.index + m.text.length));
    masked = masked.slice(0, m.index) + ' '.repeat(m.text.length) + masked.slice(m.index + m.text.length);
  }
  const n = NUMBER_WITH_UNIT.exec(masked.replace(/末/gu, ' '));
  const value = n ? parseNumber(n.groups!['number']!) : undefined;
  if (value === undefined) return null;
  const unit = n!.groups!['unit']!.trim();
  return { value, unit: unit === '' ? null : unit, when };
}

interface Figure {
  label: string | null;
  sides: Side[];
}

/** 高齢者の居場所：160か所（H28）⇒192か所（H30） or 平成21年度末 1,588人 → 平成26年度末 1,986人. */
export function parseFigure(text: string): Figure | null {
  if (!ARROW.test(text)) return null;
  const labelled = LABELLED.exec(stripBullet(text.trim()))?.groups;
  const body = labelled ? labelled['rest']! : stripBullet(text.trim());
  const parts = body.split(ARROW);
  if (parts.length < 2) return null;
  const sides = parts.map(parseSide);
  if (sides.some((side) => side === null)) return null;
  return { label: labelled ? labelled['label']!.trim() : null, sides: sides as Side[] };
}

function isFigureLine(s: ParseState, i: number): boolean {
  return i >= 0 && i < s.lines.length && s.ledger.isFree(i) && !s.line(i).cells && parseFigure(s.line(i).t) !== null;
}

const categories = new WeakMap<ParseState, { name: string; last: number }>();

function category(s: ParseState, i: number): string | null {
  const current = categories.get(s);
  return current && i - current.last <= 12 ? current.name : null;
}

function addIndicator(s: ParseState, name: string, figure: { sides: Side[]; note?: string }, from: number, to: number): void {
  const unit = figure.sides.find((side) => side.unit)?.unit ?? null;
  const values = figure.sides.map(
    (side): IndicatorValue => ({ fiscalYear: null, ...side.when, value: side.value, kind: 'actual', ...(figure.note ? { note: figure.note } : {}) }),
  );
  const indicator: Indicator = { name, unit, category: category(s, from), description: null, values, sourceLines: s.range(from, to) };
  s.indicators.push(indicator);
  s.take(indicator, from, to);
  const current = categories.get(s);
  if (current) current.last = to;
}

/** A name line (◆区社協ボランティア登録者数) whose next line is a figure without a label. */
function nameBeforeFigure(s: ParseState, i: number): number | null {
  const line = s.line(i);
  if (line.cells || line.width > 30 || endsSentence(line.t) || parseFigure(line.t)) return null;
  const next = nextNonBlank(s.lines, i + 1, 1);
  if (!isFigureLine(s, next) || parseFigure(s.line(next).t)!.label !== null) return null;
  return next;
}

function labelledValue(s: ParseState, i: number): { label: string; side: Side; note: string } | null {
  const m = LABELLED.exec(stripBullet(s.line(i).t))?.groups;
  const side = m ? parseSide(m['rest']!) : null;
  return m && side ? { label: m['label']!.trim(), side, note: m['rest']!.trim() } : null;
}

export function figureTrigger(s: ParseState, i: number): number | null {
  const line = s.line(i);
  if (line.cells) return null;
  const figure = parseFigure(line.t);
  if (figure?.label) {
    addIndicator(s, figure.label, figure, i, i);
    return i + 1;
  }
  const named = nameBeforeFigure(s, i);
  if (named !== null) {
    addIndicator(s, stripBullet(line.t), parseFigure(s.line(named).t)!, i, named);
    return named + 1;
  }
  const next = nextNonBlank(s.lines, i + 1, 1);
  if (line.width <= 10 && !startsWithBullet(line.t) && next < s.lines.length && nameBeforeFigure(s, next) !== null) {
    categories.set(s, { name: line.t, last: i });
    s.ledger.use(i);
    return i + 1;
  }
  const besideFigures = isFigureLine(s, previousNonBlank(s.lines, i - 1)) || isFigureLine(s, next);
  const single = besideFigures ? labelledValue(s, i) : null;
  if (single) {
    addIndicator(s, single.label, { sides: [single.side], note: single.note }, i, i);
    return i + 1;
  }
  return null;
}

/** A header cell's period: 平成22年度～平成26年度, 令和5年度, R5, 2023年度. */
function periodOf(cell: string): { fiscalYear: number; fiscalYearEnd?: number } | null {
  const text = cellText(cell).replace(/[（(].*?[)）]$/u, '').trim();
  if (text === '' || /^[0-9０-９]{1,3}$/u.test(text)) return null;
  const span = parseFiscalYearSpan(text);
  if (span.ok) return span.value.end !== undefined && span.value.end !== span.value.start ? { fiscalYear: span.value.start, fiscalYearEnd: span.value.end } : { fiscalYear: span.value.start };
  const year = parseFiscalYear(text);
  return year.ok ? { fiscalYear: year.value } : null;
}

/** H25予算, 令和6年度実績: a period with the kind of its values. */
const PERIOD_WITH_KIND = /^(?<period>.+?)[\s\u3000]*(?<kind>予算|決算|見込(?:み|量)?|実績(?:値)?|目標(?:値)?|計画(?:値)?)$/u;

interface Column {
  index: number;
  period: { fiscalYear: number; fiscalYearEnd?: number };
  kind?: IndicatorValue['kind'];
}

function columnOf(cell: string, index: number): Column | null {
  const period = periodOf(cell);
  if (period) return { index, period };
  const m = PERIOD_WITH_KIND.exec(cellText(cell))?.groups;
  const withKind = m ? periodOf(m['period']!) : null;
  return withKind ? { index, period: withKind, kind: valueKind(m!['kind']!) ?? 'actual' } : null;
}

function valueOf(cell: string, column: Column, kind: IndicatorValue['kind']): { value: IndicatorValue; unit: string | null } | null {
  const text = cellText(cell);
  if (text === '') return null;
  const m = /^(?<number>[0-9０-９][0-9０-９,，.．]*)[\s\u3000]*(?<unit>[^\s\u3000※0-9０-９]*)[\s\u3000]*(?<note>※.*)?$/u.exec(text);
  const number = m ? parseNumber(m.groups!['number']!) : undefined;
  if (number === undefined) {
    // 記載なし, 未設置, — …: no value, and the note keeps what was printed.
    return { value: { ...column.period, value: null, kind, note: text }, unit: null };
  }
  const note = m!.groups!['note'];
  return { value: { ...column.period, value: number, kind, ...(note ? { note } : {}) }, unit: m!.groups!['unit'] || null };
}

function headerColumns(header: string[]): Column[] {
  return header.map(columnOf).filter((c): c is Column => c !== null);
}

/** 項目 / 指標 / 平成17年度～平成21年度 / 平成22年度～平成26年度 … rows of values under a header of periods. */
export function indicatorTableTrigger(s: ParseState, i: number): number | null {
  const header = s.line(i).cells;
  if (!header) return spacedTable(s, i);
  const columns = headerColumns(header);
  const first = columns[0]?.index ?? 0;
  if (columns.length < 2 || first === 0) return null;
  const labels = header.slice(0, first).map(cellText);
  const named = labels.findIndex((l) => /指標|名称|項目名/u.test(l));
  const nameColumn = named >= 0 ? named : 0;
  let end = i + 1;
  let previous: Indicator | null = null;
  while (end < s.lines.length && s.line(end).cells && s.ledger.isFree(end)) {
    previous = tableRow(s, end, s.line(end).cells!, { columns, first, nameColumn }, previous);
    end++;
  }
  if (end === i + 1) return null;
  s.ledger.use(i);
  return end;
}

function tableRow(
  s: ParseState,
  i: number,
  cells: string[],
  table: { columns: Column[]; first: number; nameColumn: number },
  previous: Indicator | null,
): Indicator | null {
  const labels = cells.slice(0, table.first).map(cellText);
  const kindCell = labels.find((l) => valueKind(l) !== undefined);
  const kind = kindCell === undefined ? 'actual' : valueKind(kindCell)!;
  const name = labels[table.nameColumn] ?? '';
  const others = labels.filter((l, k) => k !== table.nameColumn && l !== '' && l !== kindCell);
  const indicator: Indicator =
    name === '' || name === kindCell
      ? previous ?? { name: '', unit: null, category: s.section?.heading ?? null, description: null, values: [], sourceLines: s.range(i) }
      : { name, unit: null, category: s.section?.heading ?? null, description: others.join(' ') || null, values: [], sourceLines: s.range(i) };
  if (indicator !== previous) s.indicators.push(indicator);
  for (const column of table.columns) {
    const read = valueOf(cells[column.index] ?? '', column, column.kind ?? kind);
    if (!read) continue;
    indicator.values.push(read.value);
    indicator.unit ??= read.unit;
  }
  s.take(indicator, i);
  return indicator;
}

/** A value as a table flattened to spaces prints it: 1,202人, 104,648, 2.21, or a missing one (―, 無し). */
const SPACED_VALUE = /^(?:[0-9０-９][0-9０-９,，]*(?:[.．][0-9０-９]+)?[^\s\u30000-9０-９]{0,3}|[―－—-]|無し|なし|記載なし|未設置)$/u;

function tokens(text: string): string[] {
  return text.split(/[\s\u3000]+/u).filter((t) => t !== '');
}

/** The values a row ends with, after its label. */
function trailingValues(words: string[]): number {
  let count = 0;
  while (count < words.length && SPACED_VALUE.test(words[words.length - 1 - count]!)) count++;
  return count;
}

/**
 * A table that PDF text or a web archive flattened to spaces: a header of periods (単位 H25予算 H25決算 H26予算 …),
 * then a row per figure whose last values line up with the periods (直接事業費 104,648 102,220 …). A row with fewer
 * values has lost its alignment: it is left unread rather than guessed.
 */
function spacedTable(s: ParseState, i: number): number | null {
  const header = tokens(s.line(i).t);
  const columns = headerColumns(header);
  const first = columns[0]?.index ?? 0;
  if (columns.length < 2 || first === 0 || columns.some((c, k) => c.index !== first + k) || columns.length !== header.length - first) return null;
  let end = i + 1;
  let read = 0;
  let previous: Indicator | null = null;
  for (; end < s.lines.length && s.ledger.isFree(end); end++) {
    const line = s.line(end);
    if (line.blank) {
      if (s.line(end - 1).blank) break;
      continue;
    }
    if (line.cells || endsSentence(line.t)) break;
    const words = tokens(line.t);
    if (trailingValues(words) !== columns.length || words.length === columns.length) continue;
    const labels = words.length - columns.length;
    const rowColumns = columns.map((c, k) => ({ ...c, index: labels + k }));
    previous = tableRow(s, end, words, { columns: rowColumns, first: labels, nameColumn: 0 }, previous);
    read++;
  }
  if (read === 0) return null;
  s.ledger.use(i);
  return end;
}
