import { z } from 'zod';
import { problem, type Problem, type Problems } from '../../kernel/i18n/index.ts';
import { refusedFile } from '../../kernel/uploads/large-upload.ts';
import { textOf, type FormBody } from '../../kernel/web/form.ts';
import { requiredText, typedText } from '../../kernel/web/inputs.ts';
import { fieldErrors } from '../../kernel/web/validation.ts';
import type { PhotoText } from './commands.ts';
import { PHOTO_MAX_BYTES } from './process.ts';
import type { PhotoMeta } from './queries.ts';
import { TOO_LARGE_FIELD } from './upload-limit.ts';

/** Form field names of the photo parts of the report form. */
export const photoFieldNames = {
  caption: (id: string) => `photoCaption-${id}`,
  alt: (id: string) => `photoAlt-${id}`,
  newCaption: 'newPhotoCaption',
  newAlt: 'newPhotoAlt',
  file: 'photoFile',
  action: 'photoAction',
  /** The staged upload of a new photo the form came back with, so that it need not be chosen again. */
  kept: 'keptPhoto',
};

const photoText = z.object({ caption: typedText(200), alt: requiredText(300, 'report.photo.altMissing') });

/** A new photo the server keeps while the form comes back to be completed: its staged upload and its file name. */
export type KeptPhoto = { id: string; name: string };

/** What was typed for the photos, to show again when the page comes back, and the new photo kept meanwhile. */
export type PhotoTyped = { texts: Record<string, PhotoText>; newCaption: string; newAlt: string; kept: KeptPhoto | null };

export function photoTypedOf(body: FormBody, photos: PhotoMeta[]): PhotoTyped {
  const texts = Object.fromEntries(
    photos.filter((p) => photoFieldNames.alt(p.id) in body).map((p) => [p.id, { caption: textOf(body[photoFieldNames.caption(p.id)]), alt: textOf(body[photoFieldNames.alt(p.id)]) }]),
  );
  return { texts, newCaption: textOf(body[photoFieldNames.newCaption]), newAlt: textOf(body[photoFieldNames.newAlt]), kept: null };
}

export const photoTypedFrom = (photos: PhotoMeta[]): PhotoTyped => ({ texts: Object.fromEntries(photos.map((p) => [p.id, { caption: p.caption, alt: p.alt }])), newCaption: '', newAlt: '', kept: null });

/** The captions and alternative texts typed for the existing photos, checked; errors keyed by field name. */
export function parsePhotoTexts(body: FormBody, photos: PhotoMeta[]): { texts: Record<string, PhotoText>; errors: Problems } {
  const texts: Record<string, PhotoText> = {};
  const errors: Problems = {};
  for (const [id, typed] of Object.entries(photoTypedOf(body, photos).texts)) {
    const parsed = photoText.safeParse(typed);
    if (parsed.success) texts[id] = parsed.data;
    else for (const [field, message] of Object.entries(fieldErrors(parsed.error))) errors[field === 'alt' ? photoFieldNames.alt(id) : photoFieldNames.caption(id)] = problem('report.photo.nth', { n: position(photos, id), problem: message });
  }
  return { texts, errors };
}

const position = (photos: PhotoMeta[], id: string) => photos.findIndex((p) => p.id === id) + 1;

export type PhotoRequest =
  | { kind: 'add'; file: File; caption: string; alt: string }
  | { kind: 'move'; photoId: string; direction: 'up' | 'down' }
  | { kind: 'delete'; photoId: string }
  | { kind: 'none' };

export const chosenFile = (body: FormBody): File | null => {
  const value = body[photoFieldNames.file];
  return value instanceof File && (value.size > 0 || value.name !== '') ? value : null;
};

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** The refusal of a file the upload limit stopped, in words: which file, how big, and the limit. */
export function tooLargeMessage(body: FormBody): Problem | null {
  const refused = refusedFile(body[TOO_LARGE_FIELD]);
  if (!refused) return null;
  const file = refused.name ? problem('report.photo.named', { name: refused.name }) : problem('report.photo.chosenFile');
  const limit = megabytes(PHOTO_MAX_BYTES).replace('.0', '');
  return refused.size > 0 ? problem('report.photo.tooLarge', { file, size: megabytes(refused.size), limit }) : problem('report.photo.tooLargeUnknown', { file, limit });
}

/**
 * What the photo button asked for: move or delete a photo (photoAction=up:ID, down:ID, delete:ID), or add the
 * chosen file, or the one kept from the form's last sending (any other button, when there is one). A new photo needs
 * its alternative text; the error names the file, since the file input no longer shows it.
 */
export function parsePhotoRequest(body: FormBody, kept: File | null): { ok: true; value: PhotoRequest } | { ok: false; errors: Problems } {
  const action = /^(up|down|delete):([0-9a-f-]{36})$/.exec(textOf(body[photoFieldNames.action]));
  if (action) {
    const [, verb, photoId] = action;
    return { ok: true, value: verb === 'delete' ? { kind: 'delete', photoId: photoId! } : { kind: 'move', photoId: photoId!, direction: verb as 'up' | 'down' } };
  }
  const file = chosenFile(body) ?? kept;
  if (!file) return textOf(body[photoFieldNames.action]) === 'add' ? { ok: false, errors: { [photoFieldNames.file]: problem('report.photo.fileMissing') } } : { ok: true, value: { kind: 'none' } };
  const parsed = photoText.safeParse({ caption: textOf(body[photoFieldNames.newCaption]), alt: textOf(body[photoFieldNames.newAlt]) });
  if (!parsed.success) {
    const errors = fieldErrors(parsed.error);
    const named = (message: Problem) => problem('report.photo.ofFile', { file: problem('report.photo.named', { name: file.name }), problem: message });
    return { ok: false, errors: Object.fromEntries(Object.entries(errors).map(([field, message]) => [field === 'alt' ? photoFieldNames.newAlt : photoFieldNames.newCaption, named(message)])) };
  }
  return { ok: true, value: { kind: 'add', file, ...parsed.data } };
}
