import { Hono } from 'hono';
import type { z } from 'zod';
import { runCommand, type CommandResult, type CommandScope } from '../../kernel/db/command.ts';
import { contentDisposition } from '../../kernel/documents/download.ts';
import { DOCX_CONTENT_TYPE } from '../../kernel/documents/docx.ts';
import { PDF_CONTENT_TYPE } from '../../kernel/documents/pdf.ts';
import { latestEvent } from '../../kernel/audit/queries.ts';
import { translateProblem, translateProblems, type Problems } from '../../kernel/i18n/index.ts';
import type { AppContext, AppEnv } from '../../kernel/web/context.ts';
import { HttpError, NotFoundError } from '../../kernel/web/errors.ts';
import { chromeOf, html } from '../../kernel/web/render.tsx';
import { respond } from '../../kernel/web/respond.ts';
import { buttonInput, type FormBody } from '../../kernel/web/form.ts';
import { formatDateTime } from '../../kernel/ui/time.ts';
import { formatFiscalYear } from '../../kernel/wareki/index.ts';
import type { Municipality, Ward } from '../../municipalities/queries.ts';
import { listWardPlans } from '../../plans/queries.ts';
import { wardInUrl } from '../../municipalities/route-context.ts';
import { uuid } from '../../kernel/web/params.ts';
import { acceptedFiscalYears, acceptedReports } from '../../reports/queries.ts';
import { addMaterial, createMeeting, deleteMeeting, moveMaterial, removeMaterial, setShared, updateMaterial, updateMeeting } from '../commands.ts';
import { handoutFileName, meetingHandout, periodCovering } from '../handout/handout.ts';
import { renderHandoutDocx } from '../handout/handout-docx.ts';
import { renderHandoutPdf } from '../handout/handout-pdf.tsx';
import { handoutCss, meetingWhen } from '../handout/handout-view.tsx';
import {
  materialChoiceOf,
  moveInput,
  parseMaterial,
  parseMeeting,
  parseVersion,
  shareInput,
  suggestMaterialNumber,
  typedMaterial,
  typedMeeting,
  versionOnlyInput,
  type AgendaRowValues,
  type MaterialValues,
  type MeetingValues,
} from '../inputs.ts';
import { meetingPaths } from '../paths.ts';
import { meetingPolicy } from '../policy.ts';
import { listMeetings, type Material, type Meeting, type MeetingRecord } from '../queries.ts';
import { materialKinds, type MaterialKind } from '../schema.ts';
import { HandoutPage } from './handout-page.tsx';
import { MaterialFormPage, type MaterialSources } from './material-form-page.tsx';
import { MeetingFormPage, type MeetingConflict } from './meeting-form-page.tsx';
import { MeetingDeletePage } from './meeting-delete-page.tsx';
import { MeetingPage } from './meeting-page.tsx';
import { MeetingsPage } from './meetings-page.tsx';
import { meetingInUrl, noticeOf, withNotice, type MeetingNotice } from './context.ts';

type Result = CommandResult<Meeting, MeetingRecord>;
type Target = { municipalityId: string; meetingId: string };

const BLANK_AGENDA_ROWS = 3;
const blankAgenda = (n: number): AgendaRowValues[] => Array.from({ length: n }, () => ({ title: '', speaker: '', materials: '' }));

function meetingValues(record: MeetingRecord): MeetingValues {
  const { title, date, startTime, endTime, venue, notes } = record.meeting;
  const agenda = record.agenda.map((line) => ({ title: line.title, speaker: line.speaker ?? '', materials: line.materials.join(' ') }));
  return { title, date, startTime: startTime ?? '', endTime: endTime ?? '', venue, notes, agenda: [...agenda, ...blankAgenda(BLANK_AGENDA_ROWS)] };
}

/** The meeting as saved now, and who saved it when, for the conflict notice above a form that keeps what this user typed. */
async function conflictOf(c: AppContext, record: MeetingRecord): Promise<MeetingConflict> {
  const { t, locale } = c.var;
  const { meeting } = record;
  const last = await latestEvent(c.var.services.database.db, meeting.municipalityId, 'meeting', meeting.id);
  return {
    rows: [
      [t('meeting.title'), meeting.title],
      [t('meeting.when'), meetingWhen(meeting, { t, locale })],
      [t('meeting.venue'), meeting.venue],
      [t('meeting.agenda'), record.agenda.map((line, i) => `${i + 1} ${line.title}${line.speaker ? `　${line.speaker}` : ''}${line.materials.length ? `（${line.materials.join('・')}）` : ''}`).join('\n')],
      [t('meeting.materials'), record.materials.map((m) => `${m.number} ${m.title}`).join('\n')],
    ],
    savedBy: { who: last?.actorName ?? '—', when: formatDateTime(last?.at ?? meeting.updatedAt, locale) },
  };
}

async function materialSources(c: AppContext, ward: Ward, fiscalYear: number | null): Promise<MaterialSources> {
  const db = c.var.services.database.db;
  const plans = (await listWardPlans(db, ward.municipalityId, ward.id)).filter((plan) => plan.tier === 'ward');
  const fiscalYears = await acceptedFiscalYears(db, ward.municipalityId, ward.id);
  const year = fiscalYear ?? fiscalYears[0] ?? null;
  return {
    periods: plans.flatMap((plan) => plan.periods.map((period) => ({ plan, period }))),
    fiscalYears,
    reports: year === null ? [] : await acceptedReports(db, ward.municipalityId, ward.id, year, { publishedOnly: false }),
  };
}

/** A new material's first values: the next number, and the period and year the meeting most likely wants. */
async function newMaterialValues(c: AppContext, ward: Ward, record: MeetingRecord, kind: MaterialKind): Promise<MaterialValues> {
  const { t, locale } = c.var;
  const fiscalYear = record.meeting.fiscalYear - 1;
  const sources = await materialSources(c, ward, null);
  const year = sources.fiscalYears.includes(fiscalYear) ? fiscalYear : (sources.fiscalYears[0] ?? fiscalYear);
  const period = await periodCovering(c.var.services.database.db, ward, year);
  const titles: Record<MaterialKind, string> = {
    plan_overview: t('meeting.material.default.plan_overview', { period: period ? `第${period.number}期` : '' }),
    reports: t('meeting.material.default.reports', { fiscalYear: formatFiscalYear(year, { locale }) }),
    text: '',
  };
  return {
    kind,
    number: suggestMaterialNumber(record.materials.map((m) => m.number)),
    title: titles[kind],
    periodId: period?.id ?? sources.periods[0]?.period.id ?? '',
    fiscalYear: String(year),
    scope: 'all',
    reportIds: [],
    body: '',
  };
}

function storedMaterialValues(material: Material): MaterialValues {
  const choice = materialChoiceOf(material);
  return {
    kind: material.kind,
    number: material.number,
    title: material.title,
    periodId: choice?.kind === 'plan_overview' ? choice.options.periodId : '',
    fiscalYear: choice?.kind === 'reports' ? String(choice.options.fiscalYear) : '',
    scope: choice?.kind === 'reports' && choice.options.reportIds ? 'some' : 'all',
    reportIds: choice?.kind === 'reports' ? (choice.options.reportIds ?? []) : [],
    body: choice?.kind === 'text' ? choice.options.body : '',
  };
}

const kindOf = (text: string | undefined): MaterialKind | null => (materialKinds as readonly string[]).includes(text ?? '') ? (text as MaterialKind) : null;

type MaterialFormState = { materialId: string | null; values: MaterialValues; errors: Problems; conflict?: MeetingConflict | null; status?: 200 | 409 | 422 };

async function showMaterialForm(c: AppContext, municipality: Municipality, ward: Ward, record: MeetingRecord, kind: MaterialKind, state: MaterialFormState) {
  const year = Number(state.values.fiscalYear);
  const sources = await materialSources(c, ward, Number.isInteger(year) && year > 0 ? year : null);
  return html(
    c,
    <MaterialFormPage chrome={chromeOf(c)} municipality={municipality} ward={ward} record={record} materialId={state.materialId} kind={kind} values={state.values} sources={sources} errors={translateProblems(c.var.t, state.errors)} conflict={state.conflict ?? null} />,
    state.status ?? 200,
  );
}

/** Add or edit a material: the form pipeline, with the typed values kept whatever goes wrong. */
function materialWrite(command: (scope: CommandScope, target: Target, materialId: string, input: Parameters<typeof addMaterial>[2]) => Promise<Result>, notice: MeetingNotice) {
  return async (c: AppContext) => {
    const { municipality, ward, record } = await meetingInUrl(c, meetingPolicy.manage);
    const materialId = c.req.param('material') ?? null;
    const body = await c.req.parseBody({ all: true });
    const typed = typedMaterial(body);
    const kind = kindOf(typed.kind);
    if (!kind) throw new HttpError(422, c.var.t('meeting.error.kind'));
    const show = (state: Omit<MaterialFormState, 'materialId' | 'values'>, current = record) => showMaterialForm(c, municipality, ward, current, kind, { materialId, values: typed, ...state });
    if (body['intent'] === 'refresh') return show({ errors: {} });
    const parsed = parseMaterial(body);
    if (!parsed.ok) return show({ errors: parsed.errors, status: 422 });
    const target = { municipalityId: municipality.id, meetingId: record.meeting.id };
    const result = await runCommand(c.var.services.database, c.var.actor, (scope) => command(scope, target, materialId ?? '', parsed.value));
    return respond(c, result, {
      ok: () => withNotice(meetingPaths.meeting(municipality.slug, record.meeting.id), notice),
      invalid: (errors) => show({ errors, status: 422 }),
      conflict: async (current) => show({ errors: {}, conflict: await conflictOf(c, current), status: 409 }, current),
    });
  };
}

/** Move, delete, share: the buttons on the meeting page; a stale page or a refused step shows the page again, saying why. */
function meetingButton<S extends z.ZodType>(schema: S, command: (scope: CommandScope, target: Target, materialId: string, input: z.output<S>) => Promise<Result>, notice: (input: z.output<S>) => MeetingNotice) {
  return async (c: AppContext) => {
    const { municipality, ward, record } = await meetingInUrl(c, meetingPolicy.manage);
    const input = await buttonInput(c, schema);
    const target = { municipalityId: municipality.id, meetingId: record.meeting.id };
    const result = await runCommand(c.var.services.database, c.var.actor, (scope) => command(scope, target, c.req.param('material') ?? '', input));
    const showAgain = (current: MeetingRecord, refusal: string) => html(c, <MeetingPage chrome={chromeOf(c)} municipality={municipality} ward={ward} record={current} canManage notice={null} refusal={refusal} />, 409);
    return respond(c, result, {
      ok: () => withNotice(meetingPaths.meeting(municipality.slug, record.meeting.id), notice(input)),
      conflict: (current) => showAgain(current, c.var.t('meeting.conflict.buttons')),
      refused: ({ message }) => showAgain(record, translateProblem(c.var.t, message)),
    });
  };
}

/** The handout, built fresh from the database on every download: reports and photos change after acceptance too. */
async function sendHandout(c: AppContext, format: 'pdf' | 'docx') {
  const { ward, record } = await meetingInUrl(c, meetingPolicy.read);
  const handout = await meetingHandout(c.var.services.database.db, ward, record);
  const bytes = format === 'pdf' ? await renderHandoutPdf(handout, c.var.t, c.var.locale, c.var.services.config.chromiumPath) : await renderHandoutDocx(handout, c.var.t, c.var.locale);
  return c.body(new Uint8Array(bytes), 200, {
    'content-type': format === 'pdf' ? PDF_CONTENT_TYPE : DOCX_CONTENT_TYPE,
    'content-disposition': contentDisposition(handoutFileName(handout, format), `material.${format}`),
    'cache-control': 'private, no-store',
  });
}

/** The secretariat prepares a ward's committee meetings and their handout; committee members read shared ones. */
export function meetingAdminRoutes() {
  const app = new Hono<AppEnv>();
  const ward = '/admin/m/:m/wards/:ward/meetings';
  const meeting = `/admin/m/:m/meetings/${uuid('meeting')}`;
  const material = `${meeting}/materials/${uuid('material')}`;

  app.get('/meetings/handout.css', (c) => c.body(handoutCss, 200, { 'content-type': 'text/css; charset=utf-8', 'cache-control': 'public, max-age=3600' }));

  app.get(ward, async (c) => {
    const { municipality, ward } = wardInUrl(c, meetingPolicy.listShared);
    const canManage = meetingPolicy.manageWard(c.var.actor, { municipalityId: municipality.id, wardId: ward.id });
    const meetings = (await listMeetings(c.var.services.database.db, municipality.id, ward.id)).filter((m) => meetingPolicy.read(c.var.actor, m));
    return html(c, <MeetingsPage chrome={chromeOf(c)} municipality={municipality} ward={ward} meetings={meetings} canManage={canManage} notice={noticeOf(c)} />);
  });

  const showMeetingForm = (c: AppContext, municipality: Municipality, wardRow: Ward, editing: { id: string; version: number } | null, values: MeetingValues, errors: Problems, status: 200 | 409 | 422 = 200, conflict: MeetingConflict | null = null) =>
    html(c, <MeetingFormPage chrome={chromeOf(c)} municipality={municipality} ward={wardRow} editing={editing} values={values} errors={translateProblems(c.var.t, errors)} conflict={conflict} />, status);

  app.get(`${ward}/new`, async (c) => {
    const { municipality, ward } = wardInUrl(c, meetingPolicy.manageWard);
    const values = { title: c.var.t('meeting.titleDefault', { ward: ward.name }), date: '', startTime: '', endTime: '', venue: '', notes: '', agenda: blankAgenda(BLANK_AGENDA_ROWS) };
    return showMeetingForm(c, municipality, ward, null, values, {});
  });

  app.post(ward, async (c) => {
    const { municipality, ward } = wardInUrl(c, meetingPolicy.manageWard);
    const body: FormBody = await c.req.parseBody();
    const typed = typedMeeting(body);
    if (body['intent'] === 'more') return showMeetingForm(c, municipality, ward, null, { ...typed, agenda: [...typed.agenda, ...blankAgenda(BLANK_AGENDA_ROWS)] }, {});
    const parsed = parseMeeting(body);
    if (!parsed.ok) return showMeetingForm(c, municipality, ward, null, typed, parsed.errors, 422);
    const result = await runCommand(c.var.services.database, c.var.actor, (scope) => createMeeting(scope, { municipalityId: municipality.id, wardId: ward.id }, parsed.value));
    return respond(c, result, { ok: (created) => withNotice(meetingPaths.meeting(municipality.slug, created.id), 'created') });
  });

  app.get(meeting, async (c) => {
    const { municipality, ward, record } = await meetingInUrl(c, meetingPolicy.read);
    return html(c, <MeetingPage chrome={chromeOf(c)} municipality={municipality} ward={ward} record={record} canManage={meetingPolicy.manage(c.var.actor, record.meeting)} notice={noticeOf(c)} />);
  });

  app.get(`${meeting}/edit`, async (c) => {
    const { municipality, ward, record } = await meetingInUrl(c, meetingPolicy.manage);
    return showMeetingForm(c, municipality, ward, { id: record.meeting.id, version: record.meeting.version }, meetingValues(record), {});
  });

  app.post(meeting, async (c) => {
    const { municipality, ward, record } = await meetingInUrl(c, meetingPolicy.manage);
    const body: FormBody = await c.req.parseBody();
    const typed = typedMeeting(body);
    const version = parseVersion(body);
    const editing = { id: record.meeting.id, version: version.ok ? version.value : record.meeting.version };
    if (body['intent'] === 'more') return showMeetingForm(c, municipality, ward, editing, { ...typed, agenda: [...typed.agenda, ...blankAgenda(BLANK_AGENDA_ROWS)] }, {});
    const parsed = parseMeeting(body);
    if (!parsed.ok || !version.ok) return showMeetingForm(c, municipality, ward, editing, typed, { ...(parsed.ok ? {} : parsed.errors), ...(version.ok ? {} : version.errors) }, 422);
    const target = { municipalityId: municipality.id, meetingId: record.meeting.id };
    const result = await runCommand(c.var.services.database, c.var.actor, (scope) => updateMeeting(scope, target, { ...parsed.value, version: version.value }));
    return respond(c, result, {
      ok: () => withNotice(meetingPaths.meeting(municipality.slug, record.meeting.id), 'saved'),
      conflict: async (current) => showMeetingForm(c, municipality, ward, { id: current.meeting.id, version: current.meeting.version }, typed, {}, 409, await conflictOf(c, current)),
    });
  });

  app.get(`${meeting}/delete`, async (c) => {
    const { municipality, ward, record } = await meetingInUrl(c, meetingPolicy.delete);
    return html(c, <MeetingDeletePage chrome={chromeOf(c)} municipality={municipality} ward={ward} record={record} />);
  });

  app.post(`${meeting}/delete`, async (c) => {
    const { municipality, ward, record } = await meetingInUrl(c, meetingPolicy.delete);
    const input = await buttonInput(c, versionOnlyInput);
    const target = { municipalityId: municipality.id, meetingId: record.meeting.id };
    const result = await runCommand(c.var.services.database, c.var.actor, (scope) => deleteMeeting(scope, target, input));
    return respond(c, result, {
      ok: () => withNotice(meetingPaths.list(municipality.slug, ward.slug), 'deleted'),
      conflict: (current) => html(c, <MeetingDeletePage chrome={chromeOf(c)} municipality={municipality} ward={ward} record={current} refusal={c.var.t('meeting.delete.conflict')} />, 409),
    });
  });

  app.post(`${meeting}/share`, meetingButton(shareInput, (scope, target, _material, input) => setShared(scope, target, input), (input) => (input.shared ? 'shared' : 'unshared')));

  app.get(`${meeting}/materials/new`, async (c) => {
    const { municipality, ward, record } = await meetingInUrl(c, meetingPolicy.manage);
    const kind = kindOf(c.req.query('kind'));
    if (!kind) throw new NotFoundError();
    return showMaterialForm(c, municipality, ward, record, kind, { materialId: null, values: await newMaterialValues(c, ward, record, kind), errors: {} });
  });

  app.post(`${meeting}/materials`, materialWrite((scope, target, _material, input) => addMaterial(scope, target, input), 'materialAdded'));

  app.get(`${material}/edit`, async (c) => {
    const { municipality, ward, record } = await meetingInUrl(c, meetingPolicy.manage);
    const found = record.materials.find((m) => m.id === c.req.param('material'));
    if (!found) throw new NotFoundError();
    return showMaterialForm(c, municipality, ward, record, found.kind, { materialId: found.id, values: storedMaterialValues(found), errors: {} });
  });

  app.post(material, materialWrite(updateMaterial, 'materialSaved'));
  app.post(`${material}/move`, meetingButton(moveInput, moveMaterial, () => 'moved'));
  app.post(`${material}/delete`, meetingButton(versionOnlyInput, removeMaterial, () => 'materialRemoved'));

  app.get(`${meeting}/material`, async (c) => {
    const { municipality, ward, record } = await meetingInUrl(c, meetingPolicy.read);
    const handout = await meetingHandout(c.var.services.database.db, ward, record);
    return html(c, <HandoutPage chrome={chromeOf(c)} municipality={municipality} ward={ward} meetingId={record.meeting.id} handout={handout} />);
  });
  app.get(`${meeting}/material.pdf`, (c) => sendHandout(c, 'pdf'));
  app.get(`${meeting}/material.docx`, (c) => sendHandout(c, 'docx'));
  return app;
}
