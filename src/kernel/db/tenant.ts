import { eq, getTableName } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import * as schema from './schema.ts';
import type { Tx } from './database.ts';

/**
 * Every table, parents before children: the order backup writes and restore reads, and (reversed) the order a
 * municipality's data is deleted in. A test checks that no table is missing.
 */
export const tablesInDependencyOrder: PgTable[] = [
  schema.municipalities,
  schema.wards,
  schema.districts,
  schema.organisations,
  schema.plans,
  schema.planPeriods,
  schema.planNodes,
  schema.nodeOwners,
  schema.reportForms,
  schema.reportRounds,
  schema.reportAssignments,
  schema.reportAssignmentOwners,
  schema.reports,
  schema.reportStateChanges,
  schema.reportReturnComments,
  schema.reportPhotos,
  schema.reportReminders,
  schema.meetings,
  schema.meetingAgendaItems,
  schema.meetingMaterials,
  schema.documentImports,
  schema.stagedUploads,
  schema.users,
  schema.sessions,
  schema.auditEvents,
  schema.loginThrottle,
];

function municipalityColumn(table: PgTable): PgColumn | null {
  if (table === schema.municipalities) return schema.municipalities.id;
  return (table as unknown as Record<string, PgColumn | undefined>)['municipalityId'] ?? null;
}

/** Removes one municipality and everything that belongs to it, in one transaction the caller holds. */
export async function deleteMunicipalityData(tx: Tx, municipalityId: string): Promise<void> {
  for (const table of [...tablesInDependencyOrder].reverse()) {
    const column = municipalityColumn(table);
    if (column) await tx.delete(table).where(eq(column, municipalityId));
  }
}

export function tableNames(): string[] {
  return tablesInDependencyOrder.map((t) => getTableName(t));
}
