import type { Role } from '../../kernel/auth/actor.ts';
import type { Translate } from '../../kernel/i18n/index.ts';
import { CaptionedTable } from '../../kernel/ui/captioned-table.tsx';
import { ConflictNotice } from '../../kernel/ui/conflict.tsx';
import { CsrfField, ErrorSummary, FormActions, PostButton, Select, TextInput, type FieldErrors } from '../../kernel/ui/forms.tsx';
import { Layout, type Chrome, type Crumb } from '../../kernel/ui/layout.tsx';
import { Notice } from '../../kernel/ui/notice.tsx';
import type { Municipality } from '../../municipalities/queries.ts';
import { accountPaths } from '../paths.ts';
import { belongsTo, type Scopes } from '../scopes.ts';
import type { Account } from '../users.ts';
import { Ja } from '../../kernel/ui/japanese.tsx';

/** The list's filters as the query string carries them ('' for any). */
export type AccountFilter = { role: string; ward: string; state: '' | 'enabled' | 'disabled' };

/** The choices this administrator has in the form: the roles they hand out and the places those roles belong to. */
export type Choices = { roles: readonly Role[]; scopes: Scopes };

export type AccountFormValues = { version: number; login: string; displayName: string; email: string; role: string; wardId: string; organisationId: string; districtId: string; passwordChangeRequired: boolean };

export function valuesOfAccount(a: Account): AccountFormValues {
  return { version: a.version, login: a.login, displayName: a.displayName, email: a.email ?? '', role: a.role, wardId: a.wardId ?? '', organisationId: a.organisationId ?? '', districtId: a.districtId ?? '', passwordChangeRequired: a.passwordChangeRequired };
}

export const emptyAccount = (role: Role): AccountFormValues => ({ version: 0, login: '', displayName: '', email: '', role, wardId: '', organisationId: '', districtId: '', passwordChangeRequired: true });

function crumbs(t: Translate, m: string, last?: string): Crumb[] {
  return [{ label: t('nav.admin'), href: '/admin' }, { label: t('account.title'), href: accountPaths.adminList(m) }, ...(last ? [{ label: last }] : [])];
}

/** Where the account belongs (Japanese names), or the whole city. */
function BelongsTo({ t, account, scopes }: { t: Translate; account: Account; scopes: Scopes }) {
  const place = belongsTo(account, scopes);
  return place ? <Ja>{place}</Ja> : <>{t('account.wholeCity')}</>;
}

function StateBadge({ t, account }: { t: Translate; account: Account }) {
  return (
    <>
      <span class={account.disabled ? 'status' : 'status status--accepted'}>{t(account.disabled ? 'account.state.disabled' : 'account.state.enabled')}</span>
      {account.passwordChangeRequired ? <span class="status"> {t('account.mustChangeBadge')}</span> : null}
    </>
  );
}

type ListProps = { chrome: Chrome; municipality: Municipality; accounts: Account[]; choices: Choices; filter: AccountFilter; notice: string | null };

export function AccountListPage({ chrome, municipality, accounts, choices, filter, notice }: ListProps) {
  const { t } = chrome;
  const m = municipality.slug;
  const all: [string, string] = ['', t('account.filter.all')];
  return (
    <Layout chrome={chrome} title={t('account.title')} crumbs={crumbs(t, m).slice(0, 1).concat({ label: t('account.title') })} wide>
      <h1>{t('account.title')}</h1>
      <Notice text={notice} />
      <p>
        <a class="button" href={accountPaths.adminNew(m)}>
          {t('account.add')}
        </a>
      </p>
      <form method="get" action={accountPaths.adminList(m)} class="filters">
        <Select name="role" label={t('account.role')} value={filter.role} options={[all, ...choices.roles.map((r): [string, string] => [r, t(`role.${r}`)])]} />
        {choices.scopes.wards.length > 1 ? <Select name="ward" label={t('account.ward')} value={filter.ward} options={[all, ...choices.scopes.wards.map((w): [string, string, 'ja'] => [w.slug, w.name, 'ja'])]} /> : null}
        <Select name="state" label={t('account.state')} value={filter.state} options={[all, ['enabled', t('account.state.enabled')], ['disabled', t('account.state.disabled')]]} />
        <FormActions t={t} label={t('account.filter')} look="secondary" />
      </form>
      <p>{t('account.count', { count: accounts.length })}</p>
      {accounts.length === 0 ? (
        <p>{t('account.empty')}</p>
      ) : (
        <CaptionedTable
          caption={t('account.title')}
          rows={accounts}
          columns={[
            {
              header: t('account.displayName'),
              cell: (a) => (
                <Ja>
                  <a href={accountPaths.adminEdit(m, a.id)}>{a.displayName}</a>
                </Ja>
              ),
            },
            { header: t('login.login'), cell: (a) => a.login },
            { header: t('account.role'), cell: (a) => t(`role.${a.role}`) },
            { header: t('account.belongsTo'), cell: (a) => <BelongsTo t={t} account={a} scopes={choices.scopes} /> },
            { header: t('account.state'), cell: (a) => <StateBadge t={t} account={a} /> },
          ]}
        />
      )}
    </Layout>
  );
}

/** The role and the one place it belongs to; without JavaScript all three places are shown, the hint says which counts. */
function ScopeFields({ t, choices, values, errors }: { t: Translate; choices: Choices; values: AccountFormValues; errors: FieldErrors }) {
  const none: [string, string] = ['', t('account.none')];
  const { wards, organisations, districts } = choices.scopes;
  return (
    <>
      <Select name="role" label={t('account.role')} value={values.role} error={errors['role']} options={choices.roles.map((r) => [r, t(`role.${r}`)])} />
      <p class="field__hint">{t('account.scopeHint')}</p>
      {choices.roles.some((r) => r === 'ward_secretariat' || r === 'committee_member') ? (
        <Select name="wardId" label={t('account.ward')} value={values.wardId} error={errors['wardId']} options={[none, ...wards.map((w): [string, string, 'ja'] => [w.id, w.name, 'ja'])]} />
      ) : null}
      <Select name="organisationId" label={t('account.organisation')} value={values.organisationId} error={errors['organisationId']} options={[none, ...organisations.map((o): [string, string, 'ja'] => [o.id, o.name, 'ja'])]} />
      {districts.length > 0 ? (
        <Select name="districtId" label={t('account.district')} value={values.districtId} error={errors['districtId']} options={[none, ...districts.map((d): [string, string, 'ja'] => [d.id, d.name, 'ja'])]} />
      ) : null}
    </>
  );
}

function PasswordFields({ t, errors, checked }: { t: Translate; errors: FieldErrors; checked: boolean }) {
  return (
    <>
      <TextInput name="password" type="password" autocomplete="new-password" label={t('account.newPassword')} hint={t('account.passwordHint')} value="" error={errors['password']} />
      <div class="field">
        <input type="checkbox" id="field-passwordChangeRequired" name="passwordChangeRequired" value="on" checked={checked} />{' '}
        <label for="field-passwordChangeRequired" class="inline-label">
          {t('account.passwordChangeRequired')}
        </label>
      </div>
    </>
  );
}

function conflictRows(t: Translate, a: Account, scopes: Scopes): [string, string][] {
  return [
    [t('account.displayName'), a.displayName],
    [t('account.email'), a.email ?? ''],
    [t('account.role'), t(`role.${a.role}`)],
    [t('account.belongsTo'), belongsTo(a, scopes) ?? t('account.wholeCity')],
    [t('account.state'), t(a.disabled ? 'account.state.disabled' : 'account.state.enabled')],
  ];
}

type FormProps = { chrome: Chrome; municipality: Municipality; account: Account | null; choices: Choices; values: AccountFormValues; errors: FieldErrors; conflict: Account | null; notice?: string | null };

/** A new account (with its first password) or an existing one: its profile, then enabling / disabling and the password reset. */
export function AccountFormPage({ chrome, municipality, account, choices, values, errors, conflict, notice = null }: FormProps) {
  const { t } = chrome;
  const m = municipality.slug;
  const title = account ? `${t('account.edit')}：${account.displayName}` : t('account.add');
  return (
    <Layout chrome={chrome} title={title} crumbs={crumbs(t, m, title)}>
      <h1>{title}</h1>
      <Notice text={notice} />
      <ErrorSummary t={t} errors={errors} />
      {conflict ? <ConflictNotice t={t} rows={conflictRows(t, conflict, choices.scopes)} /> : null}
      {account?.disabled ? <p class="warning">{t('account.disabledNotice')}</p> : null}
      <form method="post" action={account ? accountPaths.adminOne(m, account.id) : accountPaths.adminList(m)} novalidate>
        <CsrfField token={chrome.csrfToken} />
        <input type="hidden" name="version" value={String(values.version)} />
        {account ? (
          <dl class="meta">
            <dt>{t('login.login')}</dt>
            <dd>{account.login}</dd>
          </dl>
        ) : (
          <TextInput name="login" label={t('login.login')} value={values.login} error={errors['login']} autocomplete="off" />
        )}
        <TextInput name="displayName" label={t('account.displayName')} value={values.displayName} error={errors['displayName']} />
        <TextInput name="email" type="email" autocomplete="off" label={t('account.email')} hint={t('account.emailHint')} value={values.email} error={errors['email']} />
        <ScopeFields t={t} choices={choices} values={values} errors={errors} />
        {account ? null : <PasswordFields t={t} errors={errors} checked={values.passwordChangeRequired} />}
        <FormActions t={t} cancelHref={accountPaths.adminList(m)} />
      </form>
      {account ? (
        <p class="actions">
          <a href={accountPaths.adminPassword(m, account.id)}>{t('account.resetPassword')}</a>
          <PostButton
            action={accountPaths.adminState(m, account.id)}
            csrf={chrome.csrfToken}
            label={t(account.disabled ? 'account.enable' : 'account.disable')}
            fields={{ version: String(account.version), disabled: account.disabled ? '0' : '1' }}
            {...(account.disabled ? {} : { confirm: t('account.disableConfirm') })}
          />
        </p>
      ) : null}
    </Layout>
  );
}

type ResetProps = { chrome: Chrome; municipality: Municipality; account: Account; scopes: Scopes; errors: FieldErrors; conflict: Account | null; passwordChangeRequired: boolean };

export function PasswordResetPage({ chrome, municipality, account, scopes, errors, conflict, passwordChangeRequired }: ResetProps) {
  const { t } = chrome;
  const m = municipality.slug;
  const title = `${t('account.resetPassword')}：${account.displayName}`;
  return (
    <Layout chrome={chrome} title={title} crumbs={[...crumbs(t, m), { label: account.displayName, href: accountPaths.adminEdit(m, account.id) }, { label: t('account.resetPassword') }]}>
      <h1>{title}</h1>
      <ErrorSummary t={t} errors={errors} />
      {conflict ? <ConflictNotice t={t} rows={conflictRows(t, conflict, scopes)} /> : null}
      <form method="post" action={accountPaths.adminPassword(m, account.id)} novalidate>
        <CsrfField token={chrome.csrfToken} />
        <input type="hidden" name="version" value={String((conflict ?? account).version)} />
        <dl class="meta">
          <dt>{t('login.login')}</dt>
          <dd>{account.login}</dd>
        </dl>
        <PasswordFields t={t} errors={errors} checked={passwordChangeRequired} />
        <FormActions t={t} cancelHref={accountPaths.adminEdit(m, account.id)} label={t('account.resetPassword')} />
      </form>
    </Layout>
  );
}

type OwnProps = { chrome: Chrome; errors: FieldErrors; mustChange: boolean; notice: string | null };

/** Everyone's own password: the current one, then the new one. */
export function OwnPasswordPage({ chrome, errors, mustChange, notice }: OwnProps) {
  const { t } = chrome;
  return (
    <Layout chrome={chrome} title={t('account.changePassword')} crumbs={[{ label: t('nav.admin'), href: '/admin' }, { label: t('account.changePassword') }]}>
      <h1>{t('account.changePassword')}</h1>
      <Notice text={notice} />
      {mustChange ? <p class="warning">{t('account.mustChange')}</p> : null}
      <ErrorSummary t={t} errors={errors} />
      <form method="post" action={accountPaths.ownPassword} novalidate>
        <CsrfField token={chrome.csrfToken} />
        <input type="text" name="username" value={chrome.user?.login ?? ''} autocomplete="username" hidden />
        <TextInput name="currentPassword" type="password" autocomplete="current-password" label={t('account.currentPassword')} value="" error={errors['currentPassword']} />
        <TextInput name="password" type="password" autocomplete="new-password" label={t('account.newPassword')} hint={t('account.passwordHint')} value="" error={errors['password']} />
        <FormActions t={t} label={t('account.changePassword')} />
      </form>
    </Layout>
  );
}
