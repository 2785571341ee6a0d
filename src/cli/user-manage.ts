import { parseArgs } from 'node:util';
import { roles, type Actor } from '../kernel/auth/actor.ts';
import { resetPassword, setAccountDisabled, type AccountResult } from '../accounts/commands.ts';
import { newPassword } from '../accounts/inputs.ts';
import { belongsTo, loadScopes, wardOfAccount } from '../accounts/scopes.ts';
import { findAccount, findUserByLogin, listAccounts, type Account } from '../accounts/users.ts';
import { runCommand, type CommandScope } from '../kernel/db/command.ts';
import type { Database } from '../kernel/db/database.ts';
import { translateProblem } from '../kernel/i18n/index.ts';
import { firstProblem } from '../kernel/web/validation.ts';
import { translatorFor } from '../messages.ts';
import { findWardByNameOrSlug } from '../municipalities/queries.ts';
import { municipalityFor } from './database.ts';
import { CliError } from './errors.ts';
import { readPassword } from './user-add.ts';

const operator = (command: string): Actor => ({ kind: 'system', name: `コマンドライン（user ${command}）` });

export async function userList(database: Database, argv: string[]): Promise<string> {
  const { values } = parseArgs({
    args: argv,
    options: { municipality: { type: 'string' }, role: { type: 'string' }, ward: { type: 'string' }, disabled: { type: 'boolean' }, enabled: { type: 'boolean' } },
    strict: true,
  });
  if (values.role && !(roles as readonly string[]).includes(values.role)) throw new CliError(`--role: 役割は ${roles.join(' / ')} のいずれかです`);
  const municipality = await municipalityFor(database, values.municipality);
  const ward = values.ward ? await findWardByNameOrSlug(database.db, municipality.id, values.ward) : null;
  if (values.ward && !ward) throw new CliError(`区「${values.ward}」が${municipality.name}にありません`);
  const scopes = await loadScopes(database.db, municipality.id);
  const shown = (await listAccounts(database.db, municipality.id)).filter(
    (a) => (!values.role || a.role === values.role) && (!ward || wardOfAccount(a, scopes) === ward.id) && (!values.disabled || a.disabled) && (!values.enabled || !a.disabled),
  );
  if (shown.length === 0) return '該当するアカウントはありません';
  return shown.map((a) => [a.login, a.role, belongsTo(a, scopes) ?? '市全体', a.disabled ? '無効' : '有効', a.displayName].join('\t')).join('\n');
}

/** The account a command names with --login. */
async function accountNamed(database: Database, login: string | undefined): Promise<Account> {
  if (!login) throw new CliError('--login でアカウントのログインIDを指定してください');
  const user = await findUserByLogin(database.db, login);
  const account = user ? await findAccount(database.db, user.municipalityId, user.id) : null;
  if (!account) throw new CliError(`ログインID「${login}」のアカウントがありません`);
  return account;
}

/** Runs a change on an account at the version just read; someone saving in between is reported, not overwritten. */
async function change(database: Database, command: string, account: Account, body: (scope: CommandScope) => Promise<AccountResult>): Promise<void> {
  const result = await runCommand(database, operator(command), body);
  if (!result.ok) throw new CliError(`アカウント ${account.login} は処理中に変更されました。もう一度実行してください`);
}

export async function userSetPassword(database: Database, argv: string[]): Promise<string> {
  const { values } = parseArgs({ args: argv, options: { login: { type: 'string' }, 'must-change': { type: 'boolean', default: false }, 'password-stdin': { type: 'boolean', default: false } }, strict: true });
  const account = await accountNamed(database, values.login);
  const parsed = newPassword(account.login).safeParse(await readPassword(values['password-stdin']));
  if (!parsed.success) throw new CliError(`パスワード: ${translateProblem(translatorFor('ja'), firstProblem(parsed.error))}`);
  await change(database, 'set-password', account, (scope) => resetPassword(scope, account, { version: account.version, password: parsed.data, passwordChangeRequired: values['must-change'] }));
  return `アカウント ${account.login} のパスワードを再設定しました${values['must-change'] ? '（次回ログイン時に変更を求めます）' : ''}`;
}

function setDisabled(disabled: boolean) {
  return async (database: Database, argv: string[]): Promise<string> => {
    const { values } = parseArgs({ args: argv, options: { login: { type: 'string' } }, strict: true });
    const account = await accountNamed(database, values.login);
    await change(database, disabled ? 'disable' : 'enable', account, (scope) => setAccountDisabled(scope, account, { version: account.version, disabled }));
    return `アカウント ${account.login} を${disabled ? '無効' : '有効'}にしました`;
  };
}

export const userDisable = setDisabled(true);
export const userEnable = setDisabled(false);
