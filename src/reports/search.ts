import type { CommandScope } from '../kernel/db/command.ts';
import type { Tx } from '../kernel/db/database.ts';
import { findMunicipalityById } from '../municipalities/queries.ts';
import { findPeriodById, findPlanById, periodTitle } from '../plans/queries.ts';
import { indexDocuments, removeDocuments, type SearchDocument, type SearchSource } from '../search/commands.ts';
import { reportPaths } from './paths.ts';
import { reportPolicy } from './policy.ts';
import { itemTitle, reportItems, scopeOf, type ReportItem } from './queries.ts';

/** How the report's plan and period are named, each period looked up once. */
function periodLabels(tx: Tx, municipalityId: string): (periodId: string) => Promise<string | null> {
  const labels = new Map<string, Promise<string | null>>();
  const labelOf = async (periodId: string) => {
    const period = await findPeriodById(tx, municipalityId, periodId);
    const plan = period && (await findPlanById(tx, municipalityId, period.planId));
    return period && plan ? `${plan.name} ${periodTitle(period, 'ja')}` : null;
  };
  return (periodId) => {
    if (!labels.has(periodId)) labels.set(periodId, labelOf(periodId));
    return labels.get(periodId)!;
  };
}

/** A report's document: the initiative's name, the values of its form's fields; found publicly once published. */
async function documentsOf(tx: Tx, municipalityId: string, items: ReportItem[]): Promise<SearchDocument[]> {
  const municipality = await findMunicipalityById(tx, municipalityId);
  if (!municipality || items.length === 0) return [];
  const labelOf = periodLabels(tx, municipalityId);
  const documents: SearchDocument[] = [];
  for (const item of items) {
    const scope = scopeOf(item);
    documents.push({
      municipalityId,
      kind: 'report',
      sourceId: item.report.id,
      wardId: item.round.wardId,
      periodId: item.round.periodId,
      periodLabel: await labelOf(item.round.periodId),
      fiscalYear: item.round.fiscalYear,
      readers: reportPolicy.readers(scope),
      title: itemTitle(item),
      path: reportPolicy.readPublished(scope) ? reportPaths.publicReport(municipality.slug, item.report.id) : reportPaths.report(municipality.slug, item.report.id),
      body: item.round.fields
        .map((field) => item.report.values[field.key] ?? '')
        .filter((value) => value.length > 0)
        .join('\n'),
    });
  }
  return documents;
}

/** Writes these reports into the search index, in the transaction of the command that changed them. */
export async function indexReports(scope: CommandScope, municipalityId: string, reportIds: string[]): Promise<void> {
  await indexDocuments(scope, await documentsOf(scope.tx, municipalityId, await reportItems(scope.tx, municipalityId, reportIds)));
}

/** Takes deleted reports out of the search index. */
export function removeReports(scope: CommandScope, municipalityId: string, reportIds: string[]): Promise<void> {
  return removeDocuments(scope, { municipalityId, kind: 'report' }, reportIds);
}

/** Every report of a municipality, for a rebuild of the index. */
export const reportSource: SearchSource = {
  kinds: ['report'],
  async documents(scope, municipalityId) {
    return documentsOf(scope.tx, municipalityId, await reportItems(scope.tx, municipalityId));
  },
};
