/**
 * Which parsed item used each source line, for the preview's two columns: every item links to its lines (`#L120`),
 * every line links back to the innermost item read from it.
 */
import type { InterchangeDocument, SourceLines } from '../../reading/interchange.ts';
import type { Translate } from '../../kernel/i18n/index.ts';
import { notStoredText, type NotStoredItem } from '../change-set.ts';
import { nodesWithKeys } from '../corrections.ts';

export type LineUse = { href: string; label: string };

export const lineAnchor = (line: number) => `L${line}`;
export const nodeAnchor = (key: string) => `item-${key.replace(/[:.]/g, '-')}`;
export const planAnchor = (index: number) => `plan-${index}`;
export const otherAnchor = (index: number) => `other-${index}`;
export const reportAnchor = (index: number) => `report-${index}`;

function mark(uses: Map<number, LineUse>, [from, to]: SourceLines, use: LineUse) {
  for (let line = from; line <= to; line++) uses.set(line, use);
}

/** Later marks win, so wide items (a plan, a goal) go first and the items inside them after. */
export function lineUsage(document: InterchangeDocument, notStored: NotStoredItem[], t: Translate): Map<number, LineUse> {
  const uses = new Map<number, LineUse>();
  notStored.forEach((item, index) => mark(uses, item.sourceLines, { href: `#${otherAnchor(index)}`, label: notStoredText(t, item) }));
  document.plans.forEach((plan, index) => {
    mark(uses, plan.sourceLines, { href: `#${planAnchor(index)}`, label: plan.name ?? plan.nickname ?? `${index + 1}` });
    for (const { key, node } of nodesWithKeys(plan.nodes, index)) {
      mark(uses, node.sourceLines, { href: `#${nodeAnchor(key)}`, label: `${node.level}${node.code} ${node.title}`.trim() });
    }
  });
  document.reports.forEach((report, index) => mark(uses, report.sourceLines, { href: `#${reportAnchor(index)}`, label: `${report.title}${report.owner ? `（${report.owner}）` : ''}` }));
  return uses;
}
