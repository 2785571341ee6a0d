import { Hono } from 'hono';
import { DOCX_CONTENT_TYPE } from '../kernel/documents/docx.ts';
import { sendDocument } from '../kernel/documents/download.ts';
import { PDF_CONTENT_TYPE } from '../kernel/documents/pdf.ts';
import type { AppContext, AppEnv } from '../kernel/web/context.ts';
import { NotFoundError } from '../kernel/web/errors.ts';
import { cachedHtml, chromeOf } from '../kernel/web/render.tsx';
import { wardOf, type Municipality } from '../municipalities/queries.ts';
import { municipalityInUrl } from '../municipalities/route-context.ts';
import { planFileName } from './documents/plan-document.ts';
import { renderPlanDocx } from './documents/plan-docx.ts';
import { renderPlanPdf } from './documents/plan-pdf.tsx';
import { currentPeriod, findPlan, findPlanById, listChildPlans, loadTree, type PlanWithPeriods } from './queries.ts';
import { PeriodHistoryPage, PlanPage } from './views/plan-page.tsx';

async function planOf(c: AppContext, municipality: Municipality): Promise<PlanWithPeriods> {
  const plan = await findPlan(c.var.services.database.db, municipality.id, c.req.param('plan') ?? '');
  if (!plan) throw new NotFoundError();
  return plan;
}

const planDocumentFormats = {
  pdf: { contentType: PDF_CONTENT_TYPE, render: renderPlanPdf },
  docx: { contentType: DOCX_CONTENT_TYPE, render: renderPlanDocx },
} as const;

/** A period of a plan as a file to download, generated once and then served from the page cache. */
function planDocument(extension: keyof typeof planDocumentFormats) {
  return async (c: AppContext) => {
    const municipality = municipalityInUrl(c);
    const plan = await planOf(c, municipality);
    const period = plan.periods.find((p) => p.number === Number(c.req.param('n')));
    if (!period) throw new NotFoundError();
    const { contentType, render } = planDocumentFormats[extension];
    const { t, locale } = c.var;
    return sendDocument(c, {
      contentType,
      fileName: planFileName(plan, period, locale, extension),
      render: async () => render({ municipality, plan, period, tree: await loadTree(c.var.services.database.db, municipality.id, period.id), t, locale }, c.var.services.config.chromiumPath),
    });
  };
}

async function renderPlan(c: AppContext, periodNumber: number | null) {
  const db = c.var.services.database.db;
  const municipality = municipalityInUrl(c);
  const plan = await planOf(c, municipality);
  const period = periodNumber === null ? currentPeriod(plan) : plan.periods.find((p) => p.number === periodNumber);
  if (period === undefined) throw new NotFoundError();
  return (
    <PlanPage
      chrome={chromeOf(c)}
      municipality={municipality}
      ward={await wardOf(db, municipality.id, plan.wardId)}
      plan={plan}
      period={period}
      tree={period ? await loadTree(db, municipality.id, period.id) : []}
      parent={plan.parentPlanId ? await findPlanById(db, municipality.id, plan.parentPlanId) : null}
      children={await listChildPlans(db, municipality.id, plan.id)}
    />
  );
}

/** Public plan pages: the plan (its current period), any period (also as PDF and Word), the period history (an item's page is site/'s). */
export function planRoutes() {
  const app = new Hono<AppEnv>();
  app.get('/m/:m/plans/:plan', (c) => cachedHtml(c, () => renderPlan(c, null)));
  app.get('/m/:m/plans/:plan/periods', (c) =>
    cachedHtml(c, async () => {
      const municipality = municipalityInUrl(c);
      const plan = await planOf(c, municipality);
      const ward = await wardOf(c.var.services.database.db, municipality.id, plan.wardId);
      return <PeriodHistoryPage chrome={chromeOf(c)} municipality={municipality} ward={ward} plan={plan} />;
    }),
  );
  app.get('/m/:m/plans/:plan/periods/:n{[0-9]+}', (c) => cachedHtml(c, () => renderPlan(c, Number(c.req.param('n')))));
  app.get('/m/:m/plans/:plan/periods/:n{[0-9]+}/plan.pdf', planDocument('pdf'));
  app.get('/m/:m/plans/:plan/periods/:n{[0-9]+}/plan.docx', planDocument('docx'));
  return app;
}
