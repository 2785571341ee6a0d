/**
 * Tables whose rows name a node of the plan beside what is being done for it, as a hearing questionnaire lists them
 * (★取組目標 | ★第4期ですすめていること | …: <取組目標1> 違いや… | 相互理解、普及啓発 …). Rows without a node
 * name continue the node above.
 */
import { cellText, htmlToTextLines, looksLikeHtml } from './html-text.ts';
import type { PlanNode } from './interchange.ts';
import type { ParseState } from './state.ts';
import { normaliseCode, NUMBER_SOURCE } from './text.ts';
import { isLevelName, LEVEL_NAME_SOURCE } from './vocabulary.ts';

const NODE_REFERENCE = new RegExp(`^[<＜]?[\\s\\u3000]*(?<level>${LEVEL_NAME_SOURCE})[\\s\\u3000]*(?<num>${NUMBER_SOURCE})`, 'u');

function textsOf(cell: string): string[] {
  return (looksLikeHtml(cell) ? htmlToTextLines(cell) : [cell.trim()]).filter((t) => t !== '');
}

function referenced(s: ParseState, parent: PlanNode, cell: string): PlanNode | undefined {
  const m = NODE_REFERENCE.exec(cellText(cell))?.groups;
  if (!m) return undefined;
  const code = normaliseCode(m['num']!);
  return parent.children.find((c) => c.code === code && (c.level === m['level'] || c.level === ''));
}

export function nodeTableTrigger(s: ParseState, i: number): number | null {
  const header = s.line(i).cells;
  const parent = s.topNode();
  if (!header || !parent) return null;
  const refColumn = header.findIndex((c) => isLevelName(cellText(c).replace(/[★☆※\s]/gu, '')));
  const first = s.line(i + 1)?.cells;
  if (refColumn < 0 || refColumn + 1 >= header.length || !first || !referenced(s, parent, first[refColumn] ?? '')) return null;
  let target: PlanNode | undefined;
  let end = i + 1;
  for (; end < s.lines.length && s.line(end).cells && s.ledger.isFree(end); end++) {
    const cells = s.line(end).cells!;
    target = referenced(s, parent, cells[refColumn] ?? '') ?? target;
    if (target) target.efforts.push(...textsOf(cells[refColumn + 1] ?? ''));
  }
  s.ledger.use(i, end - 1);
  return end;
}
