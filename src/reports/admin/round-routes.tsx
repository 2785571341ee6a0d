import { Hono } from 'hono';
import { contentDisposition } from '../../kernel/documents/download.ts';
import { CSV_CONTENT_TYPE, toCsv } from '../../kernel/documents/csv.ts';
import { runCommand } from '../../kernel/db/command.ts';
import { translateProblem, translateProblems, type Problems } from '../../kernel/i18n/index.ts';
import { formatDateTime, todayInJapan } from '../../kernel/ui/time.ts';
import type { AppContext, AppEnv } from '../../kernel/web/context.ts';
import { chromeOf, html } from '../../kernel/web/render.tsx';
import { respond } from '../../kernel/web/respond.ts';
import { buttonInput } from '../../kernel/web/form.ts';
import { fiscalYearOf, formatFiscalYear } from '../../kernel/wareki/index.ts';
import type { Municipality, Ward } from '../../municipalities/queries.ts';
import { listOrganisationsForWard } from '../../organisations/queries.ts';
import { currentPeriod, flattenTree, listWardPlans, loadTree } from '../../plans/queries.ts';
import { addAssignments, openRound, reviewInBulk, saveReportForm, setRoundStatus, type BulkOutcome } from '../commands.ts';
import { isPreset, reportFormPresets } from '../fields.ts';
import {
  assignmentRowsOf,
  fieldRowsOf,
  parseAddAssignments,
  parseBulkReview,
  parseOpenRound,
  parseReportForm,
  roundStatusInput,
  type AssignmentRowValues,
  type BulkReviewInput,
  type FieldRowValues,
} from '../inputs.ts';
import { textOf, textsOf, type FormBody } from '../../kernel/web/form.ts';
import { reportPaths } from '../paths.ts';
import { reportPolicy } from '../policy.ts';
import { acceptedReports, groupByGoal, itemTitle, listRounds, nodeLabelOf, ownerNames, reportFormOf, reportHeading, type ReportItem, type Round, roundItems } from '../queries.ts';
import type { ReportField } from '../schema.ts';
import { awaitsReview, isOutstanding } from '../workflow.ts';
import { AcceptedReportsPage } from './accepted-page.tsx';
import { noticeOf, reviewNoticeOf, roundInUrl, withNotice } from './context.ts';
import { wardInUrl } from '../../municipalities/route-context.ts';
import { uuid } from '../../kernel/web/params.ts';
import { FormSettingsPage } from './form-settings-page.tsx';
import { OpenRoundPage, type OpenRoundValues, type PeriodChoice } from './open-round-page.tsx';
import { itemTimeLeft, RoundPage } from './round-page.tsx';
import { RoundsPage } from './rounds-page.tsx';
import { reminderPanel, reminderRoutes } from '../reminders/routes.tsx';
import { HttpError } from '../../kernel/web/errors.ts';
import { AddAssignmentsPage } from './add-assignments-page.tsx';
import { doneMessages, noBulk, selections, type BulkPanel, type BulkResult, type Selection } from './bulk-review.tsx';

const BLANK_ROWS = 3;
const blankRows = (n: number): AssignmentRowValues[] => Array.from({ length: n }, () => ({ nodeId: '', title: '', ownerIds: [] }));

/** The periods of the ward's own plan that have items, with the items in tree order. */
async function periodChoices(c: AppContext, municipality: Municipality, ward: Ward): Promise<PeriodChoice[]> {
  const db = c.var.services.database.db;
  const plans = (await listWardPlans(db, municipality.id, ward.id)).filter((plan) => plan.tier === 'ward');
  const choices: PeriodChoice[] = [];
  for (const plan of plans) {
    for (const period of plan.periods) {
      const nodes = flattenTree(await loadTree(db, municipality.id, period.id));
      if (nodes.length > 0) choices.push({ plan, period, nodes });
    }
  }
  return choices;
}

/** A first draft of the round's rows: every item of the current period that names owners, reported on by them. */
function suggestedRows(choices: PeriodChoice[]): AssignmentRowValues[] {
  const current = choices.find(({ plan, period }) => currentPeriod(plan)?.id === period.id);
  const owned = (current?.nodes ?? []).filter((node) => node.owners.length > 0);
  return [...owned.map((node) => ({ nodeId: node.id, title: '', ownerIds: node.owners.map((o) => o.id) })), ...blankRows(BLANK_ROWS)];
}

function typedRound(body: FormBody): OpenRoundValues {
  return { title: textOf(body['title']), fiscalYear: textOf(body['fiscalYear']), deadline: textOf(body['deadline']), rows: assignmentRowsOf(body) };
}

async function showOpenRound(c: AppContext, municipality: Municipality, ward: Ward, values: OpenRoundValues, errors: Problems, status: 200 | 422) {
  const db = c.var.services.database.db;
  const periods = await periodChoices(c, municipality, ward);
  const organisations = await listOrganisationsForWard(db, municipality.id, ward.id);
  const { fields } = await reportFormOf(db, municipality.id, ward.id);
  return html(c, <OpenRoundPage chrome={chromeOf(c)} municipality={municipality} ward={ward} periods={periods} organisations={organisations} fields={fields} values={values} errors={translateProblems(c.var.t, errors)} />, status);
}

const asRows = (fields: ReportField[]): FieldRowValues[] => fields.map((f) => ({ key: f.key, label: f.label, kind: f.kind, options: f.options.join('\n') }));
/** A template's fields, keeping the keys of same-named fields the ward already has (their values stay linked). */
function presetRows(current: ReportField[], preset: ReportField[]): FieldRowValues[] {
  return asRows(preset.map((field) => ({ ...field, key: current.find((f) => f.label === field.label)?.key ?? field.key })));
}

const blankFieldRows = (n: number): FieldRowValues[] => Array.from({ length: n }, () => ({ key: '', label: '', kind: 'text', options: '' }));

/** The reminder list as a file for mail merges and phone calls. */
function remindersCsv(c: AppContext, items: ReportItem[], today: string): string {
  const { t, locale } = c.var;
  const header = [t('report.owners'), t('report.item'), t('report.node'), t('report.state'), t('report.dashboard.lastChange'), t('report.round.deadline'), t('report.dashboard.daysLeft')];
  const rows = items.map((item) => [
    ownerNames(item),
    itemTitle(item),
    nodeLabelOf(item),
    t(`report.state.${item.report.state}`),
    `${formatDateTime(item.report.updatedAt, locale)} ${item.report.lastChangedBy}`,
    item.round.deadline,
    itemTimeLeft(t, item, today),
  ]);
  return toCsv([header, ...rows]);
}

/** The notice on the round's page; after the review of its last waiting report, it says none is left. */
async function roundNotice(c: AppContext, round: Round, items: ReportItem[]): Promise<string | null> {
  const notice = await reviewNoticeOf(c, round.municipalityId);
  const reviewedLast = c.req.query('previous') !== undefined && !items.some((item) => awaitsReview(item.report.state, round.status));
  return notice && reviewedLast ? `${notice}${c.var.t('report.queue.none')}` : notice;
}

/** The round's dashboard, with the bulk form as `bulk` says (ticked reports, the last result, the form's errors). */
async function showRound(c: AppContext, municipality: Municipality, ward: Ward, round: Round, bulk: (items: ReportItem[]) => BulkPanel, status: 200 | 422 = 200) {
  const items = await roundItems(c.var.services.database.db, round);
  const formatTime = (d: Date) => formatDateTime(d, c.var.locale);
  return html(
    c,
    <RoundPage
      chrome={chromeOf(c)}
      municipality={municipality}
      ward={ward}
      round={round}
      items={items}
      today={todayInJapan()}
      notice={await roundNotice(c, round, items)}
      formatTime={formatTime}
      reminders={await reminderPanel(c, round, items)}
      bulk={bulk(items)}
    />,
    status,
  );
}

const isSelection = (value: string | undefined): value is Selection => value !== undefined && Object.hasOwn(selections, value);

/** The bulk action's outcome in words: how many went through, each report that did not by its name, with why. */
function bulkResult(c: AppContext, input: BulkReviewInput, outcomes: BulkOutcome[], items: ReportItem[]): BulkResult {
  const names = new Map(items.map((item) => [item.report.id, reportHeading(item)]));
  const done = outcomes.filter((o) => o.done).length;
  return {
    done: done > 0 ? c.var.t(doneMessages[input.action], { n: done }) : c.var.t('report.bulk.done.none'),
    refused: outcomes.flatMap((o) => (o.done ? [] : [{ report: names.get(o.reportId) ?? c.var.t('report.bulk.unknownReport'), why: translateProblem(c.var.t, o.why) }])),
  };
}

async function showAddAssignments(c: AppContext, municipality: Municipality, ward: Ward, round: Round, rows: AssignmentRowValues[], errors: Problems, status: 200 | 422) {
  if (round.status === 'closed') throw new HttpError(409, c.var.t('report.refused.addToClosed'));
  const period = (await periodChoices(c, municipality, ward)).find((choice) => choice.period.id === round.periodId);
  if (!period) throw new HttpError(409, c.var.t('report.error.rowsOfRound'));
  const organisations = await listOrganisationsForWard(c.var.services.database.db, municipality.id, ward.id);
  return html(c, <AddAssignmentsPage chrome={chromeOf(c)} m={municipality.slug} ward={ward} round={round} period={period} organisations={organisations} rows={rows} errors={translateProblems(c.var.t, errors)} />, status);
}

/** The secretariat's side of a ward's cycle: rounds, opening one, its dashboard and reminder list, the form. */
export function roundAdminRoutes() {
  const app = new Hono<AppEnv>();
  const ward = '/admin/m/:m/wards/:ward';
  const round = `/admin/m/:m/rounds/${uuid('round')}`;
  app.route('/', reminderRoutes());

  app.get(`${ward}/rounds`, async (c) => {
    const { municipality, ward } = wardInUrl(c, reportPolicy.manageWard);
    const rounds = await listRounds(c.var.services.database.db, municipality.id, ward.id);
    return html(c, <RoundsPage chrome={chromeOf(c)} municipality={municipality} ward={ward} rounds={rounds} notice={noticeOf(c)} />);
  });

  app.get(`${ward}/rounds/new`, async (c) => {
    const { municipality, ward } = wardInUrl(c, reportPolicy.manageWard);
    const fiscalYear = fiscalYearOf(todayInJapan()) - 1;
    const title = c.var.t('report.round.titleDefault', { fiscalYear: formatFiscalYear(fiscalYear, { locale: c.var.locale }) });
    const rows = suggestedRows(await periodChoices(c, municipality, ward));
    return showOpenRound(c, municipality, ward, { title, fiscalYear: String(fiscalYear), deadline: '', rows }, {}, 200);
  });

  app.post(`${ward}/rounds`, async (c) => {
    const { municipality, ward } = wardInUrl(c, reportPolicy.manageWard);
    const body = await c.req.parseBody({ all: true });
    const typed = typedRound(body);
    if (body['intent'] === 'more') return showOpenRound(c, municipality, ward, { ...typed, rows: [...typed.rows, ...blankRows(BLANK_ROWS)] }, {}, 200);
    const parsed = parseOpenRound(body);
    if (!parsed.ok) return showOpenRound(c, municipality, ward, typed, parsed.errors, 422);
    const target = { municipalityId: municipality.id, wardId: ward.id };
    const result = await runCommand(c.var.services.database, c.var.actor, (scope) => openRound(scope, target, parsed.value));
    return respond(c, result, {
      ok: (opened) => withNotice(reportPaths.round(municipality.slug, opened.id), 'opened'),
      invalid: (errors) => showOpenRound(c, municipality, ward, typed, errors, 422),
    });
  });

  app.get(`${ward}/report-form`, async (c) => {
    const { municipality, ward } = wardInUrl(c, reportPolicy.manageWard);
    const form = await reportFormOf(c.var.services.database.db, municipality.id, ward.id);
    const preset = c.req.query('preset');
    const rows = isPreset(preset) ? presetRows(form.fields, reportFormPresets[preset]) : asRows(form.fields);
    return html(c, <FormSettingsPage chrome={chromeOf(c)} municipality={municipality} ward={ward} version={form.version} rows={[...rows, ...blankFieldRows(2)]} errors={{}} conflict={null} />);
  });

  app.post(`${ward}/report-form`, async (c) => {
    const { municipality, ward } = wardInUrl(c, reportPolicy.manageWard);
    const body = await c.req.parseBody();
    const typed = fieldRowsOf(body);
    const show = (errors: Problems, version: number, conflict: ReportField[] | null, status: 409 | 422) =>
      html(c, <FormSettingsPage chrome={chromeOf(c)} municipality={municipality} ward={ward} version={version} rows={typed} errors={translateProblems(c.var.t, errors)} conflict={conflict} />, status);
    const parsed = parseReportForm(body);
    if (!parsed.ok) return show(parsed.errors, Number(body['version']) || 0, null, 422);
    const result = await runCommand(c.var.services.database, c.var.actor, (scope) => saveReportForm(scope, { municipalityId: municipality.id, wardId: ward.id }, parsed.value));
    return respond(c, result, {
      ok: () => withNotice(reportPaths.rounds(municipality.slug, ward.slug), 'formSaved'),
      conflict: (current) => show({}, current.version, current.fields, 409),
    });
  });

  app.get(`${ward}/reports/:fiscalYear{[0-9]{4}}`, async (c) => {
    const { municipality, ward } = wardInUrl(c, reportPolicy.readAccepted);
    const fiscalYear = Number(c.req.param('fiscalYear'));
    const items = await acceptedReports(c.var.services.database.db, municipality.id, ward.id, fiscalYear, { publishedOnly: false });
    return html(c, <AcceptedReportsPage chrome={chromeOf(c)} ward={ward} fiscalYear={fiscalYear} groups={groupByGoal(items)} />);
  });

  app.get(round, async (c) => {
    const { municipality, ward, round } = await roundInUrl(c);
    const select = c.req.query('select');
    const ticked = (items: ReportItem[]) => new Set(isSelection(select) ? items.filter(selections[select]).map((item) => item.report.id) : []);
    return showRound(c, municipality, ward, round, (items) => ({ ...noBulk, selected: ticked(items) }));
  });

  app.post(`${round}/review`, async (c) => {
    const { municipality, ward, round } = await roundInUrl(c);
    const body = await c.req.parseBody({ all: true });
    const parsed = parseBulkReview(body);
    if (!parsed.ok) {
      const errors = translateProblems(c.var.t, parsed.errors);
      return showRound(c, municipality, ward, round, () => ({ selected: new Set(textsOf(body['report'])), result: null, errors }), 422);
    }
    const target = { municipalityId: municipality.id, roundId: round.id };
    const outcomes = await runCommand(c.var.services.database, c.var.actor, (scope) => reviewInBulk(scope, target, parsed.value));
    const refused = new Set(outcomes.flatMap((o) => (o.done ? [] : [o.reportId])));
    return showRound(c, municipality, ward, round, (items) => ({ selected: refused, result: bulkResult(c, parsed.value, outcomes, items), errors: {} }));
  });

  app.get(`${round}/assignments`, async (c) => {
    const { municipality, ward, round } = await roundInUrl(c);
    return showAddAssignments(c, municipality, ward, round, blankRows(1), {}, 200);
  });

  app.post(`${round}/assignments`, async (c) => {
    const { municipality, ward, round } = await roundInUrl(c);
    const body = await c.req.parseBody({ all: true });
    const typed = assignmentRowsOf(body);
    if (body['intent'] === 'more') return showAddAssignments(c, municipality, ward, round, [...typed, ...blankRows(BLANK_ROWS)], {}, 200);
    const parsed = parseAddAssignments(body);
    if (!parsed.ok) return showAddAssignments(c, municipality, ward, round, typed, parsed.errors, 422);
    const result = await runCommand(c.var.services.database, c.var.actor, (scope) => addAssignments(scope, { municipalityId: municipality.id, roundId: round.id }, parsed.value));
    return respond(c, result, {
      ok: () => withNotice(reportPaths.round(municipality.slug, round.id), 'added'),
      invalid: (errors) => showAddAssignments(c, municipality, ward, round, typed, errors, 422),
    });
  });

  app.get(`${round}/reminders.csv`, async (c) => {
    const { ward, round } = await roundInUrl(c);
    const outstanding = (await roundItems(c.var.services.database.db, round)).filter((item) => isOutstanding(item.report.state));
    const fileName = `${ward.name}_${formatFiscalYear(round.fiscalYear, { locale: c.var.locale })}_${c.var.t('report.csv.fileName')}.csv`;
    return c.body(remindersCsv(c, outstanding, todayInJapan()), 200, {
      'content-type': CSV_CONTENT_TYPE,
      'content-disposition': contentDisposition(fileName, 'reminders.csv'),
      'cache-control': 'no-store',
    });
  });

  app.post(`${round}/status`, async (c) => {
    const { municipality, round } = await roundInUrl(c);
    const input = await buttonInput(c, roundStatusInput);
    const result = await runCommand(c.var.services.database, c.var.actor, (scope) => setRoundStatus(scope, { municipalityId: municipality.id, roundId: round.id }, input));
    return respond(c, result, { ok: () => withNotice(reportPaths.round(municipality.slug, round.id), input.status === 'closed' ? 'closed' : 'reopened') });
  });

  return app;
}
