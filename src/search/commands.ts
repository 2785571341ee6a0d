import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Reader } from '../kernel/auth/readers.ts';
import type { CommandScope } from '../kernel/db/command.ts';
import type { SearchKind } from './kinds.ts';
import { searchDocuments, textArray } from './schema.ts';
import { lexemesOf, normalisedText } from './text.ts';

/** What a module hands the index for one of its records: where it belongs, who may find it, what it says. */
export type SearchDocument = {
  municipalityId: string;
  kind: SearchKind;
  sourceId: string;
  wardId: string | null;
  periodId: string | null;
  periodLabel: string | null;
  fiscalYear: number | null;
  readers: Reader[];
  title: string;
  path: string;
  body: string;
};

/** Rows per insert: a document is 12 parameters, and a rebuild writes thousands. */
const BATCH = 200;

function rowOf(document: SearchDocument) {
  const searchText = `${normalisedText(document.title)}\n${normalisedText(document.body)}`;
  return { ...document, searchText, lexemes: sql`array_to_tsvector(${textArray(lexemesOf(searchText))})`, updatedAt: sql`now()` };
}

/**
 * Writes the documents into the index in the caller's transaction, replacing what it held for the same records: the
 * owning module calls it from the command that changes them, so the index commits and rolls back with the change.
 */
export async function indexDocuments(scope: Pick<CommandScope, 'tx'>, documents: SearchDocument[]): Promise<void> {
  for (let at = 0; at < documents.length; at += BATCH) {
    const rows = documents.slice(at, at + BATCH).map(rowOf);
    await scope.tx
      .insert(searchDocuments)
      .values(rows)
      .onConflictDoUpdate({
        target: [searchDocuments.municipalityId, searchDocuments.kind, searchDocuments.sourceId],
        set: Object.fromEntries(
          (['wardId', 'periodId', 'periodLabel', 'fiscalYear', 'readers', 'title', 'path', 'body', 'searchText', 'lexemes', 'updatedAt'] as const).map((column) => [
            column,
            sql.raw(`excluded.${searchDocuments[column].name}`),
          ]),
        ),
      });
  }
}

/** Takes records out of the index (deleted, or no longer searchable). */
export async function removeDocuments(scope: Pick<CommandScope, 'tx'>, target: { municipalityId: string; kind: SearchKind }, sourceIds: string[]): Promise<void> {
  if (sourceIds.length === 0) return;
  await scope.tx
    .delete(searchDocuments)
    .where(and(eq(searchDocuments.municipalityId, target.municipalityId), eq(searchDocuments.kind, target.kind), inArray(searchDocuments.sourceId, sourceIds)));
}

/**
 * What a module contributes to a rebuild of the index: its kinds and every document of a municipality. The
 * composition root lists the sources (src/search-sources.ts); the index knows no module.
 */
export type SearchSource = { kinds: readonly SearchKind[]; documents(scope: CommandScope, municipalityId: string): Promise<SearchDocument[]> };

/** Rebuilds a municipality's index from its records, in one transaction: the index is never seen half built. */
export async function rebuildIndex(scope: CommandScope, municipalityId: string, sources: readonly SearchSource[]): Promise<number> {
  await scope.tx.delete(searchDocuments).where(eq(searchDocuments.municipalityId, municipalityId));
  let count = 0;
  for (const source of sources) {
    const documents = await source.documents(scope, municipalityId);
    await indexDocuments(scope, documents);
    count += documents.length;
  }
  return count;
}
