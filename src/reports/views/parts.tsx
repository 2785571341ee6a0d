import type { Locale, Translate } from '../../kernel/i18n/index.ts';
import { Heading } from '../../kernel/ui/heading.tsx';
import { daysBetween, formatDate } from '../../kernel/wareki/index.ts';
import { PhotoFigures } from './photos.tsx';
import { goalLabel, nodeLabelOf, reportHeading, type GoalGroup } from '../queries.ts';
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
    <table class="report-table">
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

/** Accepted reports under their goal headings (h{level}), each report a heading one level below and its table. */
export function ReportsByGoal({ groups, level, t, showPublication = false }: { groups: GoalGroup[]; level: number; t: Translate; showPublication?: boolean }) {
  return (
    <>
      {groups.map((group) => (
        <section class="report-goal">
          <Heading level={level}>{goalLabel(group)}</Heading>
          {group.items.map((item) => (
            <article class="report">
              <Heading level={level + 1}>
                {reportHeading(item)}
                {showPublication ? <span class="status">{t(item.report.published ? 'report.published' : 'report.unpublished')}</span> : null}
              </Heading>
              {item.node.id !== item.goal.id ? <p class="muted">{nodeLabelOf(item)}</p> : null}
              <ReportTable fields={item.round.fields} values={item.report.values} caption={reportHeading(item)} />
              <PhotoFigures photos={item.photos} />
            </article>
          ))}
        </section>
      ))}
    </>
  );
}
