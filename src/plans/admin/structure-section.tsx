import { CsrfField, FileInput, FormActions } from '../../kernel/ui/forms.tsx';
import type { Chrome } from '../../kernel/ui/layout.tsx';
import { structurePaths } from '../structure/paths.ts';

type Props = { chrome: Chrome; m: string; plan: string; period: number };

/** The period editor's part for the structure file: two downloads and an upload that leads to the preview. */
export function StructureSection({ chrome, m, plan, period }: Props) {
  const { t } = chrome;
  return (
    <section aria-labelledby="structure-title" class="structure-section">
      <h2 id="structure-title">{t('structure.title')}</h2>
      <p>{t('structure.lead')}</p>
      <p class="actions">
        <a class="button button--secondary" href={structurePaths.download(m, plan, period, 'xlsx')}>
          {t('structure.downloadXlsx')}
        </a>{' '}
        <a class="button button--secondary" href={structurePaths.download(m, plan, period, 'csv')}>
          {t('structure.downloadCsv')}
        </a>
      </p>
      <form method="post" action={structurePaths.upload(m, plan, period)} enctype="multipart/form-data">
        <CsrfField token={chrome.csrfToken} />
        <FileInput id="structure-file" hintId="structure-file-hint" name="file" label={t('structure.upload')} hint={t('structure.uploadHint')} accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv" />
        <FormActions t={t} label={t('structure.uploadButton')} />
      </form>
    </section>
  );
}
