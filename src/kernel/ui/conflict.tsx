import type { Translate } from '../i18n/index.ts';

/**
 * Shown above a form when someone else saved the record first: what is saved now, field by field. The form below
 * keeps what this user typed, so nothing is lost; focus moves here when the page loads.
 */
export function ConflictNotice({ t, rows, savedBy }: { t: Translate; rows: [label: string, value: string][]; savedBy?: { who: string; when: string } }) {
  return (
    <section class="warning" aria-labelledby="conflict-title">
      <h2 id="conflict-title" tabindex={-1} data-autofocus>
        {t('admin.conflict.title')}
      </h2>
      <p>{t('admin.conflict.body')}</p>
      {savedBy ? <h3>{t('admin.conflict.theirs', savedBy)}</h3> : null}
      <dl class="meta">
        {rows.map(([label, value]) => (
          <>
            <dt>{label}</dt>
            <dd>
              <pre>{value || '—'}</pre>
            </dd>
          </>
        ))}
      </dl>
      <p>{t('admin.conflict.yoursKept')}</p>
    </section>
  );
}
