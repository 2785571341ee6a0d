/**
 * `./bin/sasaeai parse FILE [--json]`: reads a document (.txt .md .pdf .docx .xlsx .csv) and prints the interchange
 * document as JSON, or a summary in Japanese: plans with their levels, owners, figures, reports, surveys, meetings,
 * schedule, committees, and the lines that could not be read, with their numbers.
 */
import { parseArgs } from 'node:util';
import { formatDate, formatFiscalYear, formatFiscalYearSpan } from '../kernel/wareki/index.ts';
import { ReadError } from '../reading/errors.ts';
import type { Indicator, IndicatorValue, InterchangeDocument, Plan, PlanNode, ScheduleStep } from '../reading/interchange.ts';
import { readDocument } from '../reading/read-document.ts';
import { CliError, japaneseText } from './errors.ts';
import { parseHelp } from './help.ts';

const FORMAT_NAMES: Readonly<Record<string, string>> = {
  txt: 'テキスト', md: 'Markdown', pdf: 'PDF', docx: 'Word', xlsx: 'Excel', csv: 'CSV',
};

function fiscalYearText(year: number | null | undefined): string {
  return year === null || year === undefined ? '年度不明' : formatFiscalYear(year);
}

function periodText(plan: Plan): string {
  const period = plan.period === null ? '' : `第${plan.period}期`;
  const span = plan.fiscalYearStart === null ? '' : `（${formatFiscalYearSpan(plan.fiscalYearStart, plan.fiscalYearEnd ?? undefined)}）`;
  return `${period}${span}`;
}

function countByLevel(plan: Plan): string {
  const counts = new Map<number, number>();
  const walk = (nodes: PlanNode[], depth: number) => {
    for (const node of nodes) {
      counts.set(depth, (counts.get(depth) ?? 0) + 1);
      walk(node.children, depth + 1);
    }
  };
  walk(plan.nodes, 0);
  return [...counts.entries()].map(([depth, n]) => `${plan.levels[depth] || '（名前なし）'} ${n}`).join(' › ');
}

function ownersOf(nodes: PlanNode[]): string[] {
  return [...new Set(nodes.flatMap((n) => [...n.owners, ...n.initiativesByActor.map((g) => g.actor), ...ownersOf(n.children)]))];
}

function nodeLine(node: PlanNode): string {
  const extras = [
    node.children.length ? `${node.children.length}項目` : '',
    node.situation.length ? `現状と課題${node.situation.length}` : '',
    node.keywords.length ? `キーワード${node.keywords.length}` : '',
    node.examples.length ? `例${node.examples.length}` : '',
    node.review.length ? `振り返り${node.review.length}` : '',
  ].filter((x) => x !== '');
  return `    ${node.level}${node.code} ${node.title || '（題名なし）'}${extras.length ? `  [${extras.join('・')}]` : ''}`;
}

function planLines(plan: Plan): string[] {
  const name = [plan.name, plan.nickname && `（${plan.nickname}）`].filter(Boolean).join('') || '（計画名なし）';
  const owners = ownersOf(plan.nodes);
  return [
    `・${name} ${periodText(plan)}${plan.status === 'formulating' ? ' 策定中' : ''}`,
    ...(plan.philosophy ? [`  基本理念: ${plan.philosophy.replace(/\n/g, ' / ')}`] : []),
    ...(plan.nodes.length ? [`  階層: ${countByLevel(plan)}`] : []),
    ...(owners.length ? [`  推進主体: ${owners.join('、')}`] : []),
    ...plan.nodes.map(nodeLine),
  ];
}

function valueText(value: IndicatorValue, unit: string | null): string {
  const when = value.fiscalYearEnd !== undefined ? formatFiscalYearSpan(value.fiscalYear!, value.fiscalYearEnd) : value.asWritten ?? fiscalYearText(value.fiscalYear);
  const amount = value.value === null ? `値なし（${value.note ?? '記載なし'}）` : `${value.value.toLocaleString('ja-JP')}${unit ?? ''}`;
  return `${when} ${amount}`;
}

function indicatorLine(indicator: Indicator): string {
  return `・${indicator.name}: ${indicator.values.map((v) => valueText(v, indicator.unit)).join(' → ')}`;
}

function monthText(step: ScheduleStep): string {
  if (step.month === null) return '時期不明';
  const end = step.monthEnd ? `～${step.monthEnd}月` : step['openEnded'] ? '～' : '';
  return `${step.month}月${step.day ? `${step.day}日` : ''}${end}`;
}

function section<T>(title: string, items: readonly T[], line: (item: T) => string | string[]): string[] {
  if (items.length === 0) return [];
  return ['', `■ ${title} ${items.length}件`, ...items.flatMap(line)];
}

export function summary(doc: InterchangeDocument): string {
  const { stats, source } = doc;
  const head = [
    `ファイル: ${source.file}（${FORMAT_NAMES[source.format]}${source.encoding ? `、${source.encoding}` : ''}）`,
    `行数: ${stats.lines}（読み取り ${stats.used}・読み飛ばし ${stats.ignored}・認識できず ${stats.unrecognised}・空行 ${stats.blank}）`,
    ...source.warnings.map((w) => `注意: ${w}`),
  ];
  return [
    ...head,
    ...section('計画', doc.plans, planLines),
    ...section('指標', doc.indicators, indicatorLine),
    ...section('実績報告', doc.reports, (r) => `・${r.title}${r.owner ? `（${r.owner}）` : ''} ${fiscalYearText(r.fiscalYear)}${r.goal ? ` ${r.goal}` : ''} 写真${r.photos.length}枚`),
    ...section('調査', doc.surveys, (s) => [
      `・${s.name}（${fiscalYearText(s.fiscalYear)}）`,
      ...s.questions.map((q) => `    ${q.text}${q.multiple ? '（複数選択）' : ''}${q.n === null ? '' : ` n=${q.n.toLocaleString('ja-JP')}`}: ${q.answers.map((a) => `${a.label} ${a.percent}%${a.previousPercent === undefined ? '' : `（前回${a.previousPercent}%）`}`).join('、')}`),
    ]),
    ...section('会議', doc.meetings, (m) => [
      `・${m.title} ${m.date ? formatDate(m.date) : '日付不明'}${m.start ? ` ${m.start}～${m.end ?? ''}` : ''}${m.venue ? ` ${m.venue}` : ''}`,
      ...m.agenda.map((a) => `    ${a.parent ? '  ' : ''}${a.number ?? ''} ${a.title}${a.speaker ? `（${a.speaker}）` : ''}${a.materials.length ? ` [${a.materials.join('・')}]` : ''}`),
    ]),
    ...section('日程', doc.schedule, (x) => `・${fiscalYearText(x.fiscalYear)} ${monthText(x)} ${x.title}${x.track ? `（${x.track}）` : ''}`),
    ...section('委員会・体制', doc.committees, (c) => `・${c.name}${c.memberCount === null ? '' : ` 委員${c.memberCount}名`}${c.members.length ? ` 構成 ${c.members.length}団体` : ''}`),
    ...section('その他の見出しと本文', doc.sections, (x) => `・${x.heading ?? '（見出しなし）'}`),
    '',
    doc.unrecognised.length === 0 ? '認識できなかった行はありません。' : `■ 認識できなかった行 ${doc.unrecognised.length}行`,
    ...doc.unrecognised.map((u) => `  ${u.line}: ${u.text.trim()}`),
  ].join('\n');
}

export async function parseCommand(args: string[]): Promise<string> {
  const { values, positionals } = parseArgs({ args, options: { json: { type: 'boolean', default: false } }, allowPositionals: true, strict: true });
  const [file, ...rest] = positionals;
  if (!file) throw new CliError(`読み込むファイルを指定してください:\n${parseHelp}`);
  if (rest.length > 0) throw new CliError(`ファイルは一つだけ指定してください（${positionals.join('、')}）`);
  try {
    const { document } = await readDocument(file);
    return values.json ? JSON.stringify(document, null, 2) : summary(document);
  } catch (error) {
    if (error instanceof ReadError) throw new CliError(japaneseText(error.problem));
    throw error;
  }
}
