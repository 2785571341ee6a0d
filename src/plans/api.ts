import { Hono } from 'hono';
import type { AppContext, AppEnv } from '../kernel/web/context.ts';
import { NotFoundError } from '../kernel/web/errors.ts';
import { cachedJson } from '../kernel/web/render.tsx';
import { listWards, type Municipality } from '../municipalities/queries.ts';
import { municipalityInUrl } from '../municipalities/route-context.ts';
import { findPlan, listPlans, loadTree, type Period, type PlanNode, type PlanWithPeriods } from './queries.ts';

/** The period as the interchange document writes it: integer fiscal years, the levels, the philosophy. */
export function periodJson(period: Period) {
  return {
    period: period.number,
    name: period.name,
    nickname: period.nickname,
    fiscalYearStart: period.fiscalYearStart,
    fiscalYearEnd: period.fiscalYearEnd,
    status: period.status,
    philosophy: period.philosophy,
    levels: period.levels,
  };
}

export function nodeJson(node: PlanNode): Record<string, unknown> {
  return {
    id: node.id,
    code: node.code,
    title: node.title,
    description: node.description,
    owners: node.owners.map((o) => o.name),
    ownerKeys: node.owners.map((o) => o.key),
    situation: node.situation,
    vision: node.vision,
    keywords: node.keywords,
    examples: node.examples,
    sections: node.sections,
    children: node.children.map(nodeJson),
  };
}

async function planJson(c: AppContext, municipality: Municipality, plan: PlanWithPeriods) {
  const wards = await listWards(c.var.services.database.db, municipality.id);
  return {
    key: plan.key,
    tier: plan.tier,
    name: plan.name,
    nickname: plan.nickname,
    description: plan.description,
    ward: wards.find((w) => w.id === plan.wardId)?.name ?? null,
    periods: plan.periods.map(periodJson),
  };
}

export function planApi() {
  const app = new Hono<AppEnv>();
  app.get('/municipalities/:m/plans', (c) =>
    cachedJson(c, async () => {
      const municipality = municipalityInUrl(c);
      const plans = await listPlans(c.var.services.database.db, municipality.id);
      return { plans: await Promise.all(plans.map((plan) => planJson(c, municipality, plan))) };
    }),
  );
  app.get('/municipalities/:m/plans/:plan', (c) =>
    cachedJson(c, async () => {
      const municipality = municipalityInUrl(c);
      const plan = await findPlan(c.var.services.database.db, municipality.id, c.req.param('plan'));
      if (!plan) throw new NotFoundError();
      return planJson(c, municipality, plan);
    }),
  );
  app.get('/municipalities/:m/plans/:plan/periods/:n{[0-9]+}/tree', (c) =>
    cachedJson(c, async () => {
      const municipality = municipalityInUrl(c);
      const plan = await findPlan(c.var.services.database.db, municipality.id, c.req.param('plan'));
      const period = plan?.periods.find((p) => p.number === Number(c.req.param('n')));
      if (!plan || !period) throw new NotFoundError();
      const tree = await loadTree(c.var.services.database.db, municipality.id, period.id);
      return { plan: { ...(await planJson(c, municipality, plan)), periods: undefined }, ...periodJson(period), nodes: tree.map(nodeJson) };
    }),
  );
  return app;
}
