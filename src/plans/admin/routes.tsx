import { Hono } from 'hono';
import { latestEvent, historyOf } from '../../kernel/audit/queries.ts';
import { authorize } from '../../kernel/auth/policy.ts';
import { runCommand } from '../../kernel/db/command.ts';
import { problem, translateProblems, type Problems } from '../../kernel/i18n/index.ts';
import { formatDateTime } from '../../kernel/ui/time.ts';
import type { AppContext, AppEnv } from '../../kernel/web/context.ts';
import { NotFoundError } from '../../kernel/web/errors.ts';
import { buttonInput, textFields } from '../../kernel/web/form.ts';
import { uuid } from '../../kernel/web/params.ts';
import { chromeOf, html } from '../../kernel/web/render.tsx';
import { respond } from '../../kernel/web/respond.ts';
import type { Municipality } from '../../municipalities/queries.ts';
import { municipalityInUrl } from '../../municipalities/route-context.ts';
import { listOrganisationsForWard, organisationsByIds } from '../../organisations/queries.ts';
import { addNode, deleteNode, moveNode, updateNode, updatePeriod } from '../commands.ts';
import { fieldErrors } from '../../kernel/web/validation.ts';
import { deleteInput, moveInput, newNodeInput, nodeFormToInput, nodeInput, periodInput } from '../inputs.ts';
import { planPaths } from '../paths.ts';
import { planPolicy } from '../policy.ts';
import { findNodeInContext, findPlan, loadTree, type NodeInContext, type Period, type PlanWithPeriods } from '../queries.ts';
import { noticeOf, withNotice, type PlanNotice } from './notices.ts';
import { NodeFormPage, valuesOfNode, type NodeFormValues } from './node-form.tsx';
import { NodeHistoryPage, ownerIdsIn } from './history-page.tsx';
import { PeriodFormPage, valuesOfPeriod } from './period-form.tsx';
import { TreeEditorPage } from './tree-editor.tsx';

/** The plan and period named in the URL, after checking the user may edit that plan. */
async function editablePeriod(c: AppContext): Promise<{ municipality: Municipality; plan: PlanWithPeriods; period: Period }> {
  const municipality = municipalityInUrl(c);
  const plan = await findPlan(c.var.services.database.db, municipality.id, c.req.param('plan') ?? '');
  authorize(c.var.actor, plan !== null && planPolicy.edit(c.var.actor, plan));
  const period = plan!.periods.find((p) => p.number === Number(c.req.param('n')));
  if (!period) throw new NotFoundError();
  return { municipality, plan: plan!, period };
}

/** The node named in the URL, after checking the user may edit its plan. */
async function editableNode(c: AppContext): Promise<{ municipality: Municipality; context: NodeInContext }> {
  const municipality = municipalityInUrl(c);
  const context = await findNodeInContext(c.var.services.database.db, municipality.id, c.req.param('id') ?? '');
  authorize(c.var.actor, context !== null && planPolicy.edit(c.var.actor, context.plan));
  return { municipality, context: context! };
}

/** The tree editor of the node's or period's plan, saying what was done. */
function treeOf(m: string, context: { plan: { key: string }; period: { number: number } }, notice: PlanNotice, anchor = '') {
  return withNotice(planPaths.adminPeriod(m, context.plan.key, context.period.number), notice, anchor);
}

async function ownerChoices(c: AppContext, context: NodeInContext) {
  return listOrganisationsForWard(c.var.services.database.db, context.plan.municipalityId, context.plan.wardId);
}

async function renderNodeForm(c: AppContext, m: string, context: NodeInContext, values: NodeFormValues, errors: Problems, status: 200 | 409 | 422, conflictValues?: NodeFormValues) {
  let conflict = null;
  if (conflictValues) {
    const last = await latestEvent(c.var.services.database.db, context.plan.municipalityId, 'plan_node', context.node.id);
    conflict = { values: conflictValues, who: last?.actorName ?? '—', when: last ? formatDateTime(last.at, c.var.locale) : '—' };
  }
  return html(
    c,
    <NodeFormPage chrome={chromeOf(c)} m={m} context={context} organisations={await ownerChoices(c, context)} values={values} errors={translateProblems(c.var.t, errors)} conflict={conflict} />,
    status,
  );
}

/** What the user typed, as form values, when it did not pass validation: shown again so nothing is lost. */
function asTyped(raw: ReturnType<typeof nodeFormToInput>, version: number): NodeFormValues {
  const text = (key: string) => String(raw[key] ?? '');
  const lines = (key: string) => text(key).split(/\r?\n/);
  return {
    version: Number(raw['version']) || version,
    code: text('code'),
    title: text('title'),
    description: text('description'),
    vision: text('vision'),
    keywords: lines('keywords'),
    examples: lines('examples'),
    situation: raw['situation'] as NodeFormValues['situation'],
    sections: raw['sections'] as NodeFormValues['sections'],
    ownerIds: raw['ownerIds'] as string[],
  };
}

/** The secretariat's plan editor: tree, period, item form, moves, deletion, history. */
export function planAdminRoutes() {
  const app = new Hono<AppEnv>();
  const base = '/admin/m/:m/plans/:plan/periods/:n{[0-9]+}';

  app.get(base, async (c) => {
    const { municipality, plan, period } = await editablePeriod(c);
    const tree = await loadTree(c.var.services.database.db, municipality.id, period.id);
    return html(c, <TreeEditorPage chrome={chromeOf(c)} municipality={municipality} plan={plan} period={period} tree={tree} notice={noticeOf(c)} />);
  });

  app.get(`${base}/edit`, async (c) => {
    const { municipality, plan, period } = await editablePeriod(c);
    return html(c, <PeriodFormPage chrome={chromeOf(c)} m={municipality.slug} plan={plan} period={period} values={valuesOfPeriod(period)} errors={{}} conflict={false} />);
  });

  app.post(`${base}/edit`, async (c) => {
    const { municipality, plan, period } = await editablePeriod(c);
    const raw = textFields(await c.req.parseBody());
    const values = { ...valuesOfPeriod(period), ...raw, version: Number(raw['version'] ?? period.version) };
    const parsed = periodInput.safeParse(raw);
    const show = (errors: Problems, conflict: boolean, status: 200 | 409 | 422) =>
      html(c, <PeriodFormPage chrome={chromeOf(c)} m={municipality.slug} plan={plan} period={period} values={{ ...values, version: conflict ? period.version : values.version }} errors={translateProblems(c.var.t, errors)} conflict={conflict} />, status);
    if (!parsed.success) return show(fieldErrors(parsed.error), false, 422);
    const result = await runCommand(c.var.services.database, c.var.actor, (scope) => updatePeriod(scope, { municipalityId: municipality.id, periodId: period.id }, parsed.data));
    return respond(c, result, { ok: () => treeOf(municipality.slug, { plan, period }, 'saved'), conflict: () => show({}, true, 409) });
  });

  app.post(`${base}/nodes`, async (c) => {
    const { municipality, period } = await editablePeriod(c);
    const input = await buttonInput(c, newNodeInput);
    const result = await runCommand(c.var.services.database, c.var.actor, (scope) => addNode(scope, { municipalityId: municipality.id, periodId: period.id }, input));
    return respond(c, result, { ok: (node) => planPaths.adminNodeEdit(municipality.slug, node.id) });
  });

  app.get(`/admin/m/:m/nodes/${uuid('id')}/edit`, async (c) => {
    const { municipality, context } = await editableNode(c);
    return renderNodeForm(c, municipality.slug, context, valuesOfNode(context), {}, 200);
  });

  app.post(`/admin/m/:m/nodes/${uuid('id')}`, async (c) => {
    const { municipality, context } = await editableNode(c);
    const raw = nodeFormToInput(await c.req.parseBody({ all: true }));
    const parsed = nodeInput.safeParse(raw);
    const typed = parsed.success ? parsed.data : asTyped(raw, context.node.version);
    if (!parsed.success) return renderNodeForm(c, municipality.slug, context, typed, fieldErrors(parsed.error), 422);
    const allowed = new Set((await ownerChoices(c, context)).map((o) => o.id));
    if (parsed.data.ownerIds.some((id) => !allowed.has(id))) return renderNodeForm(c, municipality.slug, context, typed, { ownerIds: problem('plan.error.owners') }, 422);
    const result = await runCommand(c.var.services.database, c.var.actor, (scope) => updateNode(scope, { municipalityId: municipality.id, nodeId: context.node.id }, parsed.data));
    return respond(c, result, {
      ok: () => treeOf(municipality.slug, context, 'saved', `#item-${context.node.id}`),
      conflict: (current) => renderNodeForm(c, municipality.slug, context, { ...parsed.data, version: current.version }, {}, 409, { ...current, ownerIds: current.ownerIds }),
    });
  });

  app.post(`/admin/m/:m/nodes/${uuid('id')}/move`, async (c) => {
    const { municipality, context } = await editableNode(c);
    const { direction } = await buttonInput(c, moveInput);
    await runCommand(c.var.services.database, c.var.actor, (scope) => moveNode(scope, { municipalityId: municipality.id, nodeId: context.node.id }, direction));
    return c.redirect(treeOf(municipality.slug, context, 'moved', `#item-${context.node.id}`), 303);
  });

  app.post(`/admin/m/:m/nodes/${uuid('id')}/delete`, async (c) => {
    const { municipality, context } = await editableNode(c);
    const { version } = await buttonInput(c, deleteInput);
    const result = await runCommand(c.var.services.database, c.var.actor, (scope) => deleteNode(scope, { municipalityId: municipality.id, nodeId: context.node.id }, version));
    return respond(c, result, {
      ok: () => treeOf(municipality.slug, context, 'deleted'),
      conflict: (current) => renderNodeForm(c, municipality.slug, context, valuesOfNode(context), {}, 409, { ...current }),
    });
  });

  app.get(`/admin/m/:m/nodes/${uuid('id')}/history`, async (c) => {
    const { municipality, context } = await editableNode(c);
    authorize(c.var.actor, planPolicy.readHistory(c.var.actor, context.plan));
    const { db } = c.var.services.database;
    const events = await historyOf(db, municipality.id, 'plan_node', context.node.id);
    const owners = await organisationsByIds(db, municipality.id, ownerIdsIn(events));
    const chrome = chromeOf(c);
    const ownerName = (id: string) => owners.get(id)?.name ?? chrome.t('history.unknownOrganisation');
    return html(c, <NodeHistoryPage chrome={chrome} m={municipality.slug} context={context} events={events} ownerName={ownerName} formatTime={(d) => formatDateTime(d, c.var.locale)} />);
  });
  return app;
}
