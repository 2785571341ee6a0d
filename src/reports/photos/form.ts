import type { CommandResult, CommandScope } from '../../kernel/db/command.ts';
import type { DbOrTx } from '../../kernel/db/database.ts';
import type { Problems } from '../../kernel/i18n/index.ts';
import { discardStagedUpload, loadStagedUpload, stageUpload } from '../../kernel/uploads/staging.ts';
import { textOf } from '../../kernel/web/form.ts';
import type { Report } from '../queries.ts';
import { applyPhotoTexts, changePhoto, type PhotoChange, type PhotoText } from './commands.ts';
import { chosenFile, parsePhotoRequest, parsePhotoTexts, photoFieldNames, tooLargeMessage, type KeptPhoto } from './inputs.ts';
import { processPhoto } from './process.ts';
import type { PhotoMeta } from './queries.ts';

type Body = Parameters<typeof parsePhotoTexts>[0];

/** The photo parts of a posted report form, checked, with a new photo already processed (outside any transaction). */
export type PhotoParts = { texts: Record<string, PhotoText>; change: PhotoChange };

export async function readPhotoParts(body: Body, photos: PhotoMeta[], kept: File | null): Promise<{ ok: true; value: PhotoParts } | { ok: false; errors: Problems }> {
  const tooLarge = tooLargeMessage(body);
  if (tooLarge) return { ok: false, errors: { [photoFieldNames.file]: tooLarge } };
  const texts = parsePhotoTexts(body, photos);
  const request = parsePhotoRequest(body, kept);
  const errors = { ...texts.errors, ...(request.ok ? {} : request.errors) };
  if (!request.ok || Object.keys(errors).length > 0) return { ok: false, errors };
  if (request.value.kind !== 'add') return { ok: true, value: { texts: texts.texts, change: request.value } };
  const { file, caption, alt } = request.value;
  const processed = await processPhoto(new Uint8Array(await file.arrayBuffer()), file.name);
  if (!processed.ok) return { ok: false, errors: { [photoFieldNames.file]: processed.message } };
  return { ok: true, value: { texts: texts.texts, change: { kind: 'add', add: { photo: processed.photo, caption, alt, originalName: file.name } } } };
}

/** After the owner's save or submit went through, in its transaction: the photo texts and the photo change. */
export async function applyPhotoParts(scope: CommandScope, report: Report, parts: PhotoParts): Promise<CommandResult<null>> {
  await applyPhotoTexts(scope, report, parts.texts);
  return changePhoto(scope, report, parts.change);
}

/** Whose kept photo it is: the writer's own, for this report only. */
export type KeptPhotoKey = { municipalityId: string; userId: string; reportId: string };

const purposeOf = (key: KeptPhotoKey) => `report-photo:${key.reportId}`;
const stagedKey = (key: KeptPhotoKey, id: string) => ({ municipalityId: key.municipalityId, userId: key.userId, purpose: purposeOf(key), id });

/** The new photo the form kept from its last sending (the hidden keptPhoto field), while its staged upload lasts. */
export async function keptPhotoOf(db: DbOrTx, key: KeptPhotoKey, body: Body): Promise<File | null> {
  const staged = await loadStagedUpload(db, stagedKey(key, textOf(body[photoFieldNames.kept])));
  return staged && new File([staged.bytes as Uint8Array<ArrayBuffer>], staged.fileName, { type: staged.contentType });
}

/**
 * When the form comes back unsaved with a new photo that is not itself the problem (its alternative text is missing,
 * or a field of the report is), the photo is kept as a staged upload and named on the form, so that the writer does
 * not have to choose it again (a browser never fills a file input in).
 */
export async function keepNewPhoto(db: DbOrTx, key: KeptPhotoKey, body: Body, kept: File | null, errors: Problems): Promise<KeptPhoto | null> {
  if (errors[photoFieldNames.file]) return null;
  const chosen = chosenFile(body);
  const file = chosen ?? kept;
  if (!file) return null;
  if (!chosen) return { id: textOf(body[photoFieldNames.kept]), name: file.name };
  const bytes = new Uint8Array(await file.arrayBuffer());
  const id = await stageUpload(db, { municipalityId: key.municipalityId, userId: key.userId, purpose: purposeOf(key), fileName: file.name, contentType: file.type || 'application/octet-stream', bytes });
  return { id, name: file.name };
}

/** Once the photo is added, its kept copy goes. */
export async function discardKeptPhoto(db: DbOrTx, key: KeptPhotoKey, body: Body): Promise<void> {
  await discardStagedUpload(db, stagedKey(key, textOf(body[photoFieldNames.kept])));
}
