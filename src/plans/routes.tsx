import { Hono } from 'hono';
import type { AppContext, AppEnv } from '../kernel/web/context.ts';
import { NotFoundError } from '../kernel/web/errors.ts';
import { cachedHtml, chromeOf } from '../kernel/web/render.tsx';
import { findMunicipality, findWardById, type Municipality } from '../municipalities/queries.ts';
import { currentPeriod, findNodeInContext, findPlan, findPlanById, listChildPlans, loadTree, type PlanWithPeriods } from './queries.ts';
import { NodePage } from './views/node-page.tsx';
import { PeriodHistoryPage, PlanPage } from './views/plan-page.tsx';

async function municipalityOf(c: AppContext): Promise<Municipality> {
  const municipality = await findMunicipality(c.var.services.database.db, c.req.param('m') ?? '');
  if (!municipality) throw new NotFoundError();
  return municipality;
}

async function planOf(c: AppContext, municipality: Municipality): Promise<PlanWithPeriods> {
  const plan = await findPlan(c.var.services.database.db, municipality.id, c.req.param('plan') ?? '');
  if (!plan) throw new NotFoundError();
  return plan;
}

async function renderPlan(c: AppContext, periodNumber: number | null) {
  const db = c.var.services.database.db;
  const municipality = await municipalityOf(c);
  const plan = await planOf(c, municipality);
  const period = periodNumber === null ? currentPeriod(plan) : plan.periods.find((p) => p.number === periodNumber);
  if (period === undefined) throw new NotFoundError();
  return (
    <PlanPage
      chrome={chromeOf(c)}
      municipality={municipality}
      ward={plan.wardId ? await findWardById(db, municipality.id, plan.wardId) : null}
      plan={plan}
      period={period}
      tree={period ? await loadTree(db, municipality.id, period.id) : []}
      parent={plan.parentPlanId ? await findPlanById(db, municipality.id, plan.parentPlanId) : null}
      children={await listChildPlans(db, municipality.id, plan.id)}
    />
  );
}

/** Public plan pages: the plan (its current period), any period, the period history, one item. */
export function planRoutes() {
  const app = new Hono<AppEnv>();
  app.get('/m/:m/plans/:plan', (c) => cachedHtml(c, () => renderPlan(c, null)));
  app.get('/m/:m/plans/:plan/periods', (c) =>
    cachedHtml(c, async () => {
      const municipality = await municipalityOf(c);
      const plan = await planOf(c, municipality);
      const ward = plan.wardId ? await findWardById(c.var.services.database.db, municipality.id, plan.wardId) : null;
      return <PeriodHistoryPage chrome={chromeOf(c)} municipality={municipality} ward={ward} plan={plan} />;
    }),
  );
  app.get('/m/:m/plans/:plan/periods/:n{[0-9]+}', (c) => cachedHtml(c, () => renderPlan(c, Number(c.req.param('n')))));
  app.get('/m/:m/nodes/:id{[0-9a-f-]{36}}', (c) =>
    cachedHtml(c, async () => {
      const db = c.var.services.database.db;
      const municipality = await municipalityOf(c);
      const context = await findNodeInContext(db, municipality.id, c.req.param('id'));
      if (!context) throw new NotFoundError();
      const ward = context.plan.wardId ? await findWardById(db, municipality.id, context.plan.wardId) : null;
      return <NodePage chrome={chromeOf(c)} municipality={municipality} ward={ward} context={context} />;
    }),
  );
  return app;
}
