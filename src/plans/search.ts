import type { CommandScope } from '../kernel/db/command.ts';
import type { Tx } from '../kernel/db/database.ts';
import { findMunicipalityById } from '../municipalities/queries.ts';
import { indexDocuments, removeDocuments, type SearchDocument, type SearchSource } from '../search/commands.ts';
import { planPaths } from './paths.ts';
import { planPolicy } from './policy.ts';
import { findPeriodById, findPlanById, flattenTree, listPlans, loadTree, nodeLabel, periodTitle, type PlanNode } from './queries.ts';

/** Everything a plan item says, one text a line: what its page shows under its title. */
function bodyOf(node: PlanNode): string {
  return [
    node.description,
    ...node.situation.flatMap((item) => [item.heading, item.body]),
    node.vision,
    node.keywords.join('、'),
    ...node.examples,
    ...node.sections.flatMap((section) => [section.title, ...section.items.flatMap((item) => [item.heading, item.body])]),
  ]
    .filter((text): text is string => Boolean(text))
    .join('\n');
}

/** The documents of a period's items (of those named, when `only` is given). */
async function periodDocuments(tx: Tx, municipalityId: string, periodId: string, only?: ReadonlySet<string>): Promise<SearchDocument[]> {
  const period = await findPeriodById(tx, municipalityId, periodId);
  const plan = period && (await findPlanById(tx, municipalityId, period.planId));
  const municipality = await findMunicipalityById(tx, municipalityId);
  if (!period || !plan || !municipality) return [];
  const nodes = flattenTree(await loadTree(tx, municipalityId, periodId)).filter((node) => !only || only.has(node.id));
  return nodes.map((node) => ({
    municipalityId,
    kind: 'plan_item',
    sourceId: node.id,
    wardId: plan.wardId,
    periodId,
    periodLabel: `${plan.name} ${periodTitle(period, 'ja')}`,
    fiscalYear: null,
    readers: planPolicy.readers(plan),
    title: nodeLabel(node, period.levels, node.depth),
    path: planPaths.node(municipality.slug, node.id),
    body: bodyOf(node),
  }));
}

/**
 * Writes a period's items into the search index (those named, or all of them: a move changes the level names below
 * the item, a period's new name every item's). Called by the commands that change them, in their transaction.
 */
export async function indexPlanItems(scope: CommandScope, municipalityId: string, periodId: string, nodeIds?: string[]): Promise<void> {
  await indexDocuments(scope, await periodDocuments(scope.tx, municipalityId, periodId, nodeIds && new Set(nodeIds)));
}

/** Takes deleted items out of the search index. */
export function removePlanItems(scope: CommandScope, municipalityId: string, nodeIds: string[]): Promise<void> {
  return removeDocuments(scope, { municipalityId, kind: 'plan_item' }, nodeIds);
}

/** Every plan item of a municipality, for a rebuild of the index. */
export const planItemSource: SearchSource = {
  kinds: ['plan_item'],
  async documents(scope, municipalityId) {
    const documents: SearchDocument[] = [];
    for (const plan of await listPlans(scope.tx, municipalityId)) {
      for (const period of plan.periods) documents.push(...(await periodDocuments(scope.tx, municipalityId, period.id)));
    }
    return documents;
  },
};
