import { eq, sql } from 'drizzle-orm';
import type { Actor } from '../kernel/auth/actor.ts';
import { createUser } from '../kernel/auth/users.ts';
import { runCommand, type CommandScope } from '../kernel/db/command.ts';
import type { Database, Tx } from '../kernel/db/database.ts';
import { deleteMunicipalityData } from '../kernel/db/tenant.ts';
import { districts, municipalities, wards } from '../municipalities/schema.ts';
import { matchOrganisation, type Organisation } from '../organisations/queries.ts';
import { organisations } from '../organisations/schema.ts';
import { nodeOwners, planNodes, planPeriods, plans, type NodeSection } from '../plans/schema.ts';
import { DEMO_PASSWORD, demoAccounts, demoDistricts } from './accounts.ts';
import { readDemoSet, type DemoNode, type DemoPeriod, type DemoPlan } from './demo-data.ts';
import { insertDemoReports } from './load-reports.ts';
import { insertDemoMeetings } from './load-meetings.ts';

const demoActor: Actor = { kind: 'system', name: 'デモデータ読込' };

export type DemoSummary = { municipality: string; wards: number; organisations: number; plans: number; periods: number; nodes: number; accounts: number; reports: number };

type Ids = {
  municipalityId: string;
  wardIds: Map<string, string>;
  districtIds: Map<string, string>;
  organisations: Organisation[];
  planIds: Map<string, string>;
};

/** The lists a document sets beside a node's children, kept on the node as titled sections. */
function sectionsOf(node: DemoNode, periodNumber: number): NodeSection[] {
  const sections: NodeSection[] = [];
  for (const group of node.initiativesByActor ?? []) {
    sections.push({ title: `${group.actor}の取組`, items: group.items.map((i) => ({ heading: i.title, body: i.body ?? '' })) });
  }
  if (node.issues?.length) sections.push({ title: `第${periodNumber + 1}期計画に向けた主な課題`, items: node.issues.map((body) => ({ body })) });
  if (node.review?.length) sections.push({ title: '振り返り', items: node.review.map((body) => ({ body })) });
  return sections;
}

async function insertNodes(
  tx: Tx,
  ids: Ids,
  context: { periodId: string; periodNumber: number; wardId: string | null; planKey: string },
  nodes: DemoNode[],
  parentId: string | null,
): Promise<number> {
  let count = 0;
  for (const [position, node] of nodes.entries()) {
    const [row] = await tx
      .insert(planNodes)
      .values({
        municipalityId: ids.municipalityId,
        periodId: context.periodId,
        parentId,
        position,
        code: node.code ?? '',
        title: node.title,
        description: node.description ?? null,
        situation: node.situation ?? [],
        vision: node.vision ?? null,
        keywords: node.keywords ?? [],
        examples: node.examples ?? [],
        sections: sectionsOf(node, context.periodNumber),
        source: node.source ?? null,
      })
      .returning({ id: planNodes.id });
    const owners = (node.owners ?? []).map((written) => {
      const found = matchOrganisation(ids.organisations, written, context.wardId);
      if (!found) throw new Error(`デモデータ ${context.planKey} の「${node.code ?? ''} ${node.title}」: 推進主体「${written}」が登録簿にありません`);
      return found.id;
    });
    const uniqueOwners = [...new Set(owners)];
    if (uniqueOwners.length > 0) {
      await tx
        .insert(nodeOwners)
        .values(uniqueOwners.map((organisationId, i) => ({ municipalityId: ids.municipalityId, nodeId: row!.id, organisationId, position: i })));
    }
    count += 1 + (await insertNodes(tx, ids, context, node.children ?? [], row!.id));
  }
  return count;
}

async function insertPeriod(tx: Tx, ids: Ids, plan: DemoPlan, planId: string, wardId: string | null, period: DemoPeriod): Promise<number> {
  const [row] = await tx
    .insert(planPeriods)
    .values({
      municipalityId: ids.municipalityId,
      planId,
      number: period.period,
      fiscalYearStart: period.fiscalYearStart,
      fiscalYearEnd: period.fiscalYearEnd,
      name: period.name,
      nickname: period.nickname ?? null,
      philosophy: period.philosophy ?? null,
      levels: period.levels,
      status: period.status ?? 'adopted',
      source: period.source ?? null,
    })
    .returning({ id: planPeriods.id });
  return insertNodes(tx, ids, { periodId: row!.id, periodNumber: period.period, wardId, planKey: plan.key }, period.nodes, null);
}

async function insertPlan(tx: Tx, ids: Ids, plan: DemoPlan, wardSlug: string | null): Promise<{ periods: number; nodes: number }> {
  const wardId = wardSlug ? ids.wardIds.get(wardSlug) ?? null : null;
  if (wardSlug && !wardId) throw new Error(`デモデータ ${plan.key}: 区「${wardSlug}」がありません`);
  const parentPlanId = plan.parent ? ids.planIds.get(plan.parent) : null;
  if (plan.parent && !parentPlanId) throw new Error(`デモデータ ${plan.key}: 上位計画「${plan.parent}」がありません`);
  const [row] = await tx
    .insert(plans)
    .values({
      municipalityId: ids.municipalityId,
      key: plan.key,
      tier: plan.tier,
      wardId: plan.tier === 'city' ? null : wardId,
      parentPlanId: parentPlanId ?? null,
      name: plan.name,
      nickname: plan.nickname ?? null,
      description: plan.description ?? null,
    })
    .returning({ id: plans.id });
  ids.planIds.set(plan.key, row!.id);
  let nodes = 0;
  for (const period of plan.periods) nodes += await insertPeriod(tx, ids, plan, row!.id, wardId, period);
  return { periods: plan.periods.length, nodes };
}

async function insertRegistry(scope: CommandScope): Promise<Ids> {
  const { tx } = scope;
  const set = await readDemoSet();
  const m = set.municipality;
  const [municipality] = await tx.insert(municipalities).values(m.municipality).returning({ id: municipalities.id });
  const municipalityId = municipality!.id;
  const wardRows = await tx
    .insert(wards)
    .values(m.wards.map((w, position) => ({ municipalityId, slug: w.slug, name: w.name, position })))
    .returning({ id: wards.id, slug: wards.slug });
  const wardIds = new Map(wardRows.map((w) => [w.slug, w.id]));
  const wardOf = (slug: string | null | undefined) => {
    if (!slug) return null;
    const id = wardIds.get(slug);
    if (!id) throw new Error(`デモデータ: 区「${slug}」がありません`);
    return id;
  };
  const allDistricts = [...m.districts, ...demoDistricts];
  const districtRows = await tx
    .insert(districts)
    .values(allDistricts.map((d, position) => ({ municipalityId, slug: d.slug, name: d.name, wardId: wardOf(d.ward), position })))
    .returning({ id: districts.id, slug: districts.slug });
  const orgRows = await tx
    .insert(organisations)
    .values(
      m.organisations.map((o) => ({
        municipalityId,
        key: o.key,
        name: o.name,
        kind: o.kind,
        wardId: wardOf(o.ward),
        aliases: o.aliases,
        collective: o.collective,
        description: o.description ?? null,
      })),
    )
    .returning();
  return {
    municipalityId,
    wardIds,
    districtIds: new Map(districtRows.map((d) => [d.slug, d.id])),
    organisations: orgRows,
    planIds: new Map(),
  };
}

async function insertAccounts(scope: CommandScope, ids: Ids): Promise<number> {
  for (const account of demoAccounts) {
    const organisation = account.organisation ? ids.organisations.find((o) => o.key === account.organisation) : null;
    await createUser(scope, {
      login: account.login,
      displayName: account.displayName,
      password: DEMO_PASSWORD,
      role: account.role,
      municipalityId: ids.municipalityId,
      wardId: account.ward ? ids.wardIds.get(account.ward) ?? null : null,
      organisationId: organisation?.id ?? null,
      districtId: account.district ? ids.districtIds.get(account.district) ?? null : null,
    });
  }
  return demoAccounts.length;
}

/**
 * Loads the demo (横浜市 with 戸塚区, 鶴見区, 旭区, transcribed from the seed documents, and 旭区's reporting rounds) in
 * one transaction. With `replace`, an existing demo municipality is deleted first; without, an existing one is left alone.
 */
export async function loadDemo(database: Database, options: { replace?: boolean } = {}): Promise<DemoSummary | null> {
  const set = await readDemoSet();
  return runCommand(database, demoActor, async (scope) => {
    const { tx } = scope;
    const [existing] = await tx
      .select({ id: municipalities.id })
      .from(municipalities)
      .where(eq(municipalities.slug, set.municipality.municipality.slug));
    if (existing && !options.replace) return null;
    if (existing) await deleteMunicipalityData(tx, existing.id);
    const ids = await insertRegistry(scope);
    let periods = 0;
    let nodes = 0;
    const allPlans = [
      ...set.municipality.plans.map((plan) => ({ plan, ward: null as string | null })),
      ...set.wards.flatMap((file) => file.plans.map((plan) => ({ plan, ward: file.ward as string | null }))),
    ];
    for (const { plan, ward } of allPlans) {
      const counts = await insertPlan(tx, ids, plan, ward);
      periods += counts.periods;
      nodes += counts.nodes;
    }
    const accounts = await insertAccounts(scope, ids);
    const reports = await insertDemoReports(scope, ids);
    await insertDemoMeetings(scope, ids);
    await scope.contentChanged(ids.municipalityId);
    return {
      municipality: set.municipality.municipality.name,
      wards: ids.wardIds.size,
      organisations: ids.organisations.length,
      plans: allPlans.length,
      periods,
      nodes,
      accounts,
      reports,
    };
  });
}

export async function databaseIsEmpty(database: Database): Promise<boolean> {
  const [row] = await database.db.select({ n: sql<number>`count(*)::int` }).from(municipalities);
  return (row?.n ?? 0) === 0;
}
