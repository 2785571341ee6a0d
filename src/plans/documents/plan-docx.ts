import { bullets, heading, labelled, paragraph, renderDocx, table, title, type Column, type DocxBlock } from '../../kernel/documents/docx.ts';
import type { Translate } from '../../kernel/i18n/index.ts';
import { nodeLabel, type PlanNode } from '../queries.ts';
import { planDocumentTitle, type PlanDocumentInput } from './plan-document.ts';
import { formatFiscalYearSpan } from '../../kernel/wareki/index.ts';

function situationBlocks(node: PlanNode, depth: number, t: Translate): DocxBlock[] {
  if (node.situation.length === 0) return [];
  return [heading(t('plan.situation'), depth), ...node.situation.flatMap((item) => [heading(`■${item.heading}`, depth + 1), paragraph(item.body)])];
}

function listBlocks(node: PlanNode, depth: number, t: Translate): DocxBlock[] {
  return [
    ...(node.vision ? [heading(t('plan.vision'), depth), paragraph(node.vision)] : []),
    ...(node.keywords.length > 0 ? [heading(t('plan.keywords'), depth), paragraph(node.keywords.join('、'))] : []),
    ...(node.examples.length > 0 ? [heading(t('plan.examples'), depth), ...bullets(node.examples)] : []),
    ...node.sections.flatMap((section) => [
      heading(section.title, depth),
      ...bullets(section.items.map((item) => [item.heading, item.body].filter(Boolean).join('\n'))),
    ]),
  ];
}

/** An item that says nothing but its title, description and owners: a row of its parent's table. */
function isPlainLeaf(node: PlanNode): boolean {
  return (
    node.children.length === 0 &&
    node.situation.length === 0 &&
    !node.vision &&
    node.keywords.length === 0 &&
    node.examples.length === 0 &&
    node.sections.length === 0
  );
}

/** 主な取組 | 内容 | 推進主体, leaving out a column no row fills. */
function leafTable(nodes: PlanNode[], levels: string[], t: Translate): DocxBlock {
  const withDescription = nodes.some((node) => node.description);
  const withOwners = nodes.some((node) => node.owners.length > 0);
  const columns: Column[] = [
    { header: levels[nodes[0]!.depth] || t('plan.children'), weight: 3 },
    ...(withDescription ? [{ header: t('plan.content'), weight: 5 }] : []),
    ...(withOwners ? [{ header: t('plan.owners'), weight: 2 }] : []),
  ];
  const rows = nodes.map((node) => [
    nodeLabel(node, [], node.depth),
    ...(withDescription ? [node.description ?? ''] : []),
    ...(withOwners ? [node.owners.map((owner) => owner.name).join('\n')] : []),
  ]);
  return table(columns, rows);
}

function childBlocks(node: PlanNode, levels: string[], depth: number, t: Translate): DocxBlock[] {
  if (node.children.length > 0 && node.children.every(isPlainLeaf)) return [leafTable(node.children, levels, t)];
  return node.children.flatMap((child) => nodeBlocks(child, levels, depth, t));
}

/** One item as the web page shows it: its heading, owners, description, 現状と課題, lists, then its children. */
function nodeBlocks(node: PlanNode, levels: string[], depth: number, t: Translate): DocxBlock[] {
  return [
    heading(nodeLabel(node, levels, node.depth), depth),
    ...(node.owners.length > 0 ? [labelled(t('plan.owners'), node.owners.map((owner) => owner.name).join('、'))] : []),
    ...(node.description ? [paragraph(node.description)] : []),
    ...situationBlocks(node, depth + 1, t),
    ...listBlocks(node, depth + 1, t),
    ...childBlocks(node, levels, depth + 1, t),
  ];
}

/** The plan period as Word blocks: title, period, 基本理念, then each goal with its targets and initiatives. */
export function planDocxBlocks({ plan, period, tree, t, locale }: PlanDocumentInput): DocxBlock[] {
  const nickname = period.nickname ?? plan.nickname;
  return [
    title(planDocumentTitle(plan, period, locale)),
    ...(nickname ? [paragraph(`（${nickname}）`)] : []),
    labelled(t('plan.period'), formatFiscalYearSpan(period.fiscalYearStart, period.fiscalYearEnd, { locale })),
    ...(period.levels.length > 0 ? [labelled(t('plan.structure'), period.levels.join(' → '))] : []),
    ...(period.philosophy ? [heading(t('plan.philosophy'), 1), paragraph(period.philosophy, { bold: true })] : []),
    ...(tree.length > 0 ? tree.flatMap((node) => nodeBlocks(node, period.levels, 1, t)) : [paragraph(t('plan.noNodes'))]),
  ];
}

export function renderPlanDocx(input: PlanDocumentInput): Promise<Buffer> {
  return renderDocx({ title: planDocumentTitle(input.plan, input.period, input.locale), blocks: planDocxBlocks(input) });
}
