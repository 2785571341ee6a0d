import type { SessionUser } from '../kernel/auth/actor.ts';
import { Layout, type Chrome } from '../kernel/ui/layout.tsx';
import type { Municipality } from '../municipalities/queries.ts';
import { evaluationPaths } from '../evaluations/paths.ts';
import { evaluationPolicy } from '../evaluations/policy.ts';
import { planPaths } from '../plans/paths.ts';
import { periodTitle, type PlanWithPeriods } from '../plans/queries.ts';
import type { AdminLink } from '../reports/admin/links.ts';
import { formatFiscalYearSpan } from '../kernel/wareki/index.ts';
import { Ja, LabelText } from '../kernel/ui/japanese.tsx';
import { placeName } from '../municipalities/names.ts';

/** A part of the home a role leads with; `empty` says what will appear there, so the section is never bare. */
export type HomeSection = { heading: string; empty: string; links: AdminLink[] };
export type PlanSection = { plans: PlanWithPeriods[]; empty: string };

type Props = {
  chrome: Chrome;
  municipality: Municipality;
  user: SessionUser;
  sections: HomeSection[];
  planSection: PlanSection | null;
  more: AdminLink[];
};

function LinkList({ links }: { links: AdminLink[] }) {
  return (
    <ul>
      {links.map((link) => (
        <li>
          <a href={link.href}>
            <LabelText label={link.label} />
          </a>
          {link.detail ? (
            <>
              <br />
              <span class="muted">{link.detail}</span>
            </>
          ) : null}
          {link.more ? (
            <ul class="inline-links">
              {link.more.map((other) => (
                <li>
                  <a href={other.href}>
                    <LabelText label={other.label} />
                  </a>
                </li>
              ))}
            </ul>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

function Section({ section }: { section: HomeSection }) {
  return (
    <>
      <h2>{section.heading}</h2>
      {section.links.length === 0 ? <p>{section.empty}</p> : <LinkList links={section.links} />}
    </>
  );
}

function Plans({ section, municipality, chrome, user }: { section: PlanSection; municipality: Municipality; chrome: Chrome; user: SessionUser }) {
  const { t, locale } = chrome;
  return (
    <>
      <h2>{t('admin.myPlans')}</h2>
      {section.plans.length === 0 ? <p>{section.empty}</p> : null}
      <ul class="card-list">
        {section.plans.map((plan) => (
          <li>
            <h3>
              <Ja>{plan.name}</Ja>
            </h3>
            {plan.periods.length === 0 ? <p>{t('admin.plan.noPeriods')}</p> : null}
            <ul>
              {plan.periods.map((period) => (
                <li>
                  <a href={planPaths.adminPeriod(municipality.slug, plan.key, period.number)}>
                    {periodTitle(period, locale)}（{formatFiscalYearSpan(period.fiscalYearStart, period.fiscalYearEnd, { locale })}）
                  </a>
                </li>
              ))}
            </ul>
            {evaluationPolicy.evaluate(user, plan) ? (
              <p>
                <a href={evaluationPaths.years(municipality.slug, plan.key)}>{t('evaluation.adminLink')}</a>
              </p>
            ) : null}
          </li>
        ))}
      </ul>
    </>
  );
}

export function AdminHomePage({ chrome, municipality, user, sections, planSection, more }: Props) {
  const { t } = chrome;
  return (
    <Layout chrome={chrome} title={t('admin.title')} crumbs={[{ label: t('nav.home'), href: '/' }, { label: t('nav.admin') }]}>
      <h1>{t('admin.title')}</h1>
      <dl class="meta">
        <dt>{t('login.login')}</dt>
        <dd>
          <Ja>{user.displayName}</Ja>（{user.login}）
        </dd>
        <dt>{t('admin.role')}</dt>
        <dd>
          {t(`role.${user.role}`)}・<LabelText label={placeName(chrome, municipality)} />
        </dd>
      </dl>
      <p class="lead">{t(`admin.lead.${user.role}`)}</p>
      {sections.map((section) => (
        <Section section={section} />
      ))}
      {planSection ? <Plans section={planSection} municipality={municipality} chrome={chrome} user={user} /> : null}
      <h2>{t('admin.more')}</h2>
      <LinkList links={more} />
    </Layout>
  );
}
