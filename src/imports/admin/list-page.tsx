import { controlAttrs, CsrfField, ErrorSummary, Field, type FieldErrors } from '../../kernel/ui/forms.tsx';
import { Layout, type Chrome, type Crumb } from '../../kernel/ui/layout.tsx';
import { formatDateTime } from '../../kernel/ui/time.ts';
import type { Municipality, Ward } from '../../municipalities/queries.ts';
import { importPaths } from '../paths.ts';
import type { ImportSummary } from '../queries.ts';
import { Notice } from '../../kernel/ui/notice.tsx';
import { CaptionedTable } from '../../kernel/ui/captioned-table.tsx';
import { megabytes } from '../../kernel/uploads/large-upload.ts';
import { placeText } from '../../municipalities/names.ts';

/** Admin → the ward's imports: the first crumbs of every page of the import. */
export function importCrumbs(chrome: Pick<Chrome, 't' | 'locale'>, m: string, ward: Ward, ...more: Crumb[]): Crumb[] {
  const { t } = chrome;
  return [{ label: t('nav.admin'), href: '/admin' }, { label: t('import.title', { ward: placeText(chrome, ward) }), href: importPaths.list(m, ward.slug) }, ...more];
}


type Props = { chrome: Chrome; municipality: Municipality; ward: Ward; imports: ImportSummary[]; errors: FieldErrors; maxBytes: number; notice: string | null };

export function ImportListPage({ chrome, municipality, ward, imports, errors, maxBytes, notice }: Props) {
  const { t, locale } = chrome;
  const m = municipality.slug;
  const title = t('import.title', { ward: placeText(chrome, ward) });
  const error = errors['file'];
  return (
    <Layout chrome={chrome} title={title} crumbs={[{ label: t('nav.admin'), href: '/admin' }, { label: title }]}>
      <h1>{title}</h1>
      <Notice text={notice} />
      <ErrorSummary t={t} errors={errors} />
      <p>{t('import.lead')}</p>
      <h2>{t('import.upload.title')}</h2>
      <form method="post" action={importPaths.list(m, ward.slug)} enctype="multipart/form-data">
        <CsrfField token={chrome.csrfToken} />
        <Field name="file" label={t('import.upload.file')} hint={t('import.upload.hint', { max: megabytes(maxBytes) })} error={error}>
          <input type="file" required accept=".txt,.md,.pdf,.docx,.xlsx,.csv" {...controlAttrs('file', { hint: true, error })} />
        </Field>
        <button type="submit" class="button">
          {t('import.upload.submit')}
        </button>
      </form>
      <h2>{t('import.list.title')}</h2>
      {imports.length === 0 ? (
        <p>{t('import.list.empty')}</p>
      ) : (
        <CaptionedTable
          caption={t('import.list.title')}
          rows={imports}
          columns={[
            { header: t('import.list.file'), cell: (row) => <a href={importPaths.preview(m, ward.slug, row.id)}>{row.fileName}</a> },
            { header: t('import.list.status'), cell: (row) => t(`import.status.${row.status}`) },
            { header: t('import.list.by'), cell: (row) => row.appliedBy ?? row.createdBy },
            { header: t('import.list.at'), cell: (row) => formatDateTime(row.appliedAt ?? row.createdAt, locale) },
          ]}
        />
      )}
    </Layout>
  );
}
