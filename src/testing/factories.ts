import type { Actor, SessionUser } from '../kernel/auth/actor.ts';
import { findUserByLogin } from '../accounts/users.ts';
import type { Database } from '../kernel/db/database.ts';
import { loadDemo } from '../demo/load.ts';
import { findMunicipality } from '../municipalities/queries.ts';
import { findPlan, loadTree, type PlanWithPeriods } from '../plans/queries.ts';

/** Test data shared by the modules' tests: the demo, loaded into a fresh test database. */
export async function withDemo(database: Database) {
  await loadDemo(database);
  const municipality = (await findMunicipality(database.db, 'yokohama'))!;
  return {
    municipality,
    plan: async (key: string): Promise<PlanWithPeriods> => (await findPlan(database.db, municipality.id, key))!,
    tree: async (key: string, periodNumber: number) => {
      const plan = (await findPlan(database.db, municipality.id, key))!;
      const period = plan.periods.find((p) => p.number === periodNumber)!;
      return { plan, period, nodes: await loadTree(database.db, municipality.id, period.id) };
    },
    user: async (login: string): Promise<SessionUser> => {
      const row = await findUserByLogin(database.db, login);
      if (!row) throw new Error(`no demo user ${login}`);
      return {
        kind: 'user',
        id: row.id,
        municipalityId: row.municipalityId,
        login: row.login,
        displayName: row.displayName,
        role: row.role,
        wardId: row.wardId,
        organisationId: row.organisationId,
        districtId: row.districtId,
      };
    },
  };
}

export const systemActor: Actor = { kind: 'system', name: 'テスト' };
