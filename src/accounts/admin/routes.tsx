import { Hono } from 'hono';
import { getCookie } from 'hono/cookie';
import type { SessionUser } from '../../kernel/auth/actor.ts';
import { authorize, requireUser } from '../../kernel/auth/policy.ts';
import { runCommand } from '../../kernel/db/command.ts';
import type { FieldErrors } from '../../kernel/ui/forms.tsx';
import type { AppContext, AppEnv } from '../../kernel/web/context.ts';
import { NotFoundError } from '../../kernel/web/errors.ts';
import { chromeOf, html } from '../../kernel/web/render.tsx';
import { respond } from '../../kernel/web/respond.ts';
import { SESSION_COOKIE } from '../../kernel/web/request.ts';
import { translateProblems } from '../../kernel/i18n/index.ts';
import { fieldErrors } from '../../kernel/web/validation.ts';
import { textOf, type FormBody } from '../../kernel/web/form.ts';
import { redirectNotices } from '../../kernel/web/notices.ts';
import { uuid } from '../../kernel/web/params.ts';
import type { Municipality } from '../../municipalities/queries.ts';
import { municipalityInUrl } from '../../municipalities/route-context.ts';
import { changeOwnPassword, createUser, resetPassword, setAccountDisabled, updateAccount } from '../commands.ts';
import { accountEditInput, accountStateInput, newUserInput, ownPasswordInput, passwordResetInput, scopeOfRole } from '../inputs.ts';
import { accountPaths } from '../paths.ts';
import { accountPolicy } from '../policy.ts';
import { loadScopes, targetOf, wardOfAccount, type Scopes } from '../scopes.ts';
import { findAccount, findUserByLogin, listAccounts, type Account } from '../users.ts';
import { AccountFormPage, AccountListPage, emptyAccount, OwnPasswordPage, PasswordResetPage, valuesOfAccount, type AccountFilter, type AccountFormValues, type Choices } from './views.tsx';

/** The municipality in the URL, for someone who keeps (some of) its accounts. */
function municipalityOf(c: AppContext): Municipality {
  const municipality = municipalityInUrl(c);
  authorize(c.var.actor, accountPolicy.manageAny(c.var.actor, municipality.id));
  return municipality;
}

/** The roles and places this administrator may give: a ward's secretariat sees only its ward and its organisations. */
async function choicesOf(c: AppContext, municipality: Municipality): Promise<Choices> {
  const actor = requireUser(c.var.actor);
  const scopes = await loadScopes(c.var.services.database.db, municipality.id);
  if (actor.role === 'city_admin') return { roles: accountPolicy.assignableRoles(actor), scopes };
  const mine: Scopes = { wards: scopes.wards.filter((w) => w.id === actor.wardId), organisations: scopes.organisations.filter((o) => o.wardId !== null && o.wardId === actor.wardId), districts: [] };
  return { roles: accountPolicy.assignableRoles(actor), scopes: mine };
}

function formValues(body: FormBody): AccountFormValues {
  const text = (key: string) => textOf(body[key]);
  return {
    version: Number(text('version')) || 0,
    login: text('login'),
    displayName: text('displayName'),
    email: text('email'),
    role: text('role'),
    wardId: text('wardId'),
    organisationId: text('organisationId'),
    districtId: text('districtId'),
    passwordChangeRequired: text('passwordChangeRequired') === 'on',
  };
}

/**
 * Why this administrator may not give an account this role and place (a place of another ward, or one that does
 * not exist), as the field to point at and the words; null when they may.
 */
function scopeRefusal(c: AppContext, municipality: Municipality, choices: Choices, input: Parameters<typeof scopeOfRole>[0]): FieldErrors | null {
  const scope = scopeOfRole(input);
  const known =
    (!scope.wardId || choices.scopes.wards.some((w) => w.id === scope.wardId)) &&
    (!scope.organisationId || choices.scopes.organisations.some((o) => o.id === scope.organisationId)) &&
    (!scope.districtId || choices.scopes.districts.some((d) => d.id === scope.districtId));
  if (known && accountPolicy.manage(c.var.actor, targetOf({ municipalityId: municipality.id, ...scope }, choices.scopes))) return null;
  return { role: c.var.t('account.roleNotAllowed') };
}

/** Someone may not take their own role away or lock themselves out. */
function isSelfDemotion(actor: SessionUser, account: Account, next: Partial<Pick<Account, 'role' | 'wardId' | 'organisationId' | 'districtId' | 'disabled'>>): boolean {
  if (actor.id !== account.id) return false;
  return (Object.keys(next) as (keyof typeof next)[]).some((key) => next[key] !== account[key]);
}

function parseFilter(c: AppContext): AccountFilter {
  const state = c.req.query('state');
  return { role: c.req.query('role') ?? '', ward: c.req.query('ward') ?? '', state: state === 'enabled' || state === 'disabled' ? state : '' };
}

const { noticeOf, withNotice } = redirectNotices({ saved: 'account.savedNotice', disabled: 'account.disabledDone', enabled: 'account.enabledDone', reset: 'account.resetNotice' });
type NoticeKey = Parameters<typeof withNotice>[1];
const ownNotices = redirectNotices({ changed: 'account.changedNotice' });

/** The city administrator's and the ward secretariats' account pages, and everyone's own password. */
export function accountAdminRoutes() {
  const app = new Hono<AppEnv>();

  app.get('/admin/m/:m/accounts', async (c) => {
    const municipality = municipalityOf(c);
    const choices = await choicesOf(c, municipality);
    const filter = parseFilter(c);
    const ward = choices.scopes.wards.find((w) => w.slug === filter.ward);
    const accounts = (await listAccounts(c.var.services.database.db, municipality.id)).filter(
      (a) =>
        accountPolicy.manage(c.var.actor, targetOf(a, choices.scopes)) &&
        (filter.role === '' || a.role === filter.role) &&
        (!ward || wardOfAccount(a, choices.scopes) === ward.id) &&
        (filter.state === '' || a.disabled === (filter.state === 'disabled')),
    );
    return html(c, <AccountListPage chrome={chromeOf(c)} municipality={municipality} accounts={accounts} choices={choices} filter={filter} notice={noticeOf(c)} />);
  });

  app.get('/admin/m/:m/accounts/new', async (c) => {
    const municipality = municipalityOf(c);
    const choices = await choicesOf(c, municipality);
    return html(c, <AccountFormPage chrome={chromeOf(c)} municipality={municipality} account={null} choices={choices} values={emptyAccount(choices.roles.at(-1)!)} errors={{}} conflict={null} />);
  });

  app.post('/admin/m/:m/accounts', async (c) => {
    const municipality = municipalityOf(c);
    const choices = await choicesOf(c, municipality);
    const body = await c.req.parseBody();
    const values = formValues(body);
    const show = (errors: FieldErrors) => html(c, <AccountFormPage chrome={chromeOf(c)} municipality={municipality} account={null} choices={choices} values={values} errors={errors} conflict={null} />, 422);
    const parsed = newUserInput.safeParse({ ...body, municipalityId: municipality.id });
    if (!parsed.success) return show(translateProblems(c.var.t, fieldErrors(parsed.error)));
    const refusal = scopeRefusal(c, municipality, choices, parsed.data);
    if (refusal) return show(refusal);
    if (await findUserByLogin(c.var.services.database.db, parsed.data.login)) return show({ login: c.var.t('account.loginTaken') });
    await runCommand(c.var.services.database, c.var.actor, (s) => createUser(s, { ...parsed.data, passwordChangeRequired: values.passwordChangeRequired }));
    return c.redirect(withNotice(accountPaths.adminList(municipality.slug), 'saved'), 303);
  });

  /** The account in the URL, if this administrator keeps it. */
  const existingOf = async (c: AppContext) => {
    const municipality = municipalityOf(c);
    const choices = await choicesOf(c, municipality);
    const account = await findAccount(c.var.services.database.db, municipality.id, c.req.param('id') ?? '');
    if (!account) throw new NotFoundError();
    authorize(c.var.actor, accountPolicy.manage(c.var.actor, targetOf(account, choices.scopes)));
    return { municipality, choices, account, actor: requireUser(c.var.actor) };
  };

  const id = uuid('id');
  app.get(`/admin/m/:m/accounts/${id}/edit`, async (c) => {
    const { municipality, choices, account } = await existingOf(c);
    return html(c, <AccountFormPage chrome={chromeOf(c)} municipality={municipality} account={account} choices={choices} values={valuesOfAccount(account)} errors={{}} conflict={null} notice={noticeOf(c)} />);
  });

  /** The edit page again after a refused or conflicting change, keeping what was typed. */
  const showEdit = (c: AppContext, props: { municipality: Municipality; choices: Choices; account: Account }, values: AccountFormValues, errors: FieldErrors, conflict: Account | null = null) => {
    const shown = conflict ? { ...values, version: conflict.version } : values;
    return html(c, <AccountFormPage chrome={chromeOf(c)} {...props} account={conflict ?? props.account} values={shown} errors={errors} conflict={conflict} />, conflict ? 409 : 422);
  };
  /** The account's page again, saying what was done. */
  const edited = (m: string, account: Account, notice: NoticeKey) => withNotice(accountPaths.adminEdit(m, account.id), notice);

  app.post(`/admin/m/:m/accounts/${id}`, async (c) => {
    const found = await existingOf(c);
    const { municipality, choices, account, actor } = found;
    const values = formValues(await c.req.parseBody());
    const parsed = accountEditInput.safeParse(values);
    if (!parsed.success) return showEdit(c, found, values, translateProblems(c.var.t, fieldErrors(parsed.error)));
    const refusal = scopeRefusal(c, municipality, choices, parsed.data);
    if (refusal) return showEdit(c, found, values, refusal);
    if (isSelfDemotion(actor, account, scopeOfRole(parsed.data))) return showEdit(c, found, values, { role: c.var.t('account.notYourself') });
    const result = await runCommand(c.var.services.database, actor, (s) => updateAccount(s, account, parsed.data));
    return respond(c, result, { ok: () => edited(municipality.slug, account, 'saved'), conflict: (current) => showEdit(c, found, values, {}, current) });
  });

  app.post(`/admin/m/:m/accounts/${id}/state`, async (c) => {
    const found = await existingOf(c);
    const { municipality, account, actor } = found;
    const parsed = accountStateInput.safeParse(await c.req.parseBody());
    const values = valuesOfAccount(account);
    if (!parsed.success) return showEdit(c, found, values, translateProblems(c.var.t, fieldErrors(parsed.error)));
    if (isSelfDemotion(actor, account, { disabled: parsed.data.disabled })) return showEdit(c, found, values, { role: c.var.t('account.notYourself') });
    const result = await runCommand(c.var.services.database, actor, (s) => setAccountDisabled(s, account, parsed.data));
    return respond(c, result, { ok: () => edited(municipality.slug, account, parsed.data.disabled ? 'disabled' : 'enabled'), conflict: (current) => showEdit(c, found, values, {}, current) });
  });

  app.get(`/admin/m/:m/accounts/${id}/password`, async (c) => {
    const { municipality, choices, account } = await existingOf(c);
    return html(c, <PasswordResetPage chrome={chromeOf(c)} municipality={municipality} account={account} scopes={choices.scopes} errors={{}} conflict={null} passwordChangeRequired />);
  });

  app.post(`/admin/m/:m/accounts/${id}/password`, async (c) => {
    const { municipality, choices, account, actor } = await existingOf(c);
    const body = await c.req.parseBody();
    const parsed = passwordResetInput(account.login).safeParse(body);
    const show = (errors: FieldErrors, conflict: Account | null = null) =>
      html(c, <PasswordResetPage chrome={chromeOf(c)} municipality={municipality} account={account} scopes={choices.scopes} errors={errors} conflict={conflict} passwordChangeRequired={textOf(body['passwordChangeRequired']) === 'on'} />, conflict ? 409 : 422);
    if (!parsed.success) return show(translateProblems(c.var.t, fieldErrors(parsed.error)));
    const result = await runCommand(c.var.services.database, actor, (s) => resetPassword(s, account, parsed.data));
    return respond(c, result, { ok: () => edited(municipality.slug, account, 'reset'), conflict: (current) => show({}, current) });
  });

  app.get(accountPaths.ownPassword, (c) => {
    authorize(c.var.actor, accountPolicy.changeOwnPassword(c.var.actor));
    return html(c, <OwnPasswordPage chrome={chromeOf(c)} errors={{}} mustChange={c.var.session?.passwordChangeRequired ?? false} notice={ownNotices.noticeOf(c)} />);
  });

  app.post(accountPaths.ownPassword, async (c) => {
    authorize(c.var.actor, accountPolicy.changeOwnPassword(c.var.actor));
    const actor = requireUser(c.var.actor);
    const show = (errors: FieldErrors) => html(c, <OwnPasswordPage chrome={chromeOf(c)} errors={errors} mustChange={c.var.session?.passwordChangeRequired ?? false} notice={null} />, 422);
    const parsed = ownPasswordInput(actor.login).safeParse(await c.req.parseBody());
    if (!parsed.success) return show(translateProblems(c.var.t, fieldErrors(parsed.error)));
    const sessionToken = getCookie(c, SESSION_COOKIE) ?? '';
    const result = await runCommand(c.var.services.database, actor, (s) => changeOwnPassword(s, actor, { ...parsed.data, sessionToken }));
    return respond(c, result, { ok: () => ownNotices.withNotice(accountPaths.ownPassword, 'changed'), invalid: (errors) => show(translateProblems(c.var.t, errors)) });
  });
  return app;
}
