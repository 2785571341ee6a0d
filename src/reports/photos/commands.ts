import { and, asc, eq } from 'drizzle-orm';
import { actorName } from '../../kernel/auth/actor.ts';
import { refused, type CommandResult, type CommandScope } from '../../kernel/db/command.ts';
import { problem } from '../../kernel/i18n/index.ts';
import type { Report } from '../queries.ts';
import { reportPhotos } from '../schema.ts';
import type { ProcessedPhoto } from './process.ts';
import type { PhotoMeta } from './queries.ts';

/** How many photos one report may carry: the handout prints them on the report's page. */
export const MAX_PHOTOS = 6;

export type PhotoText = { caption: string; alt: string };
export type NewPhoto = PhotoText & { photo: ProcessedPhoto; originalName: string };
export type PhotoChange = { kind: 'add'; add: NewPhoto } | { kind: 'move'; photoId: string; direction: 'up' | 'down' } | { kind: 'delete'; photoId: string } | { kind: 'none' };

/** A photo change either went through or was refused (naming the form field), which rolls the whole request back. */
type Changed = CommandResult<null>;
const changed: Changed = { ok: true, value: null };

type ReportRef = Pick<Report, 'municipalityId' | 'id'>;

const described = ({ bytes: _bytes, printBytes: _printBytes, ...meta }: typeof reportPhotos.$inferSelect): PhotoMeta => meta;
const auditOf = (photo: PhotoMeta) => ({ photoId: photo.id, position: photo.position, caption: photo.caption, alt: photo.alt, originalName: photo.originalName, contentType: photo.contentType, width: photo.width, height: photo.height });

async function photosOf(scope: CommandScope, report: ReportRef): Promise<PhotoMeta[]> {
  const rows = await scope.tx
    .select()
    .from(reportPhotos)
    .where(and(eq(reportPhotos.municipalityId, report.municipalityId), eq(reportPhotos.reportId, report.id)))
    .orderBy(asc(reportPhotos.position));
  return rows.map(described);
}

const photoWhere = (report: ReportRef, photoId: string) => and(eq(reportPhotos.municipalityId, report.municipalityId), eq(reportPhotos.reportId, report.id), eq(reportPhotos.id, photoId));

function audit(scope: CommandScope, report: ReportRef, action: string, before: PhotoMeta | null, after: PhotoMeta | null) {
  return scope.audit({ municipalityId: report.municipalityId, entityType: 'report', entityId: report.id, action, ...(before ? { before: auditOf(before) } : {}), ...(after ? { after: auditOf(after) } : {}) });
}

/**
 * Saves the captions and alternative texts typed for the report's photos; only those that changed are written
 * and audited. Edits naming a photo that is no longer there (deleted in another tab) are ignored.
 */
export async function applyPhotoTexts(scope: CommandScope, report: ReportRef, texts: Record<string, PhotoText>): Promise<void> {
  for (const photo of await photosOf(scope, report)) {
    const typed = texts[photo.id];
    if (!typed || (typed.caption === photo.caption && typed.alt === photo.alt)) continue;
    await scope.tx.update(reportPhotos).set(typed).where(photoWhere(report, photo.id));
    await audit(scope, report, 'photo-edit', photo, { ...photo, ...typed });
  }
}

/** Adds, moves or deletes one photo of a report whose lock the caller holds. */
export async function changePhoto(scope: CommandScope, report: ReportRef, change: PhotoChange): Promise<Changed> {
  const photos = await photosOf(scope, report);
  switch (change.kind) {
    case 'add':
      return addPhoto(scope, report, photos, change.add);
    case 'move':
      return movePhoto(scope, report, photos, change.photoId, change.direction);
    case 'delete':
      return deletePhoto(scope, report, photos, change.photoId);
    case 'none':
      return changed;
  }
}

async function addPhoto(scope: CommandScope, report: ReportRef, photos: PhotoMeta[], add: NewPhoto): Promise<Changed> {
  if (photos.length >= MAX_PHOTOS) return refused(problem('report.photo.tooMany', { max: MAX_PHOTOS }), 'photoFile');
  const { photo, caption, alt, originalName } = add;
  const [row] = await scope.tx
    .insert(reportPhotos)
    .values({
      municipalityId: report.municipalityId,
      reportId: report.id,
      position: photos.length,
      caption,
      alt,
      originalName,
      contentType: photo.contentType,
      width: photo.width,
      height: photo.height,
      bytes: photo.bytes,
      printBytes: photo.print?.bytes ?? null,
      printContentType: photo.print?.contentType ?? null,
      printWidth: photo.print?.width ?? null,
      printHeight: photo.print?.height ?? null,
      uploadedBy: actorName(scope.actor),
    })
    .returning();
  await audit(scope, report, 'photo-add', null, described(row!));
  return changed;
}

async function movePhoto(scope: CommandScope, report: ReportRef, photos: PhotoMeta[], photoId: string, direction: 'up' | 'down'): Promise<Changed> {
  const index = photos.findIndex((p) => p.id === photoId);
  if (index < 0) return refused(problem('report.photo.gone'), 'photos');
  const other = photos[direction === 'up' ? index - 1 : index + 1];
  if (!other) return changed;
  const photo = photos[index]!;
  await scope.tx.update(reportPhotos).set({ position: other.position }).where(photoWhere(report, photo.id));
  await scope.tx.update(reportPhotos).set({ position: photo.position }).where(photoWhere(report, other.id));
  await audit(scope, report, 'photo-move', photo, { ...photo, position: other.position });
  return changed;
}

async function deletePhoto(scope: CommandScope, report: ReportRef, photos: PhotoMeta[], photoId: string): Promise<Changed> {
  const photo = photos.find((p) => p.id === photoId);
  if (!photo) return changed;
  await scope.tx.delete(reportPhotos).where(photoWhere(report, photo.id));
  const rest = photos.filter((p) => p.id !== photoId);
  for (const [position, p] of rest.entries()) if (p.position !== position) await scope.tx.update(reportPhotos).set({ position }).where(photoWhere(report, p.id));
  await audit(scope, report, 'photo-delete', photo, null);
  return changed;
}
