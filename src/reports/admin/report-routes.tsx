import { Hono } from 'hono';
import type { z } from 'zod';
import { authorize } from '../../kernel/auth/policy.ts';
import { runCommand, type CommandResult, type CommandScope } from '../../kernel/db/command.ts';
import { translateProblem, translateProblems, type Problem, type Problems } from '../../kernel/i18n/index.ts';
import type { Crumb } from '../../kernel/ui/layout.tsx';
import { formatDateTime, todayInJapan } from '../../kernel/ui/time.ts';
import type { AppContext, AppEnv } from '../../kernel/web/context.ts';
import { NotFoundError } from '../../kernel/web/errors.ts';
import { chromeOf, html } from '../../kernel/web/render.tsx';
import { respond } from '../../kernel/web/respond.ts';
import { buttonInput } from '../../kernel/web/form.ts';
import type { Ward } from '../../municipalities/queries.ts';
import { acceptReport, returnReport, saveReport, setPublished, submitReport, type ReportSnapshot } from '../commands.ts';
import { fieldCommentName } from '../fields.ts';
import { parseReport, parseReturn, publicationInput, typedValuesOf, versionOnlyInput, type ReportInput } from '../inputs.ts';
import { reportPaths } from '../paths.ts';
import { actorId } from '../../kernel/auth/actor.ts';
import { applyPhotoParts, discardKeptPhoto, keepNewPhoto, keptPhotoOf, readPhotoParts } from '../photos/form.ts';
import { photoTypedFrom, photoTypedOf, type PhotoTyped } from '../photos/inputs.ts';
import { photoRoutes } from '../photos/routes.tsx';
import { reportPolicy } from '../policy.ts';
import { findReportItem, itemsOfOrganisation, reportHistory, reportStatesOfRound, scopeOf, type Report, type ReportItem } from '../queries.ts';
import type { ReportValues } from '../schema.ts';
import { noticeOf, reportInUrl, reviewNoticeOf, withNotice, withReviewNotice, type ReviewStep } from './context.ts';
import { reviewQueue } from '../workflow.ts';
import { municipalityInUrl } from '../../municipalities/route-context.ts';
import { uuid } from '../../kernel/web/params.ts';
import { MyReportsPage } from './my-reports-page.tsx';
import { ReportFormPage, type Conflict } from './report-form-page.tsx';
import { ReportPage, type ReturnValues } from './report-page.tsx';
import { roundsCrumbs } from './rounds-page.tsx';
import { japanese } from '../../kernel/ui/japanese.tsx';

type Result = CommandResult<Report, ReportSnapshot>;
type Target = { municipalityId: string; reportId: string };

const formatTime = (c: AppContext) => (d: Date) => formatDateTime(d, c.var.locale);

/** Where a report page sits for whoever reads it: the round (secretariat), my reports (owner), the year (committee). */
function crumbsFor(c: AppContext, m: string, ward: Ward, item: ReportItem): Crumb[] {
  const t = c.var.t;
  if (reportPolicy.review(c.var.actor, scopeOf(item))) return roundsCrumbs(c.var, m, ward, { label: japanese(item.round.title), href: reportPaths.round(m, item.round.id) });
  if (reportPolicy.write(c.var.actor, scopeOf(item))) return [{ label: t('nav.admin'), href: '/admin' }, { label: t('report.my.title'), href: reportPaths.myReports(m) }];
  return [{ label: t('nav.admin'), href: '/admin' }, { label: t('report.accepted.years'), href: reportPaths.acceptedYear(m, ward.slug, item.round.fiscalYear) }];
}

type ReportPageOptions = { status?: 200 | 409 | 422; refusal?: string; returnForm?: { values: ReturnValues; errors: Problems } };

async function showReport(c: AppContext, m: string, ward: Ward, item: ReportItem, options: ReportPageOptions = {}) {
  const db = c.var.services.database.db;
  const history = await reportHistory(db, item.report.municipalityId, item.report.id);
  const scope = scopeOf(item);
  const review = reportPolicy.review(c.var.actor, scope);
  return html(
    c,
    <ReportPage
      chrome={chromeOf(c)}
      m={m}
      crumbs={crumbsFor(c, m, ward, item)}
      item={item}
      history={history}
      today={todayInJapan()}
      notice={await reviewNoticeOf(c, item.report.municipalityId)}
      refusal={options.refusal ?? null}
      can={{ review, write: reportPolicy.write(c.var.actor, scope) }}
      queue={review ? reviewQueue(await reportStatesOfRound(db, item.round), item.round.status, item.report.id) : null}
      {...(options.returnForm ? { returnForm: { values: options.returnForm.values, errors: translateProblems(c.var.t, options.returnForm.errors) } } : {})}
      formatTime={formatTime(c)}
    />,
    options.status ?? 200,
  );
}

type FormPageOptions = {
  values: ReportValues;
  version: number;
  errors?: Problems;
  conflict?: Conflict;
  refusal?: { message: Problem; typed: ReportValues };
  photoTyped?: PhotoTyped;
  status?: 200 | 409 | 422;
};

async function showForm(c: AppContext, m: string, item: ReportItem, options: FormPageOptions) {
  const history = await reportHistory(c.var.services.database.db, item.report.municipalityId, item.report.id);
  return html(
    c,
    <ReportFormPage
      chrome={chromeOf(c)}
      m={m}
      item={item}
      history={history}
      today={todayInJapan()}
      notice={noticeOf(c)}
      values={options.values}
      version={options.version}
      errors={translateProblems(c.var.t, options.errors ?? {})}
      conflict={options.conflict ?? null}
      refusal={options.refusal ? { message: translateProblem(c.var.t, options.refusal.message), typed: options.refusal.typed } : null}
      photoTyped={options.photoTyped ?? photoTypedFrom(item.photos)}
      formatTime={formatTime(c)}
    />,
    options.status ?? 200,
  );
}

/** The report as it is now, after a command that did not go through. */
async function reloaded(c: AppContext, target: Target): Promise<ReportItem> {
  const item = await findReportItem(c.var.services.database.db, target.municipalityId, target.reportId);
  if (!item) throw new NotFoundError();
  return item;
}

/**
 * Save and submit: the owner's form pipeline, photos included (captions, alternative texts, a new photo, a move or a
 * delete travel with the report's text and are saved in the same transaction). Whatever goes wrong (a field, a
 * photo, a stale version, a state that no longer allows writing) the page comes back with what was typed.
 */
function ownerWrite(command: (scope: CommandScope, target: Target, input: ReportInput) => Promise<Result>, done: (m: string, report: Report, photoChanged: boolean) => string) {
  return async (c: AppContext) => {
    const { municipality, item } = await reportInUrl(c, reportPolicy.write);
    const m = municipality.slug;
    const body = await c.req.parseBody();
    const typed = typedValuesOf(item.round.fields, body);
    const typedVersion = Number(body['version']) || item.report.version;
    const photoTyped = photoTypedOf(body, item.photos);
    const again = (current: ReportItem, options: Omit<FormPageOptions, 'values' | 'photoTyped'>) => showForm(c, m, current, { ...options, values: typed, photoTyped });
    const parsed = parseReport(item.round.fields, body);
    const db = c.var.services.database.db;
    const keptKey = { municipalityId: municipality.id, userId: actorId(c.var.actor) ?? '', reportId: item.report.id };
    const kept = await keptPhotoOf(db, keptKey, body);
    const photos = await readPhotoParts(body, item.photos, kept);
    if (!parsed.ok || !photos.ok) {
      const errors = { ...(parsed.ok ? {} : parsed.errors), ...(photos.ok ? {} : photos.errors) };
      const photoTypedKept = { ...photoTyped, kept: await keepNewPhoto(db, keptKey, body, kept, errors) };
      return showForm(c, m, item, { values: typed, photoTyped: photoTypedKept, version: typedVersion, errors, status: 422 });
    }
    const target = { municipalityId: municipality.id, reportId: item.report.id };
    const result = await runCommand(c.var.services.database, c.var.actor, async (scope): Promise<Result> => {
      const written = await command(scope, target, parsed.value);
      if (!written.ok) return written;
      const photoChange = await applyPhotoParts(scope, written.value, photos.value);
      return photoChange.ok ? written : photoChange;
    });
    if (result.ok && kept && photos.value.change.kind === 'add') await discardKeptPhoto(db, keptKey, body);
    return respond(c, result, {
      ok: (report) => done(m, report, photos.value.change.kind !== 'none'),
      invalid: async (errors) => again(await reloaded(c, target), { version: typedVersion, errors, status: 422 }),
      conflict: async (saved) => {
        const current = await reloaded(c, target);
        const conflict = { values: saved.values, who: saved.lastChangedBy, when: formatDateTime(saved.updatedAt, c.var.locale) };
        return again(current, { version: current.report.version, conflict, status: 409 });
      },
      refused: async ({ message, field }) => {
        const current = await reloaded(c, target);
        // A photo that cannot be changed is said beside the photos; a step the report's state does not allow, above the form.
        if (field) return again(current, { version: typedVersion, errors: { [field]: message }, status: 409 });
        return again(current, { version: current.report.version, refusal: { message, typed }, status: 409 });
      },
    });
  };
}

/** Return, accept, publish: the secretariat's buttons on the review page. */
function reviewAction<S extends z.ZodType>(schema: S, command: (scope: CommandScope, target: Target, input: z.output<S>) => Promise<Result>, notice: (input: z.output<S>) => ReviewStep | 'unpublished') {
  return async (c: AppContext) => {
    const { municipality, ward, item } = await reportInUrl(c, reportPolicy.review);
    const input = await buttonInput(c, schema);
    return runReview(c, municipality.slug, ward, item, (scope, target) => command(scope, target, input), notice(input));
  };
}

/** After a review step the secretariat goes on to the next report awaiting review in the round, or to the round when none is left. */
async function nextAfterReview(c: AppContext, m: string, item: ReportItem, step: ReviewStep): Promise<string> {
  const { next } = reviewQueue(await reportStatesOfRound(c.var.services.database.db, item.round), item.round.status, item.report.id);
  return withReviewNotice(next ? reportPaths.report(m, next) : reportPaths.round(m, item.round.id), step, item.report.id);
}

async function runReview(c: AppContext, m: string, ward: Ward, item: ReportItem, command: (scope: CommandScope, target: Target) => Promise<Result>, notice: ReviewStep | 'unpublished') {
  const target = { municipalityId: item.report.municipalityId, reportId: item.report.id };
  const result = await runCommand(c.var.services.database, c.var.actor, (scope) => command(scope, target));
  const showAgain = async (refusal: string) => showReport(c, m, ward, await reloaded(c, target), { status: 409, refusal });
  // Taking a report off the public site is no step of the review: the page stays on it.
  const done = !result.ok ? '' : notice === 'unpublished' ? withNotice(reportPaths.report(m, item.report.id), notice) : await nextAfterReview(c, m, item, notice);
  return respond(c, result, {
    ok: () => done,
    conflict: () => showAgain(c.var.t('report.conflict.review')),
    refused: ({ message }) => showAgain(translateProblem(c.var.t, message)),
  });
}

/** Owners write and hand in their reports; the secretariat reviews them; the committee reads accepted ones. */
export function reportAdminRoutes() {
  const app = new Hono<AppEnv>();
  const report = `/admin/m/:m/reports/${uuid('report')}`;
  app.route('/', photoRoutes());

  app.get('/admin/m/:m/my-reports', async (c) => {
    const municipality = municipalityInUrl(c);
    const actor = c.var.actor;
    authorize(actor, reportPolicy.listOwn(actor, municipality.id));
    const organisationId = actor.kind === 'user' ? actor.organisationId! : '';
    const items = await itemsOfOrganisation(c.var.services.database.db, municipality.id, organisationId);
    const sorted = [...items].sort((a, b) => Number(a.round.status === 'closed') - Number(b.round.status === 'closed'));
    return html(c, <MyReportsPage chrome={chromeOf(c)} m={municipality.slug} items={sorted} today={todayInJapan()} notice={noticeOf(c)} />);
  });

  app.get(report, async (c) => {
    const { municipality, ward, item } = await reportInUrl(c, reportPolicy.read);
    return showReport(c, municipality.slug, ward, item);
  });

  app.get(`${report}/edit`, async (c) => {
    const { municipality, item } = await reportInUrl(c, reportPolicy.write);
    return showForm(c, municipality.slug, item, { values: item.report.values, version: item.report.version });
  });

  app.post(report, ownerWrite(saveReport, (m, saved, photoChanged) => withNotice(reportPaths.edit(m, saved.id), 'saved', photoChanged ? '#photos' : '')));
  app.post(`${report}/submit`, ownerWrite(submitReport, (m) => withNotice(reportPaths.myReports(m), 'submitted')));

  app.post(`${report}/return`, async (c) => {
    const { municipality, ward, item } = await reportInUrl(c, reportPolicy.review);
    const body = await c.req.parseBody();
    const parsed = parseReturn(item.round.fields, body);
    if (!parsed.ok) {
      const typed = { comment: String(body['comment'] ?? ''), fieldComments: Object.fromEntries(item.round.fields.map((f) => [f.key, String(body[fieldCommentName(f.key)] ?? '')])) };
      return showReport(c, municipality.slug, ward, item, { status: 422, returnForm: { values: typed, errors: parsed.errors } });
    }
    return runReview(c, municipality.slug, ward, item, (scope, target) => returnReport(scope, target, parsed.value), 'returned');
  });

  app.post(`${report}/accept`, reviewAction(versionOnlyInput, acceptReport, () => 'accepted'));
  app.post(`${report}/publication`, reviewAction(publicationInput, setPublished, (input) => (input.published ? 'published' : 'unpublished')));
  return app;
}
