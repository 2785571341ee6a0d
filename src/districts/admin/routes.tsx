import { Hono } from 'hono';
import type { JSX } from 'hono/jsx/jsx-runtime';
import { runCommand, type CommandResult, type CommandScope } from '../../kernel/db/command.ts';
import { translateProblems, type Locale, type Problems, type Translate } from '../../kernel/i18n/index.ts';
import { todayInJapan } from '../../kernel/ui/time.ts';
import type { AppContext, AppEnv } from '../../kernel/web/context.ts';
import { NotFoundError } from '../../kernel/web/errors.ts';
import { buttonInput, type FormBody, type Parsed } from '../../kernel/web/form.ts';
import { uuid } from '../../kernel/web/params.ts';
import { chromeOf, html } from '../../kernel/web/render.tsx';
import { respond } from '../../kernel/web/respond.ts';
import { formatDate, formatFiscalYear } from '../../kernel/wareki/index.ts';
import { placeText } from '../../municipalities/names.ts';
import { listDistricts, type District } from '../../municipalities/queries.ts';
import { wardInUrl } from '../../municipalities/route-context.ts';
import { planPaths } from '../../plans/paths.ts';
import { createDistrictPlan, deleteActivity, recordActivity, replaceStatistics, replaceTeam, setMilestones, updateActivity, updateDetails } from '../commands.ts';
import { districtInUrl, districtPlanView, districtView, noticeOf, withNotice } from '../context.ts';
import {
  parseActivity,
  parseActivityEdit,
  parseDetails,
  parseMembers,
  parseMilestones,
  parsePlan,
  parseStatistics,
  parseVersion,
  typedActivity,
  typedDetails,
  typedMembers,
  typedMilestones,
  typedPlan,
  typedStatistics,
  versionOnlyInput,
  type ActivityValues,
  type MemberValues,
  type MilestoneValues,
  type StatisticValues,
} from '../inputs.ts';
import { districtPaths } from '../paths.ts';
import { districtPolicy } from '../policy.ts';
import { districtFile, findActivity, nextSteps, type Activity, type DistrictFile } from '../queries.ts';
import { formatFigure } from '../views/district-parts.tsx';
import { DistrictAdminPage } from './district-admin-page.tsx';
import { ActivityFormPage, DetailsFormPage, MilestonesFormPage, PlanFormPage, StatisticsFormPage, TeamFormPage, WardDistrictsAdminPage, type FormFrame } from './form-pages.tsx';

const BLANK_ROWS = 3;
const blank = <V,>(row: V, n = BLANK_ROWS): V[] => Array.from({ length: n }, () => ({ ...row }));
const blankMember: MemberValues = { organisation: '', unit: '', name: '', lead: '' };
const blankStatistic: StatisticValues = { fiscalYear: '', item: '', value: '', unit: '' };

type Words = { t: Translate; locale: Locale };

/** One part of the district's record kept under its version: how its form reads, saves and shows what is saved. */
type RecordForm<V, I> = {
  suffix: string;
  saved: (file: DistrictFile, words: Words) => V;
  typed: (body: FormBody) => V;
  /** The same values with blank rows added (the form's 「行を増やす」); none for a form without rows. */
  more?: (values: V) => V;
  parse: (body: FormBody) => Parsed<I & { version: number }>;
  command: (scope: CommandScope, district: District, input: I & { version: number }) => Promise<CommandResult<DistrictFile, DistrictFile>>;
  page: (frame: FormFrame, version: number, values: V) => JSX.Element;
  /** What is saved now, for the conflict notice. */
  savedRows: (file: DistrictFile, words: Words) => [string, string][];
};

const memberLine = (t: Translate, m: DistrictFile['team'][number]) => `${t(`district.organisation.${m.organisation}`)} ${m.unit}${m.name ? ` ${m.name}` : ''}${m.lead ? `（${t('district.team.lead')}）` : ''}`;

const detailsForm: RecordForm<ReturnType<typeof typedDetails>, { associationArea: string; description: string }> = {
  suffix: 'details',
  saved: ({ details }) => ({ associationArea: details.associationArea, description: details.description }),
  typed: typedDetails,
  parse: parseDetails,
  command: updateDetails,
  page: (frame, version, values) => <DetailsFormPage frame={frame} version={version} values={values} />,
  savedRows: ({ details }, { t }) => [
    [t('district.area'), details.associationArea],
    [t('district.description'), details.description],
  ],
};

const teamForm: RecordForm<MemberValues[], Parameters<typeof replaceTeam>[2]> = {
  suffix: 'team',
  saved: ({ team }) => [...team.map((m) => ({ organisation: m.organisation, unit: m.unit, name: m.name, lead: m.lead ? '1' : '' })), ...blank(blankMember)],
  typed: typedMembers,
  more: (rows) => [...rows, ...blank(blankMember)],
  parse: parseMembers,
  command: replaceTeam,
  page: (frame, version, rows) => <TeamFormPage frame={frame} version={version} rows={rows} />,
  savedRows: ({ team }, { t }) => [[t('district.team'), team.map((m) => memberLine(t, m)).join('\n')]],
};

const statisticsForm: RecordForm<StatisticValues[], Parameters<typeof replaceStatistics>[2]> = {
  suffix: 'statistics',
  saved: ({ statistics }) => [...statistics.map((s) => ({ fiscalYear: String(s.fiscalYear), item: s.item, value: String(s.value), unit: s.unit })), ...blank(blankStatistic)],
  typed: typedStatistics,
  more: (rows) => [...rows, ...blank(blankStatistic)],
  parse: parseStatistics,
  command: replaceStatistics,
  page: (frame, version, rows) => <StatisticsFormPage frame={frame} version={version} rows={rows} />,
  savedRows: ({ statistics }, { t, locale }) => [
    [t('district.statistics'), statistics.map((s) => `${formatFiscalYear(s.fiscalYear, { locale })} ${s.item} ${formatFigure(s.value, locale)} ${s.unit}`.trim()).join('\n')],
  ],
};

const milestonesForm: RecordForm<MilestoneValues, Parameters<typeof setMilestones>[2]> = {
  suffix: 'milestones',
  saved: ({ milestones }) => {
    const values = typedMilestones({});
    for (const m of milestones) values[m.kind] = { date: formatDate(m.date), note: m.note };
    return values;
  },
  typed: typedMilestones,
  parse: parseMilestones,
  command: setMilestones,
  page: (frame, version, values) => <MilestonesFormPage frame={frame} version={version} values={values} />,
  savedRows: ({ milestones }, { t, locale }) => milestones.map((m) => [t(`district.milestone.${m.kind}`), `${formatDate(m.date, { locale })} ${m.note}`.trim()]),
};

function frameOf(c: AppContext, place: Awaited<ReturnType<typeof districtInUrl>>, errors: Problems = {}, conflict: [string, string][] | null = null): FormFrame {
  return { chrome: chromeOf(c), ...place, errors: translateProblems(c.var.t, errors), conflict };
}

/** The GET and POST of one record form: the pipeline, with what the user typed kept whatever goes wrong. */
function mountRecordForm<V, I>(app: Hono<AppEnv>, base: string, form: RecordForm<V, I>) {
  const route = `${base}/${form.suffix}`;
  app.get(route, async (c) => {
    const place = await districtInUrl(c, districtPolicy.edit);
    const file = await districtFile(c.var.services.database.db, place.district);
    return html(c, form.page(frameOf(c, place), file.details.version, form.saved(file, c.var)));
  });
  app.post(route, async (c) => {
    const place = await districtInUrl(c, districtPolicy.edit);
    const body: FormBody = await c.req.parseBody();
    const typed = form.typed(body);
    const version = parseVersion(body);
    const readAt = version.ok ? version.value : 0;
    if (body['intent'] === 'more' && form.more) return html(c, form.page(frameOf(c, place), readAt, form.more(typed)));
    const parsed = form.parse(body);
    if (!parsed.ok) return html(c, form.page(frameOf(c, place, parsed.errors), readAt, typed), 422);
    const result = await runCommand(c.var.services.database, c.var.actor, (scope) => form.command(scope, place.district, parsed.value));
    const { m, w, d } = { m: place.municipality.slug, w: place.ward.slug, d: place.district.slug };
    return respond(c, result, {
      ok: () => withNotice(districtPaths.admin(m, w, d), 'saved'),
      conflict: (current) => html(c, form.page(frameOf(c, place, {}, form.savedRows(current, c.var)), current.details.version, typed), 409),
    });
  });
}

const activityValues = (a: Activity): ActivityValues => ({ date: a.date, kind: a.kind, title: a.title, participants: a.participants === null ? '' : String(a.participants), notes: a.notes, targets: a.targets });

function activityRows(a: Activity, { t, locale }: Words): [string, string][] {
  return [
    [t('district.activity.date'), formatDate(a.date, { locale })],
    [t('district.activity.kind'), t(`district.activityKind.${a.kind}`)],
    [t('district.activity.title'), a.title],
    [t('district.activity.participants'), a.participants === null ? '' : String(a.participants)],
    [t('district.activity.notes'), a.notes],
  ];
}

/** The activity the URL names, of the district the URL names (another district's is not found here). */
async function activityInUrl(c: AppContext, district: District): Promise<Activity> {
  const activity = await findActivity(c.var.services.database.db, district.municipalityId, c.req.param('activity') ?? '');
  if (!activity || activity.districtId !== district.id) throw new NotFoundError();
  return activity;
}

/** The pages behind the login: a ward's districts, a district's page, and the forms that keep its record and log. */
export function districtAdminRoutes() {
  const app = new Hono<AppEnv>();
  const ward = '/admin/m/:m/wards/:ward/districts';
  const district = `${ward}/:district`;
  const activity = `${district}/activities/${uuid('activity')}`;

  app.get(ward, async (c) => {
    const { municipality, ward } = wardInUrl(c, districtPolicy.manageWard);
    const db = c.var.services.database.db;
    const today = todayInJapan();
    const rows = [];
    for (const d of await listDistricts(db, municipality.id, ward.id)) {
      const view = await districtView(db, d);
      rows.push({ district: d, activities: view.activities.length, next: nextSteps(view.file, view.plan?.plan ?? null, view.activities[0] ?? null, today).length });
    }
    return html(c, <WardDistrictsAdminPage chrome={chromeOf(c)} municipality={municipality} ward={ward} rows={rows} />);
  });

  app.get(district, async (c) => {
    const { municipality, ward, district } = await districtInUrl(c, districtPolicy.edit);
    const view = await districtView(c.var.services.database.db, district);
    const next = nextSteps(view.file, view.plan?.plan ?? null, view.activities[0] ?? null, todayInJapan());
    return html(c, <DistrictAdminPage chrome={chromeOf(c)} municipality={municipality} ward={ward} view={view} next={next} notice={noticeOf(c)} />);
  });

  mountRecordForm(app, district, detailsForm);
  mountRecordForm(app, district, teamForm);
  mountRecordForm(app, district, statisticsForm);
  mountRecordForm(app, district, milestonesForm);

  app.get(`${district}/plan`, async (c) => {
    const place = await districtInUrl(c, districtPolicy.edit);
    const plan = await districtPlanView(c.var.services.database.db, place.district);
    if (plan) return c.redirect(planPaths.adminPeriod(place.municipality.slug, plan.plan.key, plan.period.number), 303);
    const values = { name: c.var.t('district.plan.nameDefault', { district: placeText(c.var, place.district) }), slogan: '', fiscalYearStart: '', fiscalYearEnd: '' };
    return html(c, <PlanFormPage frame={frameOf(c, place)} values={values} />);
  });

  app.post(`${district}/plan`, async (c) => {
    const place = await districtInUrl(c, districtPolicy.edit);
    const body: FormBody = await c.req.parseBody();
    const parsed = parsePlan(body);
    const show = (errors: Problems, status: 409 | 422) => html(c, <PlanFormPage frame={frameOf(c, place, errors)} values={typedPlan(body)} />, status);
    if (!parsed.ok) return show(parsed.errors, 422);
    const result = await runCommand(c.var.services.database, c.var.actor, (scope) => createDistrictPlan(scope, place.district, parsed.value));
    return respond(c, result, {
      ok: () => withNotice(districtPaths.admin(place.municipality.slug, place.ward.slug, place.district.slug), 'planCreated'),
      refused: ({ message }) => show({ name: message }, 409),
    });
  });

  const showActivityForm = async (c: AppContext, place: Awaited<ReturnType<typeof districtInUrl>>, editing: { id: string; version: number } | null, values: ActivityValues, errors: Problems = {}, status: 200 | 409 | 422 = 200, conflict: [string, string][] | null = null) => {
    const plan = await districtPlanView(c.var.services.database.db, place.district);
    return html(c, <ActivityFormPage frame={frameOf(c, place, errors, conflict)} editing={editing} values={values} plan={plan} />, status);
  };

  app.get(`${district}/activities/new`, async (c) => {
    const place = await districtInUrl(c, districtPolicy.edit);
    return showActivityForm(c, place, null, { date: '', kind: 'meeting', title: '', participants: '', notes: '', targets: [] });
  });

  app.post(`${district}/activities`, async (c) => {
    const place = await districtInUrl(c, districtPolicy.edit);
    const body: FormBody = await c.req.parseBody({ all: true });
    const typed = typedActivity(body);
    const parsed = parseActivity(body);
    if (!parsed.ok) return showActivityForm(c, place, null, typed, parsed.errors, 422);
    const result = await runCommand(c.var.services.database, c.var.actor, (scope) => recordActivity(scope, place.district, parsed.value));
    return respond(c, result, {
      ok: () => withNotice(districtPaths.admin(place.municipality.slug, place.ward.slug, place.district.slug), 'recorded'),
      invalid: (errors) => showActivityForm(c, place, null, typed, errors, 422),
    });
  });

  app.get(`${activity}/edit`, async (c) => {
    const place = await districtInUrl(c, districtPolicy.edit);
    const found = await activityInUrl(c, place.district);
    return showActivityForm(c, place, { id: found.id, version: found.version }, activityValues(found));
  });

  app.post(activity, async (c) => {
    const place = await districtInUrl(c, districtPolicy.edit);
    const found = await activityInUrl(c, place.district);
    const body: FormBody = await c.req.parseBody({ all: true });
    const typed = typedActivity(body);
    const parsed = parseActivityEdit(body);
    const version = parseVersion(body);
    const editing = { id: found.id, version: version.ok ? version.value : found.version };
    if (!parsed.ok) return showActivityForm(c, place, editing, typed, parsed.errors, 422);
    const result = await runCommand(c.var.services.database, c.var.actor, (scope) => updateActivity(scope, place.district, found.id, parsed.value));
    return respond(c, result, {
      ok: () => withNotice(districtPaths.admin(place.municipality.slug, place.ward.slug, place.district.slug), 'saved'),
      invalid: (errors) => showActivityForm(c, place, editing, typed, errors, 422),
      conflict: (current) => showActivityForm(c, place, { id: current.id, version: current.version }, typed, {}, 409, activityRows(current, c.var)),
    });
  });

  app.post(`${activity}/delete`, async (c) => {
    const place = await districtInUrl(c, districtPolicy.edit);
    const found = await activityInUrl(c, place.district);
    const input = await buttonInput(c, versionOnlyInput);
    const result = await runCommand(c.var.services.database, c.var.actor, (scope) => deleteActivity(scope, place.district, found.id, input));
    return respond(c, result, {
      ok: () => withNotice(districtPaths.admin(place.municipality.slug, place.ward.slug, place.district.slug), 'deleted'),
      conflict: (current) => showActivityForm(c, place, { id: current.id, version: current.version }, activityValues(found), {}, 409, activityRows(current, c.var)),
    });
  });
  return app;
}

