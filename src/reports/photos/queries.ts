import { and, asc, eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import { bytesOf } from '../../kernel/db/columns.ts';
import type { DbOrTx } from '../../kernel/db/database.ts';
import type { ReportScope } from '../policy.ts';
import { reportAssignmentOwners, reportAssignments, reportPhotos, reportRounds, reports } from '../schema.ts';

export type Photo = typeof reportPhotos.$inferSelect;
/** A photo without its bytes: what pages need to show it (the bytes come from the photo's own URL). */
export type PhotoMeta = Omit<Photo, 'bytes' | 'printBytes'>;

const { bytes: _bytes, printBytes: _printBytes, ...metaColumns } = getTableColumns(reportPhotos);

/** The photos of these reports, in their order, by report. */
export async function photosOfReports(db: DbOrTx, municipalityId: string, reportIds: string[]): Promise<Map<string, PhotoMeta[]>> {
  const byReport = new Map<string, PhotoMeta[]>();
  if (reportIds.length === 0) return byReport;
  const rows = await db
    .select(metaColumns)
    .from(reportPhotos)
    .where(and(eq(reportPhotos.municipalityId, municipalityId), inArray(reportPhotos.reportId, reportIds)))
    .orderBy(asc(reportPhotos.reportId), asc(reportPhotos.position));
  for (const row of rows) byReport.set(row.reportId, [...(byReport.get(row.reportId) ?? []), row]);
  return byReport;
}

/** Which bytes of a photo to read: the stored photo, or the copy the handout prints (the stored one when it has none). */
export type PhotoCopy = 'stored' | 'print';

/** One photo with the bytes of one copy and their type, for serving it. */
export async function findPhoto(db: DbOrTx, municipalityId: string, id: string, copy: PhotoCopy = 'stored'): Promise<(PhotoMeta & { bytes: Uint8Array; servedType: string }) | null> {
  const p = reportPhotos;
  const [row] = await db
    .select({
      ...metaColumns,
      bytes: bytesOf(copy === 'print' ? sql`coalesce(${p.printBytes}, ${p.bytes})` : p.bytes),
      servedType: copy === 'print' ? sql<string>`coalesce(${p.printContentType}, ${p.contentType})` : p.contentType,
    })
    .from(p)
    .where(and(eq(p.municipalityId, municipalityId), eq(p.id, id)));
  return row ?? null;
}

/** What the policy needs to know about the report a photo belongs to, read without loading the plan. */
export async function photoReportScope(db: DbOrTx, municipalityId: string, reportId: string): Promise<ReportScope | null> {
  const [row] = await db
    .select({ wardId: reportRounds.wardId, state: reports.state, published: reports.published, assignmentId: reports.assignmentId })
    .from(reports)
    .innerJoin(reportAssignments, and(eq(reportAssignments.municipalityId, reports.municipalityId), eq(reportAssignments.id, reports.assignmentId)))
    .innerJoin(reportRounds, and(eq(reportRounds.municipalityId, reportAssignments.municipalityId), eq(reportRounds.id, reportAssignments.roundId)))
    .where(and(eq(reports.municipalityId, municipalityId), eq(reports.id, reportId)));
  if (!row) return null;
  const owners = await db
    .select({ id: reportAssignmentOwners.organisationId })
    .from(reportAssignmentOwners)
    .where(and(eq(reportAssignmentOwners.municipalityId, municipalityId), eq(reportAssignmentOwners.assignmentId, row.assignmentId)));
  return { municipalityId, wardId: row.wardId, state: row.state, published: row.published, ownerIds: owners.map((o) => o.id) };
}
