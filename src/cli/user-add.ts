import { parseArgs } from 'node:util';
import type { z } from 'zod';
import type { Actor } from '../kernel/auth/actor.ts';
import { createUser } from '../accounts/commands.ts';
import { newUserInput } from '../accounts/inputs.ts';
import { findUserByLogin } from '../accounts/users.ts';
import { runCommand } from '../kernel/db/command.ts';
import type { Database } from '../kernel/db/database.ts';
import { translateProblems } from '../kernel/i18n/index.ts';
import { fieldErrors } from '../kernel/web/validation.ts';
import { translatorFor } from '../messages.ts';
import { findDistrict, findWardByNameOrSlug } from '../municipalities/queries.ts';
import { findOrganisation } from '../organisations/queries.ts';
import { municipalityFor } from './database.ts';
import { CliError } from './errors.ts';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

/** One line typed at the terminal, not echoed (raw mode: each key arrives as it is pressed). */
function typedUnseen(question: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const stdin = process.stdin;
    let typed = '';
    process.stderr.write(question);
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding('utf8');
    const finish = (error: Error | null) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      process.stderr.write('\n');
      if (error) reject(error);
      else resolve(typed);
    };
    const onData = (keys: string) => {
      for (const key of keys) {
        if (key === '\r' || key === '\n') return finish(null);
        if (key === '\u0003' || key === '\u0004') return finish(new CliError('中止しました'));
        if (key === '\u007f' || key === '\b') typed = [...typed].slice(0, -1).join('');
        else typed += key;
      }
    };
    stdin.on('data', onData);
  });
}

/** Asks twice at the terminal, so that a typing mistake nobody saw does not become the password. */
async function promptPassword(): Promise<string> {
  const first = await typedUnseen('パスワード（表示されません）: ');
  if ((await typedUnseen('もう一度入力してください: ')) !== first) throw new CliError('二回入力したパスワードが一致しません');
  return first;
}

/**
 * The password a command is given: from standard input with --password-stdin, else from SASAEAI_PASSWORD, else asked
 * at the terminal (never echoed); never from the command line, where other users of the server could read it.
 */
export function readPassword(fromStdin: boolean | undefined): Promise<string> {
  if (fromStdin) return readStdin();
  const fromEnvironment = process.env['SASAEAI_PASSWORD'];
  if (fromEnvironment !== undefined) return Promise.resolve(fromEnvironment);
  return process.stdin.isTTY ? promptPassword() : Promise.resolve('');
}

/** The option each input field comes from, so that an error names what the operator typed. */
const optionOf: Record<string, string> = {
  login: '--login',
  displayName: '--name',
  role: '--role',
  wardId: '--ward',
  organisationId: '--organisation',
  districtId: '--district',
  email: '--email',
  password: 'パスワード',
};

/** Zod's problems as lines naming the option at fault (`options`: field → option), in Japanese. */
export function cliError(error: z.ZodError, options: Record<string, string> = optionOf): CliError {
  const problems = translateProblems(translatorFor('ja'), fieldErrors(error));
  return new CliError(Object.entries(problems).map(([field, message]) => `${options[field] ?? field}: ${message}`).join('\n'));
}

export async function userAdd(database: Database, argv: string[]): Promise<string> {
  const { values } = parseArgs({
    args: argv,
    options: {
      login: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      municipality: { type: 'string' },
      ward: { type: 'string' },
      organisation: { type: 'string' },
      district: { type: 'string' },
      email: { type: 'string' },
      'password-stdin': { type: 'boolean', default: false },
    },
    strict: true,
  });
  const password = await readPassword(values['password-stdin']);
  const municipality = await municipalityFor(database, values.municipality);
  const ward = values.ward ? await findWardByNameOrSlug(database.db, municipality.id, values.ward) : null;
  if (values.ward && !ward) throw new CliError(`区「${values.ward}」が${municipality.name}にありません`);
  const organisation = values.organisation ? await findOrganisation(database.db, municipality.id, values.organisation) : null;
  if (values.organisation && !organisation) throw new CliError(`推進主体「${values.organisation}」が見つかりません（キーで指定してください）`);
  const district = values.district ? await findDistrict(database.db, municipality.id, values.district) : null;
  if (values.district && !district) throw new CliError(`地区「${values.district}」が見つかりません`);

  const parsed = newUserInput.safeParse({
    login: values.login ?? '',
    displayName: values.name ?? '',
    password,
    role: values.role,
    municipalityId: municipality.id,
    wardId: ward?.id ?? null,
    organisationId: organisation?.id ?? null,
    districtId: district?.id ?? null,
    email: values.email ?? '',
  });
  if (!parsed.success) throw cliError(parsed.error);
  if (await findUserByLogin(database.db, parsed.data.login)) throw new CliError(`ログインID「${parsed.data.login}」は既に使われています`);
  const actor: Actor = { kind: 'system', name: 'コマンドライン（user add）' };
  await runCommand(database, actor, (scope) => createUser(scope, parsed.data));
  return `アカウント ${parsed.data.login}（${parsed.data.role}）を作成しました`;
}
