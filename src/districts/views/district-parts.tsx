import type { Locale, Translate } from '../../kernel/i18n/index.ts';
import { CaptionedTable } from '../../kernel/ui/captioned-table.tsx';
import { Ja } from '../../kernel/ui/japanese.tsx';
import { formatDate, formatFiscalYear } from '../../kernel/wareki/index.ts';
import { planPaths } from '../../plans/paths.ts';
import { flattenTree, type Period, type PlanNode, type PlanWithPeriods } from '../../plans/queries.ts';
import { teamOrganisations, type Activity, type Milestone, type Statistic, type TeamMember } from '../queries.ts';

type Words = { t: Translate; locale: Locale };

/** The district plan as a district page shows it: the plan, its current period and that period's items. */
export type DistrictPlanView = { plan: PlanWithPeriods; period: Period; nodes: PlanNode[] };

/** Each plan item's title by its id, for the targets an activity names. */
export function targetTitles(plan: DistrictPlanView | null): Map<string, string> {
  return new Map(plan ? flattenTree(plan.nodes).map((node) => [node.id, node.title]) : []);
}

export const formatFigure = (value: number, locale: Locale) => value.toLocaleString(locale === 'ja' ? 'ja-JP' : 'en-GB', { maximumFractionDigits: 4 });

/** The slogan and the targets with their activities, each linked to its page. */
export function PlanSummary({ t, m, plan }: Words & { m: string; plan: DistrictPlanView | null }) {
  if (!plan) return <p>{t('district.plan.none')}</p>;
  return (
    <>
      <p>
        <a href={planPaths.plan(m, plan.plan.key)}>
          <Ja>{plan.plan.name}</Ja>
        </a>
      </p>
      {plan.period.philosophy ? (
        <>
          <h3>{t('district.plan.slogan')}</h3>
          <p class="philosophy">
            <Ja>{plan.period.philosophy}</Ja>
          </p>
        </>
      ) : null}
      {plan.nodes.length > 0 ? (
        <>
          <h3>{t('district.plan.targets')}</h3>
          <ul>
            {plan.nodes.map((target) => (
              <li>
                <a href={planPaths.node(m, target.id)}>
                  <Ja>{target.title}</Ja>
                </a>
                {target.children.length > 0 ? (
                  <ul>
                    {target.children.map((activity) => (
                      <li>
                        <Ja>{activity.title}</Ja>
                      </li>
                    ))}
                  </ul>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}

/** The support team by organisation (区役所・区社協・地域ケアプラザ), the lead marked. */
export function TeamList({ t, team }: Words & { team: TeamMember[] }) {
  if (team.length === 0) return <p>{t('district.team.none')}</p>;
  return (
    <dl class="meta">
      {teamOrganisations
        .filter((organisation) => team.some((m) => m.organisation === organisation))
        .map((organisation) => (
          <>
            <dt>{t(`district.organisation.${organisation}`)}</dt>
            {team
              .filter((m) => m.organisation === organisation)
              .map((member) => (
                <dd>
                  <Ja>
                    {member.unit}
                    {member.name ? `　${member.name}` : ''}
                  </Ja>
                  {member.lead ? <span class="status">{t('district.team.lead')}</span> : null}
                </dd>
              ))}
          </>
        ))}
    </dl>
  );
}

export function StatisticsTable({ t, locale, statistics }: Words & { statistics: Statistic[] }) {
  if (statistics.length === 0) return <p>{t('district.statistics.none')}</p>;
  return (
    <CaptionedTable
      caption={t('district.statistics')}
      rows={[...statistics].sort((a, b) => b.fiscalYear - a.fiscalYear)}
      columns={[
        { header: t('district.statistics.fiscalYear'), cell: (s) => formatFiscalYear(s.fiscalYear, { locale }) },
        { header: t('district.statistics.item'), rowHeader: true, cell: (s) => <Ja>{s.item}</Ja> },
        {
          header: t('district.statistics.value'),
          cell: (s) => (
            <>
              {formatFigure(s.value, locale)}
              {s.unit ? ' ' : ''}
              {s.unit ? <Ja>{s.unit}</Ja> : null}
            </>
          ),
        },
      ]}
    />
  );
}

export function MilestoneList({ t, locale, milestones }: Words & { milestones: Milestone[] }) {
  if (milestones.length === 0) return <p>{t('district.milestones.none')}</p>;
  return (
    <dl class="meta">
      {milestones.map((m) => (
        <>
          <dt>{t(`district.milestone.${m.kind}`)}</dt>
          <dd>
            {formatDate(m.date, { locale })}
            {m.note ? (
              <>
                {' '}
                <Ja>{m.note}</Ja>
              </>
            ) : null}
          </dd>
        </>
      ))}
    </dl>
  );
}

/** The activity log; `edit` gives each row its edit link on the team's pages. */
export function ActivityTable({ t, locale, activities, plan, edit }: Words & { activities: Activity[]; plan: DistrictPlanView | null; edit?: (activity: Activity) => string }) {
  if (activities.length === 0) return <p>{t('district.activities.none')}</p>;
  const titles = targetTitles(plan);
  return (
    <CaptionedTable
      caption={t('district.activities')}
      rows={activities}
      columns={[
        { header: t('district.activity.date'), cell: (a) => formatDate(a.date, { locale }) },
        {
          header: t('district.activity.title'),
          rowHeader: true,
          cell: (a) => (
            <>
              {edit ? (
                <a href={edit(a)}>
                  <Ja>{a.title}</Ja>
                </a>
              ) : (
                <Ja>{a.title}</Ja>
              )}
              {a.generated ? <span class="status">{t('district.generatedActivity')}</span> : null}
            </>
          ),
        },
        { header: t('district.activity.kind'), cell: (a) => t(`district.activityKind.${a.kind}`) },
        { header: t('district.activity.participants'), cell: (a) => (a.participants === null ? '—' : t('district.activity.participantsCount', { count: a.participants })) },
        {
          header: t('district.activity.targets'),
          cell: (a) => (a.targets.length === 0 ? '—' : <Ja>{a.targets.map((id) => titles.get(id) ?? '').filter(Boolean).join('、')}</Ja>),
        },
        { header: t('district.activity.notes'), class: 'node__body', cell: (a) => (a.notes ? <Ja>{a.notes}</Ja> : '') },
      ]}
    />
  );
}
