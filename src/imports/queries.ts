import { and, desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../kernel/db/database.ts';
import { interchangeSchema, type InterchangeDocument } from '../reading/interchange.ts';
import { documentImports } from './schema.ts';
import type { Baseline, Value } from './change-set.ts';
import { correctedDocument, readCorrections, type Corrections } from './corrections.ts';

export type DocumentImport = typeof documentImports.$inferSelect;
export type ImportSummary = Omit<DocumentImport, 'bytes' | 'lines' | 'parsed' | 'corrections' | 'applied'>;

/** What an applied import recorded: what it did, and the document's values per entity (the next baseline). */
export type AppliedRecord = { operations: unknown[]; kept: unknown[]; values: Record<string, Record<string, Value>>; created: Record<string, string> };

const summaryColumns = {
  municipalityId: documentImports.municipalityId,
  id: documentImports.id,
  wardId: documentImports.wardId,
  fileName: documentImports.fileName,
  contentType: documentImports.contentType,
  sha256: documentImports.sha256,
  status: documentImports.status,
  createdBy: documentImports.createdBy,
  createdAt: documentImports.createdAt,
  appliedBy: documentImports.appliedBy,
  appliedAt: documentImports.appliedAt,
  version: documentImports.version,
};

export async function listImports(db: DbOrTx, municipalityId: string, wardId: string): Promise<ImportSummary[]> {
  return db
    .select(summaryColumns)
    .from(documentImports)
    .where(and(eq(documentImports.municipalityId, municipalityId), eq(documentImports.wardId, wardId)))
    .orderBy(desc(documentImports.createdAt));
}

export async function findImport(db: DbOrTx, municipalityId: string, id: string): Promise<DocumentImport | null> {
  const [row] = await db.select().from(documentImports).where(and(eq(documentImports.municipalityId, municipalityId), eq(documentImports.id, id)));
  return row ?? null;
}

export function parsedOf(row: Pick<DocumentImport, 'parsed'>): InterchangeDocument {
  return interchangeSchema.parse(row.parsed);
}

export function correctionsOf(row: Pick<DocumentImport, 'corrections'>): Corrections {
  return readCorrections(row.corrections);
}

/** The parse with the user's corrections on top: what the import writes. */
export function documentOf(row: Pick<DocumentImport, 'parsed' | 'corrections'>): InterchangeDocument {
  return correctedDocument(parsedOf(row), correctionsOf(row));
}

/**
 * Per entity and field, the value of the latest applied import of the ward that gave it: what a field held when a document
 * last wrote it, so a different value now means someone edited it by hand.
 */
export async function baselineOf(db: DbOrTx, municipalityId: string, wardId: string): Promise<Baseline> {
  const rows = await db
    .select({ applied: documentImports.applied })
    .from(documentImports)
    .where(and(eq(documentImports.municipalityId, municipalityId), eq(documentImports.wardId, wardId), eq(documentImports.status, 'applied')))
    .orderBy(desc(documentImports.appliedAt));
  const baseline: Baseline = new Map();
  for (const row of rows) {
    const values = (row.applied as AppliedRecord | null)?.values ?? {};
    for (const [entity, fields] of Object.entries(values)) baseline.set(entity, { ...fields, ...baseline.get(entity) });
  }
  return baseline;
}
