import type { CommandScope } from '../kernel/db/command.ts';
import type { Tx } from '../kernel/db/database.ts';
import { findMunicipalityById } from '../municipalities/queries.ts';
import { indexDocuments, type SearchDocument, type SearchSource } from '../search/commands.ts';
import { organisationPaths } from './paths.ts';
import { organisationPolicy } from './policy.ts';
import { listOrganisations, type Organisation } from './queries.ts';

/** An organisation's document: its name; its other names and description (its contact address is not searched). */
async function documentsOf(tx: Tx, municipalityId: string, rows: Organisation[]): Promise<SearchDocument[]> {
  const municipality = await findMunicipalityById(tx, municipalityId);
  if (!municipality) return [];
  return rows.map((organisation) => ({
    municipalityId,
    kind: 'organisation',
    sourceId: organisation.id,
    wardId: organisation.wardId,
    periodId: null,
    periodLabel: null,
    fiscalYear: null,
    readers: organisationPolicy.readers(organisation),
    title: organisation.name,
    path: organisationPaths.one(municipality.slug, organisation.key),
    body: [organisation.aliases.join('、'), organisation.description ?? ''].filter((text) => text.length > 0).join('\n'),
  }));
}

/** Writes organisations into the search index, in the transaction of the command that changed them. */
export async function indexOrganisations(scope: CommandScope, municipalityId: string, rows: Organisation[]): Promise<void> {
  await indexDocuments(scope, await documentsOf(scope.tx, municipalityId, rows));
}

/** Every organisation of a municipality, for a rebuild of the index. */
export const organisationSource: SearchSource = {
  kinds: ['organisation'],
  async documents(scope, municipalityId) {
    return documentsOf(scope.tx, municipalityId, await listOrganisations(scope.tx, municipalityId));
  },
};
