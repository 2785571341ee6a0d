import { and, asc, eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import { bytesOf } from '../../kernel/db/columns.ts';
import { makePrintCopy, printsAsStored, type PrintCopy } from './process.ts';
import type { DbOrTx } from '../../kernel/db/database.ts';
import type { ReportScope } from '../policy.ts';
import { reportAssignmentOwners, reportAssignments, reportPhotos, reportRounds, reports } from '../schema.ts';

export type Photo = typeof reportPhotos.$inferSelect;
/** A photo without its bytes: what pages need to show it (the bytes come from the photo's own URL). */
export type PhotoMeta = Omit<Photo, 'bytes' | 'printBytes'>;

const { bytes: _bytes, printBytes: _printBytes, ...metaColumns } = getTableColumns(reportPhotos);

function byReport<T>(rows: { reportId: string }[], photos: T[]): Map<string, T[]> {
  const grouped = new Map<string, T[]>();
  rows.forEach((row, i) => grouped.set(row.reportId, [...(grouped.get(row.reportId) ?? []), photos[i]!]));
  return grouped;
}

const ofReports = (municipalityId: string, reportIds: string[]) => and(eq(reportPhotos.municipalityId, municipalityId), inArray(reportPhotos.reportId, reportIds));
const inOrder = [asc(reportPhotos.reportId), asc(reportPhotos.position)];

/** The photos of these reports, in their order, by report. */
export async function photosOfReports(db: DbOrTx, municipalityId: string, reportIds: string[]): Promise<Map<string, PhotoMeta[]>> {
  if (reportIds.length === 0) return new Map();
  const rows = await db.select(metaColumns).from(reportPhotos).where(ofReports(municipalityId, reportIds)).orderBy(...inOrder);
  return byReport(rows, rows);
}

/** A photo as the committee handout prints it: JPEG or PNG, at most PRINT_SIDE a side. */
export type PrintedPhoto = { municipalityId: string; id: string; caption: string; alt: string } & PrintCopy;

/**
 * The photos of these reports as they print, in their order, by report: each one's print copy, made at upload (only
 * those bytes are read). A photo uploaded before print copies existed is shrunk here, as the upload would have.
 */
export async function printedPhotosOfReports(db: DbOrTx, municipalityId: string, reportIds: string[]): Promise<Map<string, PrintedPhoto[]>> {
  if (reportIds.length === 0) return new Map();
  const p = reportPhotos;
  const rows = await db
    .select({
      id: p.id, reportId: p.reportId, caption: p.caption, alt: p.alt, contentType: p.contentType, width: p.width, height: p.height,
      printContentType: p.printContentType, printWidth: p.printWidth, printHeight: p.printHeight,
      bytes: bytesOf(sql`coalesce(${p.printBytes}, ${p.bytes})`),
    })
    .from(p)
    .where(ofReports(municipalityId, reportIds))
    .orderBy(...inOrder);
  // sharp works on its own threads: all the photos still to shrink at once.
  const photos = await Promise.all(rows.map(async (row) => ({ municipalityId, id: row.id, caption: row.caption, alt: row.alt, ...(await printedForm(row)) })));
  return byReport(rows, photos);
}

type PrintRow = Pick<Photo, 'contentType' | 'width' | 'height' | 'printContentType' | 'printWidth' | 'printHeight'> & { bytes: Uint8Array };

async function printedForm(row: PrintRow): Promise<PrintCopy> {
  const { bytes } = row;
  if (row.printContentType !== null && row.printWidth !== null && row.printHeight !== null) return { contentType: row.printContentType, width: row.printWidth, height: row.printHeight, bytes };
  const stored = { contentType: row.contentType, width: row.width, height: row.height, bytes };
  if (printsAsStored(stored)) return stored;
  return (await makePrintCopy(stored))!;
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
