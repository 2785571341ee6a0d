import { translateProblem, type Translate } from '../../kernel/i18n/index.ts';
import { CsrfField, FileInput } from '../../kernel/ui/forms.tsx';
import { CaptionedTable } from '../../kernel/ui/captioned-table.tsx';
import { Layout, type Chrome } from '../../kernel/ui/layout.tsx';
import type { Municipality, Ward } from '../../municipalities/queries.ts';
import { reportPaths } from '../paths.ts';
import { reportHeading, type ReportItem, type Round } from '../queries.ts';
import { roundsCrumbs } from './rounds-page.tsx';
import { StateBadge } from '../views/parts.tsx';
import { ownersOfRound } from '../workbook/export.ts';
import type { ImportOutcome, MergeItem } from '../workbook/import.ts';
import type { FieldConflict } from '../workbook/merge.ts';
import { workbookPaths } from '../workbook/paths.ts';
import { japanese, withJapanese } from '../../kernel/ui/japanese.tsx';

type PageBase = { chrome: Chrome; municipality: Municipality; ward: Ward; round: Round };

/** The form field of a conflict's choice; the workbook's side names the web value it overrides (its hash). */
export const conflictFieldName = (reportId: string, key: string) => `conflict-${reportId}-${key}`;
export const takeWorkbookValue = (conflict: FieldConflict) => `workbook:${conflict.webHash}`;

const crumbs = (chrome: Chrome, m: string, ward: Ward, round: Round, label: string) =>
  roundsCrumbs(chrome, m, ward, { label: japanese(round.title), href: reportPaths.round(m, round.id) }, { label });

/** On the round's dashboard: the files to send out, and the upload of a filled-in one. */
export function WorkbookSection({ t, csrf, m, round, items }: { t: Translate; csrf: string; m: string; round: Round; items: ReportItem[] }) {
  const owners = ownersOfRound(items);
  if (owners.length === 0) return null;
  return (
    <section aria-labelledby="workbook-title">
      <h2 id="workbook-title">{t('workbook.section')}</h2>
      <p>{t('workbook.lead')}</p>
      <h3>{t('workbook.perOwner')}</h3>
      <ul>
        {owners.map((owner) => (
          <li>
            <a href={workbookPaths.download(m, round.id, owner.id)}>{withJapanese((name) => t('workbook.ownerFile', { owner: name }), owner.name)}</a>
          </li>
        ))}
      </ul>
      <p>
        <a href={workbookPaths.download(m, round.id, null)}>{t('workbook.all')}</a>
      </p>
      <UploadForm t={t} csrf={csrf} m={m} round={round} />
    </section>
  );
}

function UploadForm({ t, csrf, m, round }: { t: Translate; csrf: string; m: string; round: Round }) {
  return (
    <form method="post" action={workbookPaths.imports(m, round.id)} enctype="multipart/form-data">
      <CsrfField token={csrf} />
      <FileInput id="field-workbook" hintId="hint-workbook" name="workbook" label={t('workbook.file')} hint={t('workbook.fileHint')} accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" />
      <button type="submit" class="button">
        {t('workbook.check')}
      </button>
    </form>
  );
}

/** A file that cannot be taken: every problem with its place, and the upload again. */
export function UploadProblemsPage({ chrome, municipality, ward, round, problems }: PageBase & { problems: string[] }) {
  const { t } = chrome;
  const title = t('workbook.problems.title');
  return (
    <Layout chrome={chrome} title={title} crumbs={crumbs(chrome, municipality.slug, ward, round, t('workbook.upload'))}>
      <h1>{t('workbook.upload')}</h1>
      <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex={-1} data-autofocus>
        <h2 id="error-summary-title">{title}</h2>
        <p>{t('workbook.problems.lead')}</p>
        <ul>
          {problems.map((problem) => (
            <li>{problem}</li>
          ))}
        </ul>
      </div>
      <UploadForm t={t} csrf={chrome.csrfToken} m={municipality.slug} round={round} />
    </Layout>
  );
}

const shown = (t: Translate, value: string) => <pre>{value === '' ? t('workbook.blank') : value}</pre>;

function Changes({ t, merge }: { t: Translate; merge: MergeItem }) {
  if (merge.changes.length === 0) return null;
  return (
    <CaptionedTable
      caption={t('workbook.changes')}
      captionVisible
      rows={merge.changes}
      columns={[
        { header: t('workbook.field'), rowHeader: true, cell: (change) => change.label },
        { header: t('workbook.cell'), cell: (change) => change.cell },
        { header: t('workbook.before'), cell: (change) => shown(t, change.before) },
        { header: t('workbook.after'), cell: (change) => shown(t, change.after) },
      ]}
    />
  );
}

/** A conflict: both values side by side, and (in the preview) the choice, keeping the web value unless told. */
function Conflict({ t, merge, conflict, choose }: { t: Translate; merge: MergeItem; conflict: FieldConflict; choose: boolean }) {
  const name = conflictFieldName(merge.reportId, conflict.key);
  return (
    <fieldset>
      <legend>
        {conflict.label}（{conflict.cell}）
      </legend>
      <div class="diff">
        <section>
          <h4>{t('workbook.web')}</h4>
          {shown(t, conflict.web)}
        </section>
        <section>
          <h4>{t('workbook.workbook')}</h4>
          {shown(t, conflict.workbook)}
        </section>
      </div>
      {choose ? (
        <p>
          <label>
            <input type="radio" name={name} value="web" checked /> {t('workbook.keepWeb')}
          </label>{' '}
          <label>
            <input type="radio" name={name} value={takeWorkbookValue(conflict)} /> {t('workbook.takeWorkbook')}
          </label>
        </p>
      ) : null}
    </fieldset>
  );
}

/** Each report the file touches: its changes, conflicts, whether it is handed in, or why it is not taken. */
function Merges({ t, merges, choose }: { t: Translate; merges: MergeItem[]; choose: boolean }) {
  const touched = merges.filter((m) => m.changes.length + m.conflicts.length > 0 || m.skipped);
  return (
    <>
      {touched.map((merge) => (
        <article class="report">
          <h2>
            {reportHeading(merge.item)} <StateBadge t={t} state={merge.state} />
          </h2>
          {merge.skipped ? <p class="warning">{translateProblem(t, merge.skipped)}</p> : null}
          <Changes t={t} merge={merge} />
          {merge.conflicts.length > 0 ? (
            <>
              <h3>{t('workbook.conflicts')}</h3>
              {choose ? <p>{t('workbook.conflictsLead')}</p> : null}
              {merge.conflicts.map((conflict) => (
                <Conflict t={t} merge={merge} conflict={conflict} choose={choose} />
              ))}
            </>
          ) : null}
          {merge.submits ? <p>{t('workbook.submits')}</p> : null}
          {merge.missing.length > 0 ? <p>{t('workbook.missing', { fields: merge.missing.join('・') })}</p> : null}
        </article>
      ))}
    </>
  );
}

const summaryOf = (outcome: ImportOutcome) => ({ changed: outcome.changed, submitted: outcome.submitted, conflicts: outcome.conflictsLeft, skipped: outcome.skipped });

/** What taking the file would do, with a choice per conflict, then confirm or cancel. */
export function ImportPreviewPage({ chrome, municipality, ward, round, fileName, action, outcome }: PageBase & { fileName: string; action: string; outcome: ImportOutcome }) {
  const { t } = chrome;
  const title = t('workbook.preview.title', { file: fileName });
  const nothing = outcome.changed + outcome.conflictsLeft === 0;
  return (
    <Layout chrome={chrome} title={title} crumbs={crumbs(chrome, municipality.slug, ward, round, t('workbook.upload'))} wide>
      <h1>{title}</h1>
      <p>{nothing ? t('workbook.preview.nothing') : t('workbook.preview.summary', summaryOf(outcome))}</p>
      <form method="post" action={action}>
        <CsrfField token={chrome.csrfToken} />
        <Merges t={t} merges={outcome.merges} choose />
        <div class="actions">
          {nothing ? null : (
            <button type="submit" name="intent" value="apply" class="button">
              {t('workbook.confirm')}
            </button>
          )}
          <button type="submit" name="intent" value="cancel" class="button button--secondary">
            {t('workbook.cancel')}
          </button>
        </div>
      </form>
    </Layout>
  );
}

/** What was taken, and the conflicts left with their web value. */
export function ImportDonePage({ chrome, municipality, ward, round, outcome }: PageBase & { outcome: ImportOutcome }) {
  const { t } = chrome;
  const title = t('workbook.done.title');
  return (
    <Layout chrome={chrome} title={title} crumbs={crumbs(chrome, municipality.slug, ward, round, title)} wide>
      <h1>{title}</h1>
      <p class="notice" role="status">
        {t('workbook.done.summary', summaryOf(outcome))}
      </p>
      {outcome.conflictsLeft > 0 ? <p>{t('workbook.done.conflictsLeft')}</p> : null}
      <Merges t={t} merges={outcome.merges} choose={false} />
      <p>
        <a href={reportPaths.round(municipality.slug, round.id)}>{t('workbook.back')}</a>
      </p>
    </Layout>
  );
}
