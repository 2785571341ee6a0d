import { Hono } from 'hono';
import { z } from 'zod';
import { authorize } from '../../kernel/auth/policy.ts';
import { runCommand } from '../../kernel/db/command.ts';
import { translateProblem, translateProblems, type Problems } from '../../kernel/i18n/index.ts';
import { todayInJapan } from '../../kernel/ui/time.ts';
import type { AppContext, AppEnv } from '../../kernel/web/context.ts';
import { NotFoundError } from '../../kernel/web/errors.ts';
import { buttonInput, type FormBody } from '../../kernel/web/form.ts';
import { chromeOf, html } from '../../kernel/web/render.tsx';
import { respond } from '../../kernel/web/respond.ts';
import { says } from '../../kernel/web/validation.ts';
import { fiscalYearOf } from '../../kernel/wareki/index.ts';
import type { Municipality } from '../../municipalities/queries.ts';
import { municipalityInUrl } from '../../municipalities/route-context.ts';
import { findPlan, flattenTree, loadTree, nodeLabel, periodTitle, type PlanWithPeriods } from '../../plans/queries.ts';
import { saveScale, saveYear, setYearPublished } from '../commands.ts';
import { gradeRowsOf, parseEntries, parseScale, typedEntries, type EntryValues, type GradeRowValues } from '../inputs.ts';
import { evaluationPaths } from '../paths.ts';
import { evaluationPolicy } from '../policy.ts';
import { isScalePreset, scalePresets } from '../presets.ts';
import { evaluationsOfYear, publicationsOf, scaleOf, type NodeEvaluation, type Scale } from '../queries.ts';
import type { Grade } from '../schema.ts';
import { evaluationYears, periodOfYear } from '../years.ts';
import { noticeOf, withNotice } from './notices.ts';
import { ScalePage } from './scale-page.tsx';
import { YearPage } from './year-page.tsx';
import { YearsPage } from './years-page.tsx';

const BLANK_ROWS = 2;
const blankRows = (n: number): GradeRowValues[] => Array.from({ length: n }, () => ({ label: '', meaning: '' }));
const rowsOf = (grades: Grade[]): GradeRowValues[] => [...grades.map(({ label, meaning }) => ({ label, meaning })), ...blankRows(BLANK_ROWS)];
const currentFiscalYear = () => fiscalYearOf(todayInJapan());

/** The plan named in the URL, after checking the user may evaluate it. */
async function evaluablePlan(c: AppContext): Promise<{ municipality: Municipality; plan: PlanWithPeriods }> {
  const municipality = municipalityInUrl(c);
  const plan = await findPlan(c.var.services.database.db, municipality.id, c.req.param('plan') ?? '');
  authorize(c.var.actor, plan !== null && evaluationPolicy.evaluate(c.var.actor, plan));
  return { municipality, plan: plan! };
}

/** The plan, the fiscal year in the URL and its period's items, with the scale the year is evaluated on (none: 404). */
async function evaluableYear(c: AppContext) {
  const { municipality, plan } = await evaluablePlan(c);
  const fiscalYear = Number(c.req.param('year'));
  const period = periodOfYear(plan.periods, fiscalYear, currentFiscalYear());
  const db = c.var.services.database.db;
  const scale = await scaleOf(db, municipality.id, plan.id);
  if (!period || !scale) throw new NotFoundError();
  const nodes = flattenTree(await loadTree(db, municipality.id, period.id));
  return { municipality, plan, fiscalYear, period, scale, nodes };
}

type YearState = { values?: Map<string, EntryValues>; errors?: Problems; conflicts?: Map<string, NodeEvaluation | null>; refusal?: string | null; status?: 200 | 409 | 422 };

async function showYear(c: AppContext, year: Awaited<ReturnType<typeof evaluableYear>>, state: YearState = {}) {
  const db = c.var.services.database.db;
  const { municipality, plan, fiscalYear, period, scale, nodes } = year;
  const saved = await evaluationsOfYear(db, municipality.id, nodes.map((n) => n.id), fiscalYear);
  const byNode = new Map(saved.map((e) => [e.nodeId, e]));
  const asSaved = new Map(nodes.map((node) => [node.id, { grade: byNode.get(node.id)?.grade ?? '', comment: byNode.get(node.id)?.comment ?? '', version: String(byNode.get(node.id)?.version ?? 0) }]));
  // What was typed stays; after a conflict it stands on the versions saved now: saving again is a choice made seeing theirs.
  const values = new Map(
    nodes.map((node) => {
      const typed = state.values?.get(node.id);
      const saved = asSaved.get(node.id)!;
      return [node.id, typed ? { ...typed, version: state.conflicts ? saved.version : typed.version } : saved];
    }),
  );
  const published = (await publicationsOf(db, municipality.id, plan.id)).some((p) => p.fiscalYear === fiscalYear);
  return html(
    c,
    <YearPage
      chrome={chromeOf(c)}
      m={municipality.slug}
      plan={plan}
      fiscalYear={fiscalYear}
      period={period}
      nodes={nodes}
      grades={scale.grades}
      saved={saved}
      values={values}
      published={published}
      notice={noticeOf(c)}
      errors={translateProblems(c.var.t, state.errors ?? {})}
      {...(state.conflicts ? { conflicts: state.conflicts } : {})}
      refusal={state.refusal ?? null}
    />,
    state.status ?? 200,
  );
}

const publishInput = z.object({ published: z.enum(['1', '0'], says('form.invalid')).transform((v) => v === '1') });

/** The secretariat's evaluation pages: a plan's scale, its fiscal years, one year's evaluation of every item, publishing. */
export function evaluationAdminRoutes() {
  const app = new Hono<AppEnv>();
  const plan = '/admin/m/:m/plans/:plan';
  const year = `${plan}/evaluations/:year{[0-9]{4}}`;

  app.get(`${plan}/evaluations`, async (c) => {
    const { municipality, plan } = await evaluablePlan(c);
    const db = c.var.services.database.db;
    const published = new Set((await publicationsOf(db, municipality.id, plan.id)).map((p) => p.fiscalYear));
    const years = [];
    for (const { fiscalYear, period } of evaluationYears(plan.periods, currentFiscalYear())) {
      const ids = flattenTree(await loadTree(db, municipality.id, period.id)).map((n) => n.id);
      const done = (await evaluationsOfYear(db, municipality.id, ids, fiscalYear)).length;
      years.push({ fiscalYear, periodTitle: periodTitle(period, c.var.locale), done, all: ids.length, published: published.has(fiscalYear) });
    }
    const scale = await scaleOf(db, municipality.id, plan.id);
    return html(c, <YearsPage chrome={chromeOf(c)} m={municipality.slug} plan={plan} scale={scale} years={years} notice={noticeOf(c)} />);
  });

  const showScale = (c: AppContext, m: string, planRow: PlanWithPeriods, version: number, rows: GradeRowValues[], extra: { errors?: Problems; conflict?: Scale | null; refusal?: string; status?: 200 | 409 | 422 } = {}) =>
    html(
      c,
      <ScalePage
        chrome={chromeOf(c)}
        m={m}
        plan={planRow}
        version={version}
        rows={rows}
        errors={translateProblems(c.var.t, extra.errors ?? {})}
        conflict={extra.conflict?.grades ?? null}
        refusal={extra.refusal ?? null}
      />,
      extra.status ?? 200,
    );

  app.get(`${plan}/evaluation-scale`, async (c) => {
    const { municipality, plan } = await evaluablePlan(c);
    const scale = await scaleOf(c.var.services.database.db, municipality.id, plan.id);
    const preset = c.req.query('preset');
    const grades = isScalePreset(preset) ? scalePresets[preset] : (scale?.grades ?? []);
    return showScale(c, municipality.slug, plan, scale?.version ?? 0, grades.length > 0 ? rowsOf(grades) : blankRows(BLANK_ROWS + 1));
  });

  app.post(`${plan}/evaluation-scale`, async (c) => {
    const { municipality, plan } = await evaluablePlan(c);
    const body: FormBody = await c.req.parseBody();
    const typed = gradeRowsOf(body);
    const parsed = parseScale(body);
    const version = Number(body['version']) || 0;
    if (body['intent'] === 'more') return showScale(c, municipality.slug, plan, version, [...typed, ...blankRows(BLANK_ROWS)]);
    if (!parsed.ok) return showScale(c, municipality.slug, plan, version, typed, { errors: parsed.errors, status: 422 });
    const result = await runCommand(c.var.services.database, c.var.actor, (scope) => saveScale(scope, { municipalityId: municipality.id, planId: plan.id }, parsed.value));
    return respond(c, result, {
      ok: () => withNotice(evaluationPaths.years(municipality.slug, plan.key), 'scaleSaved'),
      conflict: (current) => showScale(c, municipality.slug, plan, current?.version ?? 0, typed, { conflict: current, status: 409 }),
      refused: ({ message }) => showScale(c, municipality.slug, plan, version, typed, { refusal: translateProblem(c.var.t, message), status: 409 }),
    });
  });

  app.get(year, async (c) => showYear(c, await evaluableYear(c)));

  app.post(year, async (c) => {
    const found = await evaluableYear(c);
    const { municipality, plan, fiscalYear, period, scale, nodes } = found;
    const body: FormBody = await c.req.parseBody();
    const items = nodes.map((node) => ({ id: node.id, label: nodeLabel(node, period.levels, node.depth) }));
    const typed = typedEntries(body, items.map((item) => item.id));
    const parsed = parseEntries(body, items, scale.grades);
    if (!parsed.ok) return showYear(c, found, { values: typed, errors: parsed.errors, status: 422 });
    const target = { municipalityId: municipality.id, planId: plan.id, fiscalYear };
    const result = await runCommand(c.var.services.database, c.var.actor, (scope) => saveYear(scope, target, parsed.value));
    return respond(c, result, {
      ok: () => withNotice(evaluationPaths.year(municipality.slug, plan.key, fiscalYear), 'saved'),
      conflict: ({ current, conflicting }) => {
        const byNode = new Map(current.map((e) => [e.nodeId, e]));
        return showYear(c, found, { values: typed, conflicts: new Map(conflicting.map((id) => [id, byNode.get(id) ?? null])), status: 409 });
      },
      refused: ({ message }) => showYear(c, found, { values: typed, refusal: translateProblem(c.var.t, message), status: 409 }),
    });
  });

  app.post(`${year}/publication`, async (c) => {
    const found = await evaluableYear(c);
    const { municipality, plan, fiscalYear } = found;
    const input = await buttonInput(c, publishInput);
    const result = await runCommand(c.var.services.database, c.var.actor, (scope) => setYearPublished(scope, { municipalityId: municipality.id, planId: plan.id, fiscalYear }, input));
    return respond(c, result, {
      ok: (published) => withNotice(evaluationPaths.year(municipality.slug, plan.key, fiscalYear), published ? 'published' : 'unpublished'),
      refused: ({ message }) => showYear(c, found, { refusal: translateProblem(c.var.t, message), status: 409 }),
    });
  });
  return app;
}
