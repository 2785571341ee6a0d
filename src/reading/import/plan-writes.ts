/**
 * The two writes the plans module has no command for yet, because only an import makes them: a new plan of a ward
 * and a new period of a plan. Each writes its audit row and signals the content change, like the plans' commands.
 */
import { randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { CommandScope } from '../../kernel/db/command.ts';
import { planPeriods, plans, type SourceRef } from '../../plans/schema.ts';
import type { CreatePeriod, CreatePlan } from './change-set.ts';

async function freeKey(scope: CommandScope, municipalityId: string, wanted: string): Promise<string> {
  const [taken] = await scope.tx.select({ id: plans.id }).from(plans).where(and(eq(plans.municipalityId, municipalityId), eq(plans.key, wanted)));
  return taken ? `${wanted}-${randomBytes(3).toString('hex')}` : wanted;
}

export async function insertImportedPlan(scope: CommandScope, target: { municipalityId: string; wardId: string; wardSlug: string }, op: CreatePlan): Promise<string> {
  const key = await freeKey(scope, target.municipalityId, `${target.wardSlug}-${op.tier}`);
  const [row] = await scope.tx
    .insert(plans)
    .values({ municipalityId: target.municipalityId, key, tier: op.tier, wardId: target.wardId, districtId: op.districtId, name: op.name, nickname: op.nickname })
    .returning();
  const { createdAt: _c, updatedAt: _u, ...after } = row!;
  await scope.audit({ municipalityId: target.municipalityId, entityType: 'plan', entityId: row!.id, action: 'create', after });
  await scope.contentChanged(target.municipalityId);
  return row!.id;
}

export async function insertImportedPeriod(scope: CommandScope, target: { municipalityId: string; planId: string; source: SourceRef }, op: CreatePeriod): Promise<string> {
  const [row] = await scope.tx
    .insert(planPeriods)
    .values({
      municipalityId: target.municipalityId,
      planId: target.planId,
      number: op.number,
      fiscalYearStart: op.fiscalYearStart,
      fiscalYearEnd: op.fiscalYearEnd,
      name: op.name,
      nickname: op.nickname,
      philosophy: op.philosophy,
      levels: op.levels,
      status: op.status,
      source: target.source,
    })
    .returning();
  const { createdAt: _c, updatedAt: _u, ...after } = row!;
  await scope.audit({ municipalityId: target.municipalityId, entityType: 'plan_period', entityId: row!.id, action: 'create', after });
  await scope.contentChanged(target.municipalityId);
  return row!.id;
}
