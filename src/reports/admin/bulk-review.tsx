import type { MessageKey, Translate } from '../../kernel/i18n/index.ts';
import type { Child } from 'hono/jsx';
import { CsrfField, ErrorSummary, FieldError, type FieldErrors } from '../../kernel/ui/forms.tsx';
import { Ja, withJapanese } from '../../kernel/ui/japanese.tsx';
import { reportPaths } from '../paths.ts';
import { reportHeading, type ReportItem, type Round } from '../queries.ts';
import { bulkActions, refusalOf, takesBulkAction, type BulkAction } from '../workflow.ts';

/** What the last bulk action did: how many went through, and each report that did not, by name, with why. */
export type BulkResult = { done: string; refused: { report: string; why: string }[] };

/** The round page's bulk form: the reports ticked (by the page's links or the user), the last result, the form's errors. */
export type BulkPanel = { selected: ReadonlySet<string>; result: BulkResult | null; errors: FieldErrors };

export const noBulk: BulkPanel = { selected: new Set(), result: null, errors: {} };

/** The reports the 「すべて選ぶ」 links tick: those waiting for review, or accepted and not yet published. */
export const selections = {
  submitted: (item: ReportItem) => refusalOf('accept', item.report, item.round.status) === null,
  accepted: (item: ReportItem) => refusalOf('publish', item.report, item.round.status) === null,
} as const;
export type Selection = keyof typeof selections;

/** The checkbox naming its report, and the version the page shows it at (a report changed since is not touched). */
export function ChooseReport({ t, item, selected }: { t: Translate; item: ReportItem; selected: ReadonlySet<string> }) {
  if (!takesBulkAction(item.report, item.round.status)) return null;
  const id = `choose-${item.report.id}`;
  return (
    <>
      <input type="checkbox" class="choose" id={id} name="report" value={item.report.id} checked={selected.has(item.report.id)} />
      <label for={id}>
        <span class="visually-hidden">{withJapanese((report) => t('report.bulk.chooseReport', { report }), reportHeading(item))}</span>
      </label>
      <input type="hidden" name={`version-${item.report.id}`} value={String(item.report.version)} />
    </>
  );
}

function Result({ t, result }: { t: Translate; result: BulkResult }) {
  return (
    <div class={result.refused.length > 0 ? 'warning' : 'notice'} role={result.refused.length > 0 ? 'alert' : 'status'} tabindex={-1} data-autofocus>
      <p>{result.done}</p>
      {result.refused.length > 0 ? (
        <>
          <h4>{t('report.bulk.refusedTitle', { n: result.refused.length })}</h4>
          <ul>
            {result.refused.map(({ report, why }) => (
              <li>
                <strong>
                  <Ja>{report}</Ja>
                </strong>
                ：{why}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}

/** Links that tick a group of reports by loading the page again: choosing many needs no JavaScript. */
function SelectLinks({ t, m, round, items }: { t: Translate; m: string; round: Round; items: ReportItem[] }) {
  const count = (selection: Selection) => items.filter(selections[selection]).length;
  const link = (selection: Selection | null, label: string) => <a href={`${reportPaths.round(m, round.id)}${selection ? `?select=${selection}` : ''}#bulk`}>{label}</a>;
  const links = [
    count('submitted') > 0 ? link('submitted', t('report.bulk.selectSubmitted', { n: count('submitted') })) : null,
    count('accepted') > 0 ? link('accepted', t('report.bulk.selectAccepted', { n: count('accepted') })) : null,
  ].filter((l) => l !== null);
  if (links.length === 0) return null;
  return (
    <ul class="inline-links">
      {links.map((l) => (
        <li>{l}</li>
      ))}
      <li>{link(null, t('report.bulk.selectNone'))}</li>
    </ul>
  );
}

const buttons: Record<BulkAction, MessageKey> = { accept: 'report.bulk.accept', publish: 'report.bulk.publish', 'accept-publish': 'report.bulk.accept-publish' };

/** What the result says went through, by action. */
export const doneMessages: Record<BulkAction, MessageKey> = {
  accept: 'report.bulk.done.accept',
  publish: 'report.bulk.done.publish',
  'accept-publish': 'report.bulk.done.accept-publish',
};

/** The actions a round offers in bulk: a closed round takes no more accepting, but its accepted reports can be published. */
const actionsOf = (round: Round): readonly BulkAction[] => (round.status === 'open' ? bulkActions : ['publish']);

/**
 * The round's report table inside the bulk form: tick reports, press 受理・公開・受理して公開. One form, plain POST; the
 * result comes back on this page. `table` draws the report table, with a checkbox column when given the ticked ones;
 * while no report takes a bulk action, it is drawn alone (with the last result, if any).
 */
export function BulkReviewForm(props: { t: Translate; m: string; csrf: string; round: Round; items: ReportItem[]; panel: BulkPanel; table: (ticked?: ReadonlySet<string>) => Child }) {
  const { t, m, csrf, round, items, panel, table } = props;
  const bulkable = items.some((item) => takesBulkAction(item.report, round.status));
  if (!bulkable && !panel.result) return <>{table()}</>;
  return (
    <section id="bulk" aria-labelledby="bulk-title">
      <h3 id="bulk-title">{t('report.bulk.title')}</h3>
      {panel.result ? <Result t={t} result={panel.result} /> : null}
      {bulkable ? (
        <>
          <ErrorSummary t={t} errors={panel.errors} />
          <p>{t('report.bulk.lead')}</p>
          <SelectLinks t={t} m={m} round={round} items={items} />
          <form method="post" action={reportPaths.bulkReview(m, round.id)} novalidate>
            <CsrfField token={csrf} />
            <div id="field-reports">
              <FieldError name="reports" error={panel.errors['reports']} />
              {table(panel.selected)}
            </div>
            <div class="actions">
              {actionsOf(round).map((action) => (
                <button type="submit" name="intent" value={action} class={action === 'accept' ? 'button' : 'button button--secondary'}>
                  {t(buttons[action])}
                </button>
              ))}
            </div>
          </form>
        </>
      ) : (
        table()
      )}
    </section>
  );
}
