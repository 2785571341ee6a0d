/**
 * Committees: member tables (大分類 / 分野 / 選出団体, categories carried down, several bodies in one cell, marks such
 * as ★ and the notes that explain them), and headings that name a body with its size (推進会議（委員15名）) or the
 * secretariat (事務局) with the organisations listed under it.
 */
import { cellText } from './html-text.ts';
import type { Committee, CommitteeMember } from './interchange.ts';
import { paragraphEnd, paragraphLines } from './paragraphs.ts';
import { RecordBlock, type ParseState } from './state.ts';
import { endsSentence, isProse, joinParagraph, normaliseCode } from './text.ts';
import { ORGANISATION_NAME } from './vocabulary.ts';

const MARKS = '★☆◎○●※◆';
const LEGEND = new RegExp(`^(?<mark>[${MARKS}]|マーカー|下線|太字|網掛け)[\\s\\u3000]*[:：][\\s\\u3000]*(?<meaning>.+)$`, 'u');
const BODY_NAME = /(?<name>[^\s\u3000（(）)]*?(?:部会|会議|委員会|協議会))/gu;
const SIZED_BODY = /^(?<name>[^（(]+?(?:会議|部会|委員会|協議会|事務局))[\s\u3000]*[（(][\s\u3000]*委員[\s\u3000]*(?<count>[0-9０-９]+)[\s\u3000]*名[\s\u3000]*[)）]$/u;
const EMPTY_CELL = /^(?:[-－—―‐]|)$/u;

function committeeNamed(s: ParseState, name: string, i: number): Committee {
  const found = s.committees.find((c) => c.name === name);
  if (found) return found;
  const committee: Committee = { name, memberCount: null, description: null, legend: {}, members: [], sourceLines: s.range(i) };
  s.committees.push(committee);
  return committee;
}

/** 策定体制（策定検討部会委員構成） → 策定検討部会: the last body the heading names. */
function nameFromHeading(heading: string | undefined): string {
  const names = [...(heading ?? '').matchAll(BODY_NAME)].map((m) => m.groups!['name']!).filter((n) => n.length >= 3);
  return names.at(-1) ?? heading ?? '委員名簿';
}

interface Columns {
  category: number;
  field: number;
  organisation: number;
}

function columnsOf(header: string[]): Columns | null {
  const find = (pattern: RegExp) => header.findIndex((c) => pattern.test(cellText(c)));
  const organisation = find(/選出団体|所属団体|団体名|所属|推薦団体|機関名|氏名|委員名/u);
  if (organisation < 0 || header.length < 2) return null;
  return { category: find(/大分類|区分/u), field: find(/分野|中分類|^分類$/u), organisation };
}

/** 地域自立支援協議会★ 地域自立支援協議会精神連絡会代表（…）: bodies split after a mark or a closing bracket. */
function membersOf(cell: string): { organisation: string; marks: string[] }[] {
  return cell
    .split(new RegExp(`(?<=[${MARKS}）)])[\\s\\u3000]+`, 'u'))
    .map((part) => part.trim())
    .filter((part) => !EMPTY_CELL.test(part))
    .map((part) => {
      const marks = [...(new RegExp(`[${MARKS}]+$`, 'u').exec(part)?.[0] ?? '')];
      return { organisation: part.slice(0, part.length - marks.length).trim(), marks };
    });
}

function cellAt(cells: string[], index: number): string | null {
  if (index < 0) return null;
  const text = cellText(cells[index] ?? '');
  return EMPTY_CELL.test(text) ? null : text;
}

export function committeeTableTrigger(s: ParseState, i: number): number | null {
  const header = s.line(i).cells;
  const columns = header ? columnsOf(header) : null;
  if (!columns || !s.line(i + 1)?.cells) return null;
  const committee = committeeNamed(s, nameFromHeading(s.section?.heading), i);
  let category: string | null = null;
  let end = i + 1;
  for (; end < s.lines.length && s.line(end).cells && s.ledger.isFree(end); end++) {
    const cells = s.line(end).cells!;
    category = cellAt(cells, columns.category) ?? category;
    const field = cellAt(cells, columns.field);
    for (const member of membersOf(cellText(cells[columns.organisation] ?? ''))) {
      const row: CommitteeMember = { category, field, ...member, sourceLines: s.range(end) };
      committee.members.push(row);
    }
  }
  s.take(committee, i, end - 1);
  s.block = new CommitteeBlock(s, committee, end - 1, false);
  return end;
}

/** 地域福祉保健推進会議（委員15名）, 事務局: a body, its description and the organisations listed under it. */
export function committeeHeadingTrigger(s: ParseState, i: number): number | null {
  const line = s.line(i);
  if (line.cells || line.width > 40) return null;
  const sized = SIZED_BODY.exec(line.t)?.groups;
  if (!sized && line.t !== '事務局') return null;
  const committee = committeeNamed(s, sized ? sized['name']!.trim() : line.t, i);
  if (sized) committee.memberCount = Number(normaliseCode(sized['count']!));
  s.take(committee, i);
  s.block = new CommitteeBlock(s, committee, i, true);
  return i + 1;
}

/** Under a committee: notes explaining marks, a short description, and organisation names. */
class CommitteeBlock extends RecordBlock<Committee> {
  private listed = false;

  constructor(
    s: ParseState,
    committee: Committee,
    last: number,
    private readonly describes: boolean,
  ) {
    super(s, committee, last);
  }

  accept(i: number): number | null {
    const s = this.s;
    const line = s.line(i);
    if (line.heading > 0 || line.cells || s.gap(this.last, i) > 2) return null;
    const legend = LEGEND.exec(line.t)?.groups;
    let end = i + 1;
    if (legend) this.record.legend[legend['mark']!] = legend['meaning']!.trim();
    else if (ORGANISATION_NAME.test(line.t) && line.width <= 20 && !/[、。]/u.test(line.t)) {
      this.record.members.push({ category: null, field: null, organisation: line.t, marks: [], sourceLines: s.range(i) });
      this.listed = true;
    } else {
      end = paragraphEnd(s, i);
      const lines = paragraphLines(s, i, end);
      if (!this.describes || this.listed || this.record.description !== null || lines.some((l) => l.width > 40 || /^[↓↑→←]/u.test(l.t))) return null;
      const text = isProse(lines) || endsSentence(lines.at(-1)!.t) ? joinParagraph(lines) : lines.map((l) => l.t).join('\n');
      this.record.description = text;
    }
    s.take(this.record, i, end - 1);
    this.last = end - 1;
    return end;
  }
}
