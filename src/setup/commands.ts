import { sql } from 'drizzle-orm';
import { createUser } from '../accounts/commands.ts';
import { refused, type CommandResult, type CommandScope } from '../kernel/db/command.ts';
import { problem } from '../kernel/i18n/index.ts';
import { loadMunicipality } from '../municipalities/commands.ts';
import type { SetupInput } from './inputs.ts';
import { isSetUp } from './queries.ts';

/** Any fixed number: setups started together take turns through it, and the database lets the first one through. */
const SETUP_LOCK = 582_301_447;

export type SetUp = { municipalitySlug: string; login: string };

/**
 * The first start: the municipality with its wards and its first administrator, in one transaction. Two setups sent
 * at once wait for each other on a transaction lock; the second then finds the first one's municipality and is refused.
 */
export async function setUp(scope: CommandScope, input: SetupInput): Promise<CommandResult<SetUp>> {
  await scope.tx.execute(sql`select pg_advisory_xact_lock(${SETUP_LOCK})`);
  if (await isSetUp(scope.tx)) return refused(problem('setup.error.alreadySetUp'));
  const { municipalityId } = await loadMunicipality(scope, {
    municipality: { slug: input.slug, name: input.municipalityName, romanisedName: input.municipalityRomanisedName, kind: input.kind, prefecture: input.prefecture },
    wards: input.wards,
    districts: [],
  });
  await createUser(scope, { municipalityId, login: input.login, displayName: input.displayName, password: input.password, role: 'city_admin', wardId: null, organisationId: null, districtId: null, email: null });
  await scope.contentChanged(municipalityId);
  return { ok: true, value: { municipalitySlug: input.slug, login: input.login } };
}
