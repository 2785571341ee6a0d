import type { SessionUser } from '../kernel/auth/actor.ts';
import { Layout, type Chrome } from '../kernel/ui/layout.tsx';
import type { Municipality } from '../municipalities/queries.ts';
import { accountPaths } from '../accounts/paths.ts';
import { organisationPaths } from '../organisations/paths.ts';
import { planPaths } from '../plans/paths.ts';
import { periodTitle, type PlanWithPeriods } from '../plans/queries.ts';
import type { AdminLink } from '../reports/admin/links.ts';
import { formatFiscalYearSpan } from '../kernel/wareki/index.ts';

type Props = { chrome: Chrome; municipality: Municipality; user: SessionUser; plans: PlanWithPeriods[]; canManageRegistry: boolean; canManageAccounts: boolean; reportLinks: AdminLink[]; importLinks?: AdminLink[] };

function LinkList({ links }: { links: AdminLink[] }) {
  return (
    <ul>
      {links.map((link) => (
        <li>
          <a href={link.href}>{link.label}</a>
        </li>
      ))}
    </ul>
  );
}

export function AdminHomePage({ chrome, municipality, user, plans, canManageRegistry, canManageAccounts, reportLinks, importLinks = [] }: Props) {
  const { t, locale } = chrome;
  return (
    <Layout chrome={chrome} title={t('admin.title')} crumbs={[{ label: t('nav.home'), href: '/' }, { label: t('nav.admin') }]}>
      <h1>{t('admin.title')}</h1>
      <dl class="meta">
        <dt>{t('login.login')}</dt>
        <dd>
          {user.displayName}（{user.login}）
        </dd>
        <dt>{t('admin.role')}</dt>
        <dd>
          {t(`role.${user.role}`)}・{municipality.name}
        </dd>
      </dl>
      <ul>
        <li>
          <a href={accountPaths.ownPassword}>{t('account.changePasswordLink')}</a>
        </li>
        {canManageAccounts ? (
          <li>
            <a href={accountPaths.adminList(municipality.slug)}>{t('account.title')}</a>
          </li>
        ) : null}
        {canManageRegistry ? (
          <li>
            <a href={organisationPaths.adminList(municipality.slug)}>{t('registry.manage')}</a>
          </li>
        ) : null}
      </ul>
      {reportLinks.length > 0 ? (
        <>
          <h2>{t('report.title')}</h2>
          <LinkList links={reportLinks} />
        </>
      ) : null}
      <h2>{t('admin.myPlans')}</h2>
      {plans.length === 0 ? <p>{t('admin.noPermission')}</p> : null}
      {importLinks.length > 0 ? <LinkList links={importLinks} /> : null}
      <ul class="card-list">
        {plans.map((plan) => (
          <li>
            <h3>{plan.name}</h3>
            <ul>
              {plan.periods.map((period) => (
                <li>
                  <a href={planPaths.adminPeriod(municipality.slug, plan.key, period.number)}>
                    {periodTitle(period, locale)}（{formatFiscalYearSpan(period.fiscalYearStart, period.fiscalYearEnd, { locale })}）
                  </a>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </Layout>
  );
}
