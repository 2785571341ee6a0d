import { randomBytes } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { CommandScope } from '../kernel/db/command.ts';
import type { OrganisationInput } from './inputs.ts';
import type { Organisation } from './queries.ts';
import { organisations } from './schema.ts';
import { indexOrganisations } from './search.ts';

export type OrganisationResult =
  | { ok: true; value: Organisation }
  | { ok: false; reason: 'conflict'; current: Organisation }
  | { ok: false; reason: 'not_found' };

function snapshot(row: Organisation) {
  const { createdAt: _c, updatedAt: _u, ...rest } = row;
  return rest;
}

/** A key for URLs: readable enough to recognise, unique by its random part. */
function newKey(kind: string): string {
  return `${kind.replace(/_/g, '-')}-${randomBytes(4).toString('hex')}`;
}

export async function createOrganisation(scope: CommandScope, municipalityId: string, input: OrganisationInput): Promise<Organisation> {
  const { version: _v, ...fields } = input;
  const [row] = await scope.tx
    .insert(organisations)
    .values({ municipalityId, key: newKey(input.kind), ...fields })
    .returning();
  await scope.audit({ municipalityId, entityType: 'organisation', entityId: row!.id, action: 'create', after: snapshot(row!) });
  await indexOrganisations(scope, municipalityId, [row!]);
  await scope.contentChanged(municipalityId);
  return row!;
}

export async function updateOrganisation(scope: CommandScope, target: { municipalityId: string; id: string }, input: OrganisationInput): Promise<OrganisationResult> {
  const [current] = await scope.tx
    .select()
    .from(organisations)
    .where(and(eq(organisations.municipalityId, target.municipalityId), eq(organisations.id, target.id)))
    .for('update');
  if (!current) return { ok: false, reason: 'not_found' };
  if (current.version !== input.version) return { ok: false, reason: 'conflict', current };
  const { version: _v, ...fields } = input;
  const [row] = await scope.tx
    .update(organisations)
    .set({ ...fields, version: current.version + 1, updatedAt: sql`now()` })
    .where(and(eq(organisations.municipalityId, target.municipalityId), eq(organisations.id, target.id)))
    .returning();
  await scope.audit({ municipalityId: target.municipalityId, entityType: 'organisation', entityId: target.id, action: 'update', before: snapshot(current), after: snapshot(row!) });
  await indexOrganisations(scope, target.municipalityId, [row!]);
  await scope.contentChanged(target.municipalityId);
  return { ok: true, value: row! };
}

/** An organisation of the registry as bulk loaded: its own key, its ward by id. */
export type OrganisationLoad = Pick<Organisation, 'key' | 'name' | 'kind' | 'wardId' | 'aliases' | 'collective' | 'description'>;

/** Bulk-loads a municipality's registry of organisations (the demo); no audit rows, as for the municipality itself. */
export async function loadOrganisations(scope: CommandScope, municipalityId: string, load: OrganisationLoad[]): Promise<Organisation[]> {
  const rows = await scope.tx
    .insert(organisations)
    .values(load.map((o) => ({ ...o, municipalityId })))
    .returning();
  await indexOrganisations(scope, municipalityId, rows);
  return rows;
}
