import type { CommandResult, CommandScope } from '../../kernel/db/command.ts';
import type { Problems } from '../../kernel/i18n/index.ts';
import type { Report } from '../queries.ts';
import { applyPhotoTexts, changePhoto, type PhotoChange, type PhotoText } from './commands.ts';
import { parsePhotoRequest, parsePhotoTexts, photoFieldNames, tooLargeMessage } from './inputs.ts';
import { processPhoto } from './process.ts';
import type { PhotoMeta } from './queries.ts';

type Body = Parameters<typeof parsePhotoTexts>[0];

/** The photo parts of a posted report form, checked, with a new photo already processed (outside any transaction). */
export type PhotoParts = { texts: Record<string, PhotoText>; change: PhotoChange };

export async function readPhotoParts(body: Body, photos: PhotoMeta[]): Promise<{ ok: true; value: PhotoParts } | { ok: false; errors: Problems }> {
  const tooLarge = tooLargeMessage(body);
  if (tooLarge) return { ok: false, errors: { [photoFieldNames.file]: tooLarge } };
  const texts = parsePhotoTexts(body, photos);
  const request = parsePhotoRequest(body);
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
