import type { Translate } from '../../kernel/i18n/index.ts';
import { controlAttrs, Field, TextInput, type FieldErrors } from '../../kernel/ui/forms.tsx';
import { MAX_PHOTOS } from '../photos/commands.ts';
import { photoFieldNames, type PhotoTyped } from '../photos/inputs.ts';
import type { PhotoMeta } from '../photos/queries.ts';
import { PhotoImage } from '../views/photos.tsx';

function PhotoActions({ t, photo, index, count }: { t: Translate; photo: PhotoMeta; index: number; count: number }) {
  const n = index + 1;
  const button = (value: string, label: string, className = 'button button--secondary button--small') => (
    <button type="submit" class={className} name={photoFieldNames.action} value={value} aria-label={t('report.photos.actionOn', { n, action: label })}>
      {label}
    </button>
  );
  return (
    <div class="actions">
      {index > 0 ? button(`up:${photo.id}`, t('report.photos.up')) : null}
      {index < count - 1 ? button(`down:${photo.id}`, t('report.photos.down')) : null}
      {button(`delete:${photo.id}`, t('report.photos.delete'), 'button button--danger button--small')}
    </div>
  );
}

/**
 * The photo part of the owner's report form: each photo with its caption and alternative text (saved with the
 * report), buttons to move or delete it, and a new photo to add. Everything posts with the report's text, so a
 * photo button never loses what was typed.
 */
export function PhotoEditor({ t, photos, typed, errors }: { t: Translate; photos: PhotoMeta[]; typed: PhotoTyped; errors: FieldErrors }) {
  const full = photos.length >= MAX_PHOTOS;
  return (
    <section id="photos" aria-labelledby="photos-title">
      <h3 id="photos-title">{t('report.photos.title', { count: photos.length, max: MAX_PHOTOS })}</h3>
      <p class="field__hint">{t('report.photos.hint')}</p>
      {photos.map((photo, index) => {
        const text = typed.texts[photo.id] ?? { caption: photo.caption, alt: photo.alt };
        return (
          <div class="photo-edit">
            <ul class="photos">
              <li>
                <PhotoImage photo={photo} alt={text.alt || photo.alt} />
              </li>
            </ul>
            <TextInput name={photoFieldNames.alt(photo.id)} label={t('report.photos.alt', { n: index + 1 })} hint={t('report.photos.altHint')} value={text.alt} error={errors[photoFieldNames.alt(photo.id)]} required />
            <TextInput name={photoFieldNames.caption(photo.id)} label={t('report.photos.caption', { n: index + 1 })} value={text.caption} error={errors[photoFieldNames.caption(photo.id)]} />
            <PhotoActions t={t} photo={photo} index={index} count={photos.length} />
          </div>
        );
      })}
      {full ? (
        <p>{t('report.photos.full', { max: MAX_PHOTOS })}</p>
      ) : (
        <fieldset class="photo-edit">
          <legend>{t('report.photos.add')}</legend>
          {typed.kept ? (
            <p class="notice" role="status">
              <input type="hidden" name={photoFieldNames.kept} value={typed.kept.id} />
              {t('report.photos.kept', { name: typed.kept.name })}
            </p>
          ) : null}
          <TextInput name={photoFieldNames.newAlt} label={t('report.photos.newAlt')} hint={t('report.photos.altHint')} value={typed.newAlt} error={errors[photoFieldNames.newAlt]} />
          <TextInput name={photoFieldNames.newCaption} label={t('report.photos.newCaption')} value={typed.newCaption} error={errors[photoFieldNames.newCaption]} />
          <Field name={photoFieldNames.file} label={t('report.photos.file')} hint={t('report.photos.fileHint')} error={errors[photoFieldNames.file]}>
            <input type="file" accept="image/jpeg,image/png,image/webp,image/heic,image/heif,.heic,.heif" {...controlAttrs(photoFieldNames.file, { hint: true, error: errors[photoFieldNames.file] })} />
          </Field>
          <button type="submit" class="button button--secondary" name={photoFieldNames.action} value="add">
            {t('report.photos.addButton')}
          </button>
        </fieldset>
      )}
    </section>
  );
}
