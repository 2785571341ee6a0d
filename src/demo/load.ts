import { sql } from 'drizzle-orm';
import type { Actor } from '../kernel/auth/actor.ts';
import { createUser } from '../accounts/commands.ts';
import { runCommand, type CommandScope } from '../kernel/db/command.ts';
import type { Database } from '../kernel/db/database.ts';
import { deleteMunicipalityData } from '../kernel/db/tenant.ts';
import { todayInJapan } from '../kernel/ui/time.ts';
import { loadMunicipality } from '../municipalities/commands.ts';
import { findMunicipality, listMunicipalities } from '../municipalities/queries.ts';
import { loadOrganisations } from '../organisations/commands.ts';
import { matchOrganisation, type Organisation } from '../organisations/queries.ts';
import { loadPlan, type NodeLoad, type PeriodLoad } from '../plans/commands.ts';
import type { NodeSection } from '../plans/queries.ts';
import { DEMO_PASSWORD, demoAccounts, demoDistricts } from './accounts.ts';
import { districtLoads, generatedDistricts } from './districts.ts';
import { loadDistricts } from '../districts/commands.ts';
import { readDemoSet, type DemoNode, type DemoPeriod, type DemoPlan } from './demo-data.ts';
import { insertDemoReports } from './load-reports.ts';
import { insertDemoMeetings } from './load-meetings.ts';
import { insertDemoEvaluations } from './load-evaluations.ts';

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

function ownerIdsOf(ids: Ids, planKey: string, wardId: string | null, node: DemoNode): string[] {
  return (node.owners ?? []).map((written) => {
    const found = matchOrganisation(ids.organisations, written, wardId);
    if (!found) throw new Error(`デモデータ ${planKey} の「${node.code ?? ''} ${node.title}」: 推進主体「${written}」が登録簿にありません`);
    return found.id;
  });
}

function nodeLoad(ids: Ids, context: { periodNumber: number; wardId: string | null; planKey: string }, node: DemoNode): NodeLoad {
  return {
    code: node.code ?? '',
    title: node.title,
    description: node.description ?? null,
    situation: node.situation ?? [],
    vision: node.vision ?? null,
    keywords: node.keywords ?? [],
    examples: node.examples ?? [],
    sections: sectionsOf(node, context.periodNumber),
    source: node.source ?? null,
    ownerIds: ownerIdsOf(ids, context.planKey, context.wardId, node),
    children: (node.children ?? []).map((child) => nodeLoad(ids, context, child)),
  };
}

function periodLoad(ids: Ids, plan: DemoPlan, wardId: string | null, period: DemoPeriod): PeriodLoad {
  const context = { periodNumber: period.period, wardId, planKey: plan.key };
  return {
    number: period.period,
    fiscalYearStart: period.fiscalYearStart,
    fiscalYearEnd: period.fiscalYearEnd,
    name: period.name,
    nickname: period.nickname ?? null,
    philosophy: period.philosophy ?? null,
    levels: period.levels,
    status: period.status ?? 'adopted',
    source: period.source ?? null,
    nodes: period.nodes.map((node) => nodeLoad(ids, context, node)),
  };
}

async function insertPlan(scope: CommandScope, ids: Ids, plan: DemoPlan, wardSlug: string | null): Promise<{ periods: number; nodes: number }> {
  const wardId = wardSlug ? ids.wardIds.get(wardSlug) ?? null : null;
  if (wardSlug && !wardId) throw new Error(`デモデータ ${plan.key}: 区「${wardSlug}」がありません`);
  const parentPlanId = plan.parent ? ids.planIds.get(plan.parent) : null;
  if (plan.parent && !parentPlanId) throw new Error(`デモデータ ${plan.key}: 上位計画「${plan.parent}」がありません`);
  const { planId, nodes } = await loadPlan(scope, ids.municipalityId, {
    key: plan.key,
    tier: plan.tier,
    wardId: plan.tier === 'city' ? null : wardId,
    parentPlanId: parentPlanId ?? null,
    name: plan.name,
    nickname: plan.nickname ?? null,
    description: plan.description ?? null,
    periods: plan.periods.map((period) => periodLoad(ids, plan, wardId, period)),
  });
  ids.planIds.set(plan.key, planId);
  return { periods: plan.periods.length, nodes };
}

async function insertRegistry(scope: CommandScope): Promise<Ids> {
  const set = await readDemoSet();
  const m = set.municipality;
  const wards = m.wards.map(({ contact, ...ward }) => ({ ...ward, contactDepartment: contact?.department ?? null, contactPhone: contact?.phone ?? null, contactEmail: contact?.email ?? null }));
  const loaded = await loadMunicipality(scope, { municipality: m.municipality, wards, districts: [...m.districts, ...demoDistricts, ...generatedDistricts] });
  const wardOf = (slug: string | null | undefined) => {
    if (!slug) return null;
    const id = loaded.wardIds.get(slug);
    if (!id) throw new Error(`デモデータ: 区「${slug}」がありません`);
    return id;
  };
  const organisations = await loadOrganisations(
    scope,
    loaded.municipalityId,
    m.organisations.map((o) => ({ key: o.key, name: o.name, kind: o.kind, wardId: wardOf(o.ward), aliases: o.aliases, collective: o.collective, description: o.description ?? null })),
  );
  return { ...loaded, organisations, planIds: new Map() };
}

async function insertAccounts(scope: CommandScope, ids: Ids): Promise<number> {
  for (const account of demoAccounts) {
    const organisation = account.organisation ? ids.organisations.find((o) => o.key === account.organisation) : null;
    await createUser(scope, {
      login: account.login,
      displayName: account.displayName,
      password: DEMO_PASSWORD,
      passwordPublished: true,
      role: account.role,
      municipalityId: ids.municipalityId,
      wardId: account.ward ? ids.wardIds.get(account.ward) ?? null : null,
      organisationId: organisation?.id ?? null,
      districtId: account.district ? ids.districtIds.get(account.district) ?? null : null,
      email: null,
    });
  }
  return demoAccounts.length;
}

/**
 * Loads the demo (横浜市 with 戸塚区, 鶴見区, 旭区, transcribed from the seed documents, and 旭区's reporting rounds) in
 * one transaction. With `replace`, an existing demo municipality is deleted first; without, an existing one is left alone.
 * The made-up round is placed relative to `today` (by default today in Japan); what the documents record keeps its dates.
 */
/** Any fixed number, other than the migrations' and the setup's. */
const DEMO_LOCK = 741_852_964;

export async function loadDemo(database: Database, options: { replace?: boolean; today?: string } = {}): Promise<DemoSummary | null> {
  const set = await readDemoSet();
  return runCommand(database, demoActor, async (scope) => {
    // Processes starting together on one empty database take turns: the second finds the demo the first loaded.
    await scope.tx.execute(sql`select pg_advisory_xact_lock(${DEMO_LOCK})`);
    const existing = await findMunicipality(scope.tx, set.municipality.municipality.slug);
    if (existing && !options.replace) return null;
    if (existing) await deleteMunicipalityData(scope.tx, existing.id);
    const ids = await insertRegistry(scope);
    let periods = 0;
    let nodes = 0;
    const allPlans = [
      ...set.municipality.plans.map((plan) => ({ plan, ward: null as string | null })),
      ...set.wards.flatMap((file) => file.plans.map((plan) => ({ plan, ward: file.ward as string | null }))),
    ];
    for (const { plan, ward } of allPlans) {
      const counts = await insertPlan(scope, ids, plan, ward);
      periods += counts.periods;
      nodes += counts.nodes;
    }
    const accounts = await insertAccounts(scope, ids);
    const reports = await insertDemoReports(scope, ids, options.today ?? todayInJapan());
    await insertDemoMeetings(scope, ids);
    await insertDemoEvaluations(scope, ids);
    await loadDistricts(scope, ids.municipalityId, districtLoads((slug) => ids.districtIds.get(slug)!));
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
  return (await listMunicipalities(database.db)).length === 0;
}
