import type { Locale, Translate } from '../../kernel/i18n/index.ts';
import { Heading } from '../../kernel/ui/heading.tsx';
import { useContentLang, Ja } from '../../kernel/ui/japanese.tsx';
import { daysBetween, formatDate, formatFiscalYear } from '../../kernel/wareki/index.ts';
import type { OrganisationRef } from '../../organisations/queries.ts';
import { organisationPaths } from '../../organisations/paths.ts';
import { planPaths } from '../../plans/paths.ts';
import { PhotoFigures } from './photos.tsx';
import { reportPaths } from '../paths.ts';
import { goalLabel, itemTitle, nodeLabelOf, ownerNames, reportHeading, type GoalGroup, type ReportItem } from '../queries.ts';
import type { ReportField, ReportState, ReportValues, RoundStatus } from '../schema.ts';

export function StateBadge({ t, state }: { t: Translate; state: ReportState }) {
  return <span class={`status status--${state}`}>{t(`report.state.${state}`)}</span>;
}

export function RoundStatusBadge({ t, status }: { t: Translate; status: RoundStatus }) {
  return <span class={`status status--round-${status}`}>{t(`report.round.status.${status}`)}</span>;
}

/** How long is left until the deadline, counted in days in Japan. */
export function timeLeft(t: Translate, deadline: string, today: string): string {
  const days = daysBetween(today, deadline);
  if (days > 0) return t('report.daysLeft', { days });
  if (days === 0) return t('report.dueToday');
  return t('report.overdue', { days: -days });
}

/** 令和7年4月30日（水） */
export function deadlineDate(deadline: string, locale: Locale): string {
  return formatDate(deadline, { locale, weekday: true });
}

/** The report's fields as the handout prints them: one row per field, its heading as the row header. */
export function ReportTable({ fields, values, caption }: { fields: ReportField[]; values: ReportValues; caption: string }) {
  return (
    <table class="report-table" lang={useContentLang()}>
      <caption class="visually-hidden">{caption}</caption>
      <tbody>
        {fields.map((field) => (
          <tr>
            <th scope="row">{field.label}</th>
            <td class="node__body">{values[field.key] || '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

type GoalListProps = {
  groups: GoalGroup[];
  level: number;
  t: Translate;
  showPublication?: boolean;
  /** On the public site: the municipality whose report and plan item pages each report links to. */
  publicSite?: string;
};

/** Accepted reports under their goal headings (h{level}), each report a heading one level below and its table. */
export function ReportsByGoal({ groups, level, t, showPublication = false, publicSite }: GoalListProps) {
  return (
    <>
      {groups.map((group) => (
        <section class="report-goal">
          <Heading level={level}>
            <Ja>{goalLabel(group)}</Ja>
          </Heading>
          {group.items.map((item) => (
            <article class="report">
              <Heading level={level + 1}>
                <Ja>{publicSite ? <a href={reportPaths.publicReport(publicSite, item.report.id)}>{reportHeading(item)}</a> : reportHeading(item)}</Ja>
                {showPublication ? <span class="status">{t(item.report.published ? 'report.published' : 'report.unpublished')}</span> : null}
              </Heading>
              {item.node.id !== item.goal.id ? (
                <p class="muted" lang={useContentLang()}>
                  {publicSite ? <a href={planPaths.node(publicSite, item.node.id)}>{nodeLabelOf(item)}</a> : nodeLabelOf(item)}
                </p>
              ) : null}
              <ReportTable fields={item.round.fields} values={item.report.values} caption={reportHeading(item)} />
              <PhotoFigures photos={item.photos} />
            </article>
          ))}
        </section>
      ))}
    </>
  );
}

/** A report's owners, each a link to its organisation's page. */
export function OwnerLinks({ m, owners }: { m: string; owners: OrganisationRef[] }) {
  return (
    <ul class="owners">
      {owners.map((o) => (
        <li>
          <a href={organisationPaths.one(m, o.key)} lang={useContentLang()}>
            {o.name}
          </a>
        </li>
      ))}
    </ul>
  );
}

function byFiscalYear(items: ReportItem[]): [number, ReportItem[]][] {
  const years = new Map<number, ReportItem[]>();
  for (const item of items) years.set(item.round.fiscalYear, [...(years.get(item.round.fiscalYear) ?? []), item]);
  return [...years.entries()].sort(([a], [b]) => b - a);
}

type PublishedListProps = {
  m: string;
  items: ReportItem[];
  level: number;
  locale: Locale;
  /** Whether to name the plan item a report is filed under (when the list spans several items). */
  showItem: (item: ReportItem) => boolean;
};

/** Published reports under their fiscal year (h{level}), newest first, each a link to its page with who wrote it. */
export function PublishedReportList({ m, items, level, locale, showItem }: PublishedListProps) {
  return (
    <>
      {byFiscalYear(items).map(([fiscalYear, list]) => (
        <section>
          <Heading level={level}>{formatFiscalYear(fiscalYear, { locale })}</Heading>
          <ul class="report-links">
            {list.map((item) => (
              <li>
                <Ja>
                  <a href={reportPaths.publicReport(m, item.report.id)}>{itemTitle(item)}</a>（{ownerNames(item)}）
                </Ja>
                {showItem(item) ? (
                  <span class="muted">
                    <Ja>{nodeLabelOf(item)}</Ja>
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
