import { Hono } from 'hono';
import { authorize } from '../../kernel/auth/policy.ts';
import { contentDisposition } from '../../kernel/documents/download.ts';
import { problem, translateProblem } from '../../kernel/i18n/index.ts';
import { discardStagedUpload, loadStagedUpload, stageUpload } from '../../kernel/uploads/staging.ts';
import type { AppContext, AppEnv } from '../../kernel/web/context.ts';
import { NotFoundError } from '../../kernel/web/errors.ts';
import { chromeOf, html } from '../../kernel/web/render.tsx';
import type { Municipality } from '../../municipalities/queries.ts';
import { municipalityInUrl } from '../../municipalities/route-context.ts';
import { textOf, textsOf, type FormBody } from '../../kernel/web/form.ts';
import { uuid } from '../../kernel/web/params.ts';
import { withNotice } from '../admin/notices.ts';
import { listOrganisationsForWard } from '../../organisations/queries.ts';
import { planPaths } from '../paths.ts';
import { planPolicy } from '../policy.ts';
import { findPlan, loadTree, type Period, type PlanWithPeriods } from '../queries.ts';
import { noDecisions, type Decisions } from './changes.ts';
import { renderStructure, structureContentType, structureFileName, type StructureFormat } from './export.ts';
import { previewImport, runImport, type UploadedFile } from './import.ts';
import { structurePaths } from './paths.ts';
import { StructurePreviewPage } from '../admin/structure-preview-page.tsx';
import { unplacedProblem } from './problems.ts';
import { refusedFile, TOO_LARGE_FIELD, tooLargeProblem } from '../../kernel/uploads/large-upload.ts';
import { MAX_FILE_BYTES } from './read.ts';

type PeriodContext = { municipality: Municipality; plan: PlanWithPeriods; period: Period; userId: string };

/** The period named in the URL, for someone who may edit its plan (the same rule as the tree editor). */
async function editablePeriod(c: AppContext): Promise<PeriodContext> {
  const municipality = municipalityInUrl(c);
  const plan = await findPlan(c.var.services.database.db, municipality.id, c.req.param('plan') ?? '');
  const actor = c.var.actor;
  authorize(actor, plan !== null && planPolicy.edit(actor, plan) && actor.kind === 'user');
  const period = plan!.periods.find((p) => p.number === Number(c.req.param('n')));
  if (!period || actor.kind !== 'user') throw new NotFoundError();
  return { municipality, plan: plan!, period, userId: actor.id };
}

/** Staged files are bound to the period they were uploaded for. */
const purposeOf = (period: Period) => `plan-structure:${period.id}`;

const stagedKey = (ctx: PeriodContext, id: string) => ({ municipalityId: ctx.municipality.id, userId: ctx.userId, purpose: purposeOf(ctx.period), id });

async function ownerNames(c: AppContext, ctx: PeriodContext): Promise<Map<string, string>> {
  const organisations = await listOrganisationsForWard(c.var.services.database.db, ctx.municipality.id, ctx.plan.wardId);
  return new Map(organisations.map((o) => [o.id, o.name]));
}

/** Compares the upload with the period now and shows the result (changes, or the file's problems). */
async function showPreview(c: AppContext, ctx: PeriodContext, uploadId: string, upload: UploadedFile, notice: string | null, status: 200 | 409 | 422 = 200) {
  const preview = await previewImport(c.var.services.database.db, ctx, upload, noDecisions);
  const base = { chrome: chromeOf(c), m: ctx.municipality.slug, plan: ctx.plan, period: ctx.period, fileName: upload.fileName, notice };
  if (!preview.ok) return html(c, <StructurePreviewPage {...base} kind="problems" problems={preview} />, 422);
  const action = structurePaths.preview(ctx.municipality.slug, ctx.plan.key, ctx.period.number, uploadId);
  return html(c, <StructurePreviewPage {...base} kind="changes" changes={preview.changes} digest={preview.digest} action={action} ownerNames={await ownerNames(c, ctx)} />, status);
}

function decisionsOf(body: FormBody): Decisions {
  return { overwrite: new Set(textsOf(body['overwrite'])), allowRemoval: textOf(body['allowRemoval']) === '1' };
}

/** Export of a period's structure (Excel, CSV), and its re-import: upload → preview → confirm. */
export function planStructureRoutes() {
  const app = new Hono<AppEnv>();
  const base = '/admin/m/:m/plans/:plan/periods/:n{[0-9]+}/structure';

  app.get(`${base}/:format{xlsx|csv}`, async (c) => {
    const ctx = await editablePeriod(c);
    const format = c.req.param('format') as StructureFormat;
    const source = { plan: ctx.plan, period: ctx.period, tree: await loadTree(c.var.services.database.db, ctx.municipality.id, ctx.period.id) };
    const bytes = await renderStructure(source, format);
    return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
      'content-type': structureContentType(format),
      'content-disposition': contentDisposition(structureFileName(source, format), `structure.${format}`),
      'cache-control': 'no-store',
    });
  });

  app.post(base, async (c) => {
    const ctx = await editablePeriod(c);
    const body = await c.req.parseBody();
    const file = body['file'];
    const chrome = chromeOf(c);
    const page = { chrome, m: ctx.municipality.slug, plan: ctx.plan, period: ctx.period };
    const refused = refusedFile(body[TOO_LARGE_FIELD]) ?? (file instanceof File && file.size > MAX_FILE_BYTES ? { name: file.name, size: file.size } : null);
    if (refused) {
      const tooLarge = { problems: [unplacedProblem(tooLargeProblem(refused, MAX_FILE_BYTES))], more: 0 };
      return html(c, <StructurePreviewPage {...page} fileName={refused.name || '—'} kind="problems" problems={tooLarge} />, 422);
    }
    if (!(file instanceof File) || file.size === 0) {
      const missing = { problems: [unplacedProblem(problem('structure.file.missing'))], more: 0 };
      return html(c, <StructurePreviewPage {...page} fileName="—" kind="problems" problems={missing} />, 422);
    }
    const upload = { fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
    const preview = await previewImport(c.var.services.database.db, ctx, upload, noDecisions);
    if (!preview.ok) return html(c, <StructurePreviewPage {...page} fileName={upload.fileName} kind="problems" problems={preview} />, 422);
    const id = await stageUpload(c.var.services.database.db, {
      municipalityId: ctx.municipality.id,
      userId: ctx.userId,
      purpose: purposeOf(ctx.period),
      fileName: upload.fileName,
      contentType: file.type || 'application/octet-stream',
      bytes: upload.bytes,
    });
    return c.redirect(structurePaths.preview(ctx.municipality.slug, ctx.plan.key, ctx.period.number, id), 303);
  });

  app.get(`${base}/imports/${uuid('upload')}`, async (c) => {
    const ctx = await editablePeriod(c);
    const staged = await loadStagedUpload(c.var.services.database.db, stagedKey(ctx, c.req.param('upload')));
    if (!staged) throw new NotFoundError();
    return showPreview(c, ctx, staged.id, staged, null);
  });

  app.post(`${base}/imports/${uuid('upload')}`, async (c) => {
    const ctx = await editablePeriod(c);
    const db = c.var.services.database.db;
    const key = stagedKey(ctx, c.req.param('upload'));
    const staged = await loadStagedUpload(db, key);
    const back = planPaths.adminPeriod(ctx.municipality.slug, ctx.plan.key, ctx.period.number);
    const body = await c.req.parseBody({ all: true });
    if (body['action'] === 'cancel') {
      await discardStagedUpload(db, key);
      return c.redirect(back, 303);
    }
    if (!staged) throw new NotFoundError();
    const outcome = await runImport(c.var.services.database, c.var.actor, ctx, staged, {
      ...decisionsOf(body),
      expectedDigest: textOf(body['digest']),
    });
    if (outcome.kind === 'applied') {
      await discardStagedUpload(db, key);
      return c.redirect(withNotice(back, 'imported'), 303);
    }
    return showPreview(c, ctx, staged.id, staged, outcome.kind === 'stale' ? translateProblem(c.var.t, outcome.message) : null, 409);
  });
  return app;
}
