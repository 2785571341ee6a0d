import type { Translate } from '../../kernel/i18n/index.ts';
import { CsrfField } from '../../kernel/ui/forms.tsx';
import { Layout, type Chrome } from '../../kernel/ui/layout.tsx';
import { planPaths } from '../paths.ts';
import { periodTitle, type Period, type PlanWithPeriods } from '../queries.ts';
import { fieldCellText } from '../structure/cells.ts';
import type { ChangeSet, FieldChange } from '../structure/changes.ts';
import { columns, type ColumnKey } from '../structure/columns.ts';
import type { Problems } from '../structure/import.ts';
import type { NodeField } from '../structure/rows.ts';
import { problemText, unplacedProblem } from '../structure/problems.ts';
import { Notice } from '../../kernel/ui/notice.tsx';
import { CaptionedTable } from '../../kernel/ui/captioned-table.tsx';

type Base = { chrome: Chrome; m: string; plan: PlanWithPeriods; period: Period; fileName: string; notice?: string | null };
export type PreviewProps = Base &
  ({ kind: 'problems'; problems: Problems } | { kind: 'changes'; changes: ChangeSet; digest: string; action: string; ownerNames: Map<string, string> });

const columnOfField: Record<NodeField, ColumnKey> = {
  code: 'code',
  title: 'title',
  ownerIds: 'owners',
  description: 'description',
  situation: 'situation',
  vision: 'vision',
  keywords: 'keywords',
  examples: 'examples',
};

function FieldChanges({ t, caption, fields, ownerNames }: { t: Translate; caption: string; fields: FieldChange[]; ownerNames: Map<string, string> }) {
  return (
    <CaptionedTable
      caption={caption}
      rows={fields}
      columns={[
        { header: t('structure.preview.field'), rowHeader: true, cell: (f) => columns[columnOfField[f.field]].header },
        { header: t('structure.preview.before'), cell: (f) => <pre>{fieldCellText(f.field, f.before, ownerNames)}</pre> },
        { header: t('structure.preview.after'), cell: (f) => <pre>{fieldCellText(f.field, f.after, ownerNames)}</pre> },
      ]}
    />
  );
}

/** A table of text cells under column headers, named by its section's heading. */
function ListTable({ caption, headers, rows }: { caption: string; headers: string[]; rows: string[][] }) {
  return <CaptionedTable caption={caption} rows={rows} columns={headers.map((header, i) => ({ header, cell: (cells: string[]) => cells[i] }))} />;
}

function ProblemList({ t, problems }: { t: Translate; problems: Problems }) {
  return (
    <div class="error-summary" role="alert" aria-labelledby="problems-title" tabindex={-1} data-autofocus>
      <h2 id="problems-title">{t('structure.preview.problems', { n: problems.problems.length + problems.more })}</h2>
      <ul>
        {problems.problems.map((p) => (
          <li>{problemText(t, p)}</li>
        ))}
      </ul>
      {problems.more > 0 ? <p>{t('structure.preview.more', { n: problems.more })}</p> : null}
    </div>
  );
}

function ChangeList({ t, changes, ownerNames }: { t: Translate; changes: ChangeSet; ownerNames: Map<string, string> }) {
  const shownKept = changes.kept.filter((k) => k.reason === 'changed_after_export' || k.reason === 'added_after_export');
  return (
    <>
      {changes.added.length > 0 ? (
        <section aria-labelledby="added-title">
          <h2 id="added-title">{t('structure.preview.added', { n: changes.added.length })}</h2>
          <ListTable
            caption={t('structure.preview.added', { n: changes.added.length })}
            headers={[t('structure.preview.row'), t('structure.preview.item'), t('structure.preview.under')]}
            rows={changes.added.map((a) => [String(a.row), a.label, a.under ?? t('structure.preview.top')])}
          />
        </section>
      ) : null}
      {changes.updated.length > 0 ? (
        <section aria-labelledby="updated-title">
          <h2 id="updated-title">{t('structure.preview.updated', { n: changes.updated.length })}</h2>
          {changes.updated.map((u) => (
            <>
              <h3>
                {u.label}（{t('structure.preview.rowN', { n: u.row })}）
              </h3>
              <FieldChanges t={t} caption={u.label} fields={u.fields} ownerNames={ownerNames} />
            </>
          ))}
        </section>
      ) : null}
      {changes.moved.length > 0 ? (
        <section aria-labelledby="moved-title">
          <h2 id="moved-title">{t('structure.preview.moved', { n: changes.moved.length })}</h2>
          <ListTable
            caption={t('structure.preview.moved', { n: changes.moved.length })}
            headers={[t('structure.preview.row'), t('structure.preview.item'), t('structure.preview.from'), t('structure.preview.to')]}
            rows={changes.moved.map((mv) => [String(mv.row), mv.label, mv.from ?? t('structure.preview.top'), mv.to ?? t('structure.preview.top')])}
          />
        </section>
      ) : null}
      {changes.removed.length > 0 ? (
        <section aria-labelledby="removed-title">
          <h2 id="removed-title">{t('structure.preview.removed', { n: changes.removed.length })}</h2>
          <ul>
            {changes.removed.map((r) => (
              <li>
                {r.label}
                {r.below > 0 ? t('structure.preview.below', { n: r.below }) : ''}
              </li>
            ))}
          </ul>
          <div class="field">
            <input type="checkbox" id="allow-removal" name="allowRemoval" value="1" form="structure-confirm" aria-describedby="allow-removal-hint" />
            <label for="allow-removal">{t('structure.preview.removeConfirm')}</label>
            <p class="field__hint" id="allow-removal-hint">
              {t('structure.preview.removeHint')}
            </p>
          </div>
        </section>
      ) : null}
      {changes.conflicts.length > 0 ? (
        <section aria-labelledby="conflicts-title">
          <h2 id="conflicts-title">{t('structure.preview.conflicts', { n: changes.conflicts.length })}</h2>
          <p>{t('structure.preview.conflictHint')}</p>
          {changes.conflicts.map((c, i) => (
            <div class="conflict">
              <h3>
                {c.label}
                {c.row !== null ? `（${t('structure.preview.rowN', { n: c.row })}）` : ''}
              </h3>
              {c.removed ? <p>{t('structure.preview.conflictRemoved')}</p> : null}
              {c.moved ? <p>{t('structure.preview.conflictMoved')}</p> : null}
              {c.fields.length > 0 ? <FieldChanges t={t} caption={c.label} fields={c.fields} ownerNames={ownerNames} /> : null}
              <div class="field">
                <input type="checkbox" id={`overwrite-${i}`} name="overwrite" value={c.nodeId} form="structure-confirm" />
                <label for={`overwrite-${i}`}>{t('structure.preview.overwrite', { label: c.label })}</label>
              </div>
            </div>
          ))}
        </section>
      ) : null}
      {shownKept.length > 0 ? (
        <section aria-labelledby="kept-title">
          <h2 id="kept-title">{t('structure.preview.kept', { n: shownKept.length })}</h2>
          <ul>
            {shownKept.map((k) => (
              <li>
                {k.label}: {t(k.reason === 'added_after_export' ? 'structure.kept.added' : 'structure.kept.changed')}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}

/** What an uploaded structure file would change, or what is wrong with it; nothing is saved until confirmed. */
export function StructurePreviewPage(props: PreviewProps) {
  const { chrome, m, plan, period, fileName, notice } = props;
  const { t, locale } = chrome;
  const back = planPaths.adminPeriod(m, plan.key, period.number);
  const blocked = props.kind === 'changes' ? props.changes.blocked : [];
  const nothing = props.kind === 'changes' && props.changes.added.length + props.changes.updated.length + props.changes.moved.length + props.changes.removed.length + props.changes.conflicts.length === 0;
  return (
    <Layout
      chrome={chrome}
      wide
      title={`${t('structure.preview.title')}: ${plan.name} ${periodTitle(period, locale)}`}
      crumbs={[{ label: t('nav.admin'), href: '/admin' }, { label: `${plan.name} ${periodTitle(period, locale)}`, href: back }, { label: t('structure.preview.title') }]}
    >
      <h1>{t('structure.preview.title')}</h1>
      <p class="muted">{t('structure.preview.file', { file: fileName })}</p>
      <Notice text={notice} />
      {props.kind === 'problems' ? <ProblemList t={t} problems={props.problems} /> : null}
      {blocked.length > 0 ? <ProblemList t={t} problems={{ problems: blocked.map(unplacedProblem), more: 0 }} /> : null}
      {props.kind === 'changes' && nothing ? (
        <p class="notice" role="status">
          {t('structure.preview.none')}
        </p>
      ) : null}
      {props.kind === 'changes' ? <ChangeList t={t} changes={props.changes} ownerNames={props.ownerNames} /> : null}
      {props.kind === 'changes' ? (
        <form method="post" action={props.action} id="structure-confirm" class="actions">
          <CsrfField token={chrome.csrfToken} />
          <input type="hidden" name="digest" value={props.digest} />
          {!nothing && blocked.length === 0 ? (
            <button type="submit" name="action" value="apply" class="button">
              {t('structure.preview.apply')}
            </button>
          ) : null}{' '}
          <button type="submit" name="action" value="cancel" class="button button--secondary">
            {t('structure.preview.cancel')}
          </button>
        </form>
      ) : (
        <p>
          <a href={back}>{t('structure.preview.back')}</a>
        </p>
      )}
    </Layout>
  );
}
