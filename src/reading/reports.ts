/**
 * Yearly progress reports: a title line (取組名（推進主体）) over a four-field table (地域と共有した課題 / 取組の内容 /
 * 地域と連携したポイント / 成果; cells may be HTML lists), then photo captions. A later line repeating the title
 * continues the same report (its second page of photos).
 */
import { findAll } from '../kernel/wareki/index.ts';
import { htmlToTextLines, looksLikeHtml } from './html-text.ts';
import type { Report } from './interchange.ts';
import { nextNonBlank } from './lines.ts';
import { paragraphEnd, paragraphLines } from './paragraphs.ts';
import { RecordBlock, type ParseState } from './state.ts';
import { endsSentence, joinLabel, stripBullet } from './text.ts';
import { reportField } from './vocabulary.ts';

const TITLE_WITH_OWNER = /^(?<title>.+?)[\s\u3000]*[（(](?<owner>[^（）()]+)[)）]$/u;

function fieldText(cells: string[]): string {
  const cell = cells.join(' ').trim();
  const lines = looksLikeHtml(cell) ? htmlToTextLines(cell) : [cell];
  return lines.map((l) => stripBullet(l.trim()).trim()).filter((l) => l !== '').join('\n');
}

function fieldRows(s: ParseState, from: number): number {
  let end = from;
  while (end < s.lines.length && s.ledger.isFree(end) && s.line(end).cells && reportField(s.line(end).cells![0]!)) end++;
  return end;
}

/** The fiscal year reported on: from the handout's 報告 material (資料2 令和5年度の実績報告), else the latest heading. */
function reportFiscalYear(s: ParseState): number | null {
  const titles = s.meetings.flatMap((m) => [...m.materials.map((x) => x.title), ...m.agenda.map((a) => a.title)]);
  for (const title of titles.filter((t) => /報告/u.test(t))) {
    const year = findAll(title).find((m) => m.result.ok && m.result.value.kind === 'fiscalYear');
    if (year?.result.ok && year.result.value.kind === 'fiscalYear') return year.result.value.fiscalYear;
  }
  return s.headingFiscalYear;
}

function titleAndOwner(text: string): { title: string; owner: string | null } {
  const m = TITLE_WITH_OWNER.exec(text)?.groups;
  return m ? { title: m['title']!, owner: m['owner']! } : { title: text, owner: null };
}

export function reportTrigger(s: ParseState, i: number): number | null {
  const line = s.line(i);
  if (line.cells || line.width > 60) return null;
  const tableStart = nextNonBlank(s.lines, i + 1, 3);
  const tableEnd = tableStart < s.lines.length ? fieldRows(s, tableStart) : tableStart;
  if (tableEnd - tableStart < 2) return continuedReport(s, i);
  const goal = s.topNode();
  const report: Report = {
    ...titleAndOwner(line.t), fiscalYear: reportFiscalYear(s), goal: goal?.title ?? null, goalCode: goal?.code ?? null,
    issue: null, content: null, collaboration: null, outcome: null, photos: [], sourceLines: s.range(i),
  };
  for (let k = tableStart; k < tableEnd; k++) {
    const cells = s.line(k).cells!;
    report[reportField(cells[0]!)!] = fieldText(cells.slice(1));
  }
  s.reports.push(report);
  if (!titleIndex(s).has(line.key)) titleIndex(s).set(line.key, report);
  s.take(report, i, tableEnd - 1);
  s.block = new PhotoBlock(s, report, tableEnd - 1);
  return tableEnd;
}

/** Reports by the key of their title line, to find a repeated title in constant time. */
const reportsByTitle = new WeakMap<ParseState, Map<string, Report>>();

function titleIndex(s: ParseState): Map<string, Report> {
  let index = reportsByTitle.get(s);
  if (!index) reportsByTitle.set(s, (index = new Map()));
  return index;
}

/** A heading that repeats a report's title: the report goes on (more photos). */
function continuedReport(s: ParseState, i: number): number | null {
  const report = titleIndex(s).get(s.line(i).key);
  if (!report) return null;
  s.ledger.use(i);
  s.block = new PhotoBlock(s, report, i);
  return i + 1;
}

/** Captions under a report: short lines (a caption may run over lines with markdown hard breaks). */
class PhotoBlock extends RecordBlock<Report> {
  accept(i: number): number | null {
    const s = this.s;
    const line = s.line(i);
    if (line.cells || (line.heading > 0 && line.heading <= 2) || s.gap(this.last, i) > 4) return null;
    const end = line.heading > 0 ? i + 1 : paragraphEnd(s, i);
    const lines = paragraphLines(s, i, end);
    const caption = joinLabel(lines);
    if (caption.length > 40 || endsSentence(caption)) return null;
    this.record.photos.push({ caption, sourceLines: s.range(i, end - 1) });
    s.take(this.record, i, end - 1);
    this.last = end - 1;
    return end;
  }
}
