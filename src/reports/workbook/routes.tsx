import { Hono } from 'hono';
import { translateProblem } from '../../kernel/i18n/index.ts';
import { actorId } from '../../kernel/auth/actor.ts';
import { runCommand } from '../../kernel/db/command.ts';
import { contentDisposition } from '../../kernel/documents/download.ts';
import { refusedFile, TOO_LARGE_FIELD, tooLargeProblem } from '../../kernel/uploads/large-upload.ts';
import { discardStagedUpload, loadStagedUpload, stageUpload, type StagedUpload } from '../../kernel/uploads/staging.ts';
import type { AppContext, AppEnv } from '../../kernel/web/context.ts';
import { HttpError, NotFoundError } from '../../kernel/web/errors.ts';
import { chromeOf, html } from '../../kernel/web/render.tsx';
import { roundInUrl } from '../admin/context.ts';
import { uuid } from '../../kernel/web/params.ts';
import { reportPaths } from '../paths.ts';
import { XLSX_CONTENT_TYPE } from './export.ts';
import { applyImport, loadImport, outcomeOf, previewImport, WORKBOOK_PURPOSE, type LoadedImport } from './import.ts';
import type { Decisions } from './merge.ts';
import { decisionKey } from './merge.ts';
import { ImportDonePage, ImportPreviewPage, UploadProblemsPage } from '../admin/workbook-pages.tsx';
import { workbookPaths } from './paths.ts';
import { problemText } from './read.ts';
import { contactOf, roundWorkbook } from './round-workbook.ts';
import { WORKBOOK_MAX_BYTES } from './upload-limit.ts';

type RoundContext = Awaited<ReturnType<typeof roundInUrl>>;

const CONFLICT_FIELD = /^conflict-([0-9a-f-]{36})-([a-z0-9-]+)$/;
const TAKE_WORKBOOK = /^workbook:([0-9a-f]{32})$/;

/** The secretariat's choices on the preview: keep the web value, or take the workbook's over the web value seen. */
export function decisionsOf(body: Record<string, unknown>): Decisions {
  const decisions: Decisions = new Map();
  for (const [name, value] of Object.entries(body)) {
    const field = CONFLICT_FIELD.exec(name);
    if (!field || typeof value !== 'string') continue;
    const take = TAKE_WORKBOOK.exec(value);
    if (value === 'web') decisions.set(decisionKey(field[1]!, field[2]!), 'web');
    else if (take) decisions.set(decisionKey(field[1]!, field[2]!), { workbookOver: take[1]! });
  }
  return decisions;
}

function showProblems(c: AppContext, context: RoundContext, problems: string[]) {
  return html(c, <UploadProblemsPage chrome={chromeOf(c)} {...context} problems={problems} />, 422);
}

const stagedKey = (c: AppContext, context: RoundContext) => ({
  municipalityId: context.municipality.id,
  userId: actorId(c.var.actor) ?? '',
  purpose: WORKBOOK_PURPOSE,
  id: c.req.param('upload') ?? '',
});

/** The staged file of this user, read and checked again: the preview and the confirm both start from its bytes. */
async function stagedImport(c: AppContext, context: RoundContext): Promise<{ staged: StagedUpload; loaded: { ok: true; value: LoadedImport } | { ok: false; problems: string[] } }> {
  const staged = await loadStagedUpload(c.var.services.database.db, stagedKey(c, context));
  if (!staged) throw new HttpError(404, c.var.t('workbook.expired'));
  const loaded = await loadImport(c.var.services.database.db, staged.bytes, staged.fileName, { municipalityId: context.municipality.id, round: context.round });
  return { staged, loaded: loaded.ok ? loaded : { ok: false, problems: loaded.problems.map((p) => problemText(c.var.t, p)) } };
}

/** 庁内照会 by Excel on a round: download the workbooks, upload one back, preview it, confirm it. */
export function workbookRoutes() {
  const app = new Hono<AppEnv>();
  const round = `/admin/m/:m/rounds/${uuid('round')}`;
  const staged = `${round}/workbook-imports/${uuid('upload')}`;

  app.get(`${round}/workbook.xlsx`, async (c) => {
    const { ward, round } = await roundInUrl(c);
    const sender = c.var.actor.kind === 'user' ? c.var.actor.displayName : null;
    const workbook = await roundWorkbook(c.var.services.database.db, round, c.req.query('owner') ?? null, contactOf(ward.name, sender));
    if (!workbook) throw new NotFoundError();
    return c.body(workbook.bytes.slice().buffer as ArrayBuffer, 200, {
      'content-type': XLSX_CONTENT_TYPE,
      'content-disposition': contentDisposition(workbook.fileName, 'workbook.xlsx'),
      'cache-control': 'no-store',
    });
  });

  app.post(`${round}/workbook-imports`, async (c) => {
    const context = await roundInUrl(c);
    const body = await c.req.parseBody();
    const file = body['workbook'];
    const refused = refusedFile(body[TOO_LARGE_FIELD]) ?? (file instanceof File && file.size > WORKBOOK_MAX_BYTES ? { name: file.name, size: file.size } : null);
    if (refused) return showProblems(c, context, [translateProblem(c.var.t, tooLargeProblem(refused, WORKBOOK_MAX_BYTES))]);
    if (!(file instanceof File) || (file.size === 0 && file.name === '')) return showProblems(c, context, [c.var.t('workbook.noFile')]);
    const bytes = new Uint8Array(await file.arrayBuffer());
    const db = c.var.services.database.db;
    const loaded = await loadImport(db, bytes, file.name, { municipalityId: context.municipality.id, round: context.round });
    if (!loaded.ok) return showProblems(c, context, loaded.problems.map((p) => problemText(c.var.t, p)));
    const key = stagedKey(c, context);
    const id = await stageUpload(db, { municipalityId: key.municipalityId, userId: key.userId, purpose: key.purpose, fileName: file.name, contentType: file.type || XLSX_CONTENT_TYPE, bytes });
    return c.redirect(workbookPaths.staged(context.municipality.slug, context.round.id, id), 303);
  });

  app.get(staged, async (c) => {
    const context = await roundInUrl(c);
    const { staged, loaded } = await stagedImport(c, context);
    if (!loaded.ok) return showProblems(c, context, loaded.problems);
    const outcome = outcomeOf(await previewImport(c.var.services.database.db, loaded.value, new Map()));
    return html(c, <ImportPreviewPage chrome={chromeOf(c)} {...context} fileName={staged.fileName} action={c.req.path} outcome={outcome} />);
  });

  app.post(staged, async (c) => {
    const context = await roundInUrl(c);
    const body = await c.req.parseBody();
    const db = c.var.services.database.db;
    const back = reportPaths.round(context.municipality.slug, context.round.id);
    if (body['intent'] === 'cancel') {
      await discardStagedUpload(db, stagedKey(c, context));
      return c.redirect(back, 303);
    }
    const { staged, loaded } = await stagedImport(c, context);
    if (!loaded.ok) return showProblems(c, context, loaded.problems);
    const file = { name: staged.fileName, sha256: staged.sha256 };
    const outcome = await runCommand(c.var.services.database, c.var.actor, (scope) => applyImport(scope, loaded.value, decisionsOf(body), file));
    await discardStagedUpload(db, stagedKey(c, context));
    return html(c, <ImportDonePage chrome={chromeOf(c)} {...context} outcome={outcome} />);
  });

  return app;
}
