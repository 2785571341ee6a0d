import { parseArgs } from 'node:util';
import type { Actor } from '../kernel/auth/actor.ts';
import { runCommand } from '../kernel/db/command.ts';
import type { Database } from '../kernel/db/database.ts';
import { translateProblem } from '../kernel/i18n/index.ts';
import { translatorFor } from '../messages.ts';
import { setUp } from '../setup/commands.ts';
import { setupInput } from '../setup/inputs.ts';
import { isSetUp } from '../setup/queries.ts';
import { CliError } from './errors.ts';
import { cliError, readPassword } from './user-add.ts';

/** The option each field comes from, so that an error names what the operator typed. */
const optionOf: Record<string, string> = {
  municipalityName: '--name',
  municipalityRomanisedName: '--romanised-name',
  slug: '--slug',
  prefecture: '--prefecture',
  kind: '--kind',
  wards: '--ward',
  login: '--login',
  displayName: '--display-name',
  password: 'パスワード',
};

export async function setupCommand(database: Database, argv: string[]): Promise<string> {
  const { values } = parseArgs({
    args: argv,
    options: {
      name: { type: 'string' },
      'romanised-name': { type: 'string' },
      slug: { type: 'string' },
      prefecture: { type: 'string' },
      kind: { type: 'string', default: 'designated_city' },
      ward: { type: 'string', multiple: true },
      login: { type: 'string' },
      'display-name': { type: 'string' },
      'password-stdin': { type: 'boolean', default: false },
    },
    strict: true,
  });
  const t = translatorFor('ja');
  if (await isSetUp(database.db)) throw new CliError(t('setup.error.alreadySetUp'));
  const parsed = setupInput.safeParse({
    municipalityName: values.name ?? '',
    municipalityRomanisedName: values['romanised-name'] ?? '',
    slug: values.slug ?? '',
    prefecture: values.prefecture ?? '',
    kind: values.kind,
    wards: (values.ward ?? []).join('\n'),
    login: values.login ?? '',
    displayName: values['display-name'] ?? '',
    password: await readPassword(values['password-stdin']),
  });
  if (!parsed.success) throw cliError(parsed.error, optionOf);
  const actor: Actor = { kind: 'system', name: 'コマンドライン（setup）' };
  const result = await runCommand(database, actor, (scope) => setUp(scope, parsed.data));
  if (!result.ok) throw new CliError(result.reason === 'refused' ? translateProblem(t, result.message) : t('setup.error.alreadySetUp'));
  const { municipalitySlug, login } = result.value;
  return `${parsed.data.municipalityName}（/m/${municipalitySlug}）と区${parsed.data.wards.length}件、市の管理者 ${login} を作りました。npm start で起動し、${login} でログインしてください`;
}
