/**
 * /admin/m/:m/wards/:ward/imports: the ward's imports and the upload form; each import's preview (source and
 * parse side by side, corrections, change set with conflicts), confirmation, discarding and result.
 */
import { Hono } from 'hono';
import { runCommand } from '../../kernel/db/command.ts';
import { translateProblem, translateProblems } from '../../kernel/i18n/index.ts';
import type { AppContext, AppEnv } from '../../kernel/web/context.ts';
import { NotFoundError } from '../../kernel/web/errors.ts';
import { buttonInput, textFields, textsOf } from '../../kernel/web/form.ts';
import { redirectNotices } from '../../kernel/web/notices.ts';
import { uuid } from '../../kernel/web/params.ts';
import { chromeOf, html } from '../../kernel/web/render.tsx';
import { respond } from '../../kernel/web/respond.ts';
import { fieldErrors, invalidRequest } from '../../kernel/web/validation.ts';
import type { Municipality, Ward } from '../../municipalities/queries.ts';
import { wardInUrl } from '../../municipalities/route-context.ts';
import { listWardPlans } from '../../plans/queries.ts';
import { ReadError } from '../../reading/errors.ts';
import { readUpload } from '../../reading/read-document.ts';
import { createImport, discardImport, previewImport, applyImport, saveCorrection, type CorrectionInput } from '../commands.ts';
import { applyInput, correctionInput, discardInput, type CorrectionFormInput } from '../inputs.ts';
import { importPaths } from '../paths.ts';
import { importPolicy } from '../policy.ts';
import { correctionsOf, documentOf, findImport, listImports, type DocumentImport } from '../queries.ts';
import { ImportListPage } from './list-page.tsx';
import { nodeAnchor, planAnchor, reportAnchor } from './line-usage.ts';
import { ImportPreviewPage, type TypedCorrection } from './preview-page.tsx';
import { ImportResultPage } from './result-page.tsx';
import { MAX_UPLOAD_BYTES } from '../upload-limit.ts';
import { refusedFile, TOO_LARGE_FIELD, tooLargeProblem } from '../../kernel/uploads/large-upload.ts';

export { MAX_UPLOAD_BYTES } from '../upload-limit.ts';

type Scope = { municipality: Municipality; ward: Ward };

const managedWard = (c: AppContext): Scope => wardInUrl(c, importPolicy.manage);

/** The one-line confirmations shown after a redirect (`?notice=corrected`). */
const { noticeOf, withNotice } = redirectNotices({ corrected: 'import.correct.saved', discarded: 'import.result.discarded' });

async function managedImport(c: AppContext): Promise<Scope & { row: DocumentImport }> {
  const scope = managedWard(c);
  const row = await findImport(c.var.services.database.db, scope.municipality.id, c.req.param('id') ?? '');
  if (!row || row.wardId !== scope.ward.id) throw new NotFoundError();
  return { ...scope, row };
}

async function renderList(c: AppContext, { municipality, ward }: Scope, errors: Record<string, string>, status: 200 | 422 = 200) {
  const imports = await listImports(c.var.services.database.db, municipality.id, ward.id);
  return html(c, <ImportListPage chrome={chromeOf(c)} municipality={municipality} ward={ward} imports={imports} errors={errors} maxBytes={MAX_UPLOAD_BYTES} notice={noticeOf(c)} />, status);
}

type PreviewOptions = { errors?: Record<string, string>; typed?: TypedCorrection; warning?: string | null; status?: 200 | 409 | 422 };

async function renderImport(c: AppContext, { municipality, ward, row }: Scope & { row: DocumentImport }, options: PreviewOptions = {}) {
  const db = c.var.services.database.db;
  if (row.status !== 'previewed') {
    return html(c, <ImportResultPage chrome={chromeOf(c)} municipality={municipality} ward={ward} row={row} plans={await listWardPlans(db, municipality.id, ward.id)} />, options.status ?? 200);
  }
  const { changeSet } = await previewImport(db, row);
  return html(
    c,
    <ImportPreviewPage
      chrome={chromeOf(c)}
      municipality={municipality}
      ward={ward}
      row={row}
      document={documentOf(row)}
      corrections={correctionsOf(row)}
      changeSet={changeSet}
      errors={options.errors ?? {}}
      typed={options.typed ?? null}
      notice={noticeOf(c)}
      warning={options.warning ?? null}
    />,
    options.status ?? 200,
  );
}

function asCorrection(input: CorrectionFormInput): CorrectionInput {
  if (input.kind === 'node') {
    const { version, kind, key, ...correction } = input;
    return { version, kind, key, correction };
  }
  if (input.kind === 'report') {
    const { version, kind, key, ...correction } = input;
    return { version, kind, key, correction };
  }
  const { version, kind, key, ...correction } = input;
  return { version, kind, key, correction };
}

/** A correction's errors, keyed by the id of the field in that item's form so the summary links to it. */
function correctionErrors(raw: Record<string, string>, errors: Record<string, string>): Record<string, string> {
  const key = String(raw['key'] ?? '');
  const prefix = raw['kind'] === 'plan' ? planAnchor(Number(key)) : raw['kind'] === 'report' ? reportAnchor(Number(key)) : nodeAnchor(key);
  return Object.fromEntries(Object.entries(errors).map(([field, message]) => [`${prefix}-${field}`, message]));
}

function typedCorrection(values: Record<string, string>): TypedCorrection {
  return { kind: values['kind'] ?? '', key: values['key'] ?? '', values };
}

export function importRoutes() {
  const app = new Hono<AppEnv>();
  const base = '/admin/m/:m/wards/:ward/imports';
  const one = `${base}/${uuid('id')}`;

  app.get(base, async (c) => renderList(c, managedWard(c), {}));

  app.post(base, async (c) => {
    const scope = managedWard(c);
    const t = c.var.t;
    const body = await c.req.parseBody();
    const refused = refusedFile(body[TOO_LARGE_FIELD]) ?? (body['file'] instanceof File && body['file'].size > MAX_UPLOAD_BYTES ? { name: body['file'].name, size: body['file'].size } : null);
    if (refused) return renderList(c, scope, { file: translateProblem(t, tooLargeProblem(refused, MAX_UPLOAD_BYTES)) }, 422);
    const file = body['file'];
    if (!(file instanceof File) || file.name === '') return renderList(c, scope, { file: t('import.upload.missing') }, 422);
    const bytes = new Uint8Array(await file.arrayBuffer());
    let read;
    try {
      read = await readUpload(file.name, bytes);
    } catch (error) {
      if (error instanceof ReadError) return renderList(c, scope, { file: translateProblem(t, error.problem) }, 422);
      throw error;
    }
    const row = await runCommand(c.var.services.database, c.var.actor, (command) =>
      createImport(command, { municipalityId: scope.municipality.id, wardId: scope.ward.id }, { fileName: file.name, contentType: file.type || 'application/octet-stream', bytes, read }),
    );
    return c.redirect(importPaths.preview(scope.municipality.slug, scope.ward.slug, row.id), 303);
  });

  app.get(one, async (c) => renderImport(c, await managedImport(c)));

  app.post(`${one}/corrections`, async (c) => {
    const scope = await managedImport(c);
    const raw = textFields(await c.req.parseBody());
    const parsed = correctionInput.safeParse(raw);
    if (!parsed.success) return renderImport(c, scope, { errors: correctionErrors(raw, translateProblems(c.var.t, fieldErrors(parsed.error))), typed: typedCorrection(raw), status: 422 });
    const target = { municipalityId: scope.municipality.id, importId: scope.row.id };
    const result = await runCommand(c.var.services.database, c.var.actor, (command) => saveCorrection(command, target, asCorrection(parsed.data)));
    return respond(c, result, {
      ok: () => withNotice(importPaths.preview(scope.municipality.slug, scope.ward.slug, scope.row.id), 'corrected'),
      conflict: (current) => {
        const typed = Object.entries(raw).filter(([key]) => !['_csrf', 'version', 'kind', 'key'].includes(key)).map(([key, value]) => `${key}: ${value}`).join(' / ');
        return renderImport(c, { ...scope, row: current }, { warning: c.var.t('import.correct.conflict', { typed }), status: 409 });
      },
    });
  });

  app.post(`${one}/apply`, async (c) => {
    const scope = await managedImport(c);
    const body = await c.req.parseBody({ all: true });
    const parsed = applyInput.safeParse({ ...textFields(body), overwrite: textsOf(body['overwrite']) });
    if (!parsed.success) throw invalidRequest(c.var.t, parsed.error);
    const target = { municipalityId: scope.municipality.id, importId: scope.row.id };
    const result = await runCommand(c.var.services.database, c.var.actor, (command) => applyImport(command, target, { ...parsed.data, overwrite: new Set(parsed.data.overwrite) }));
    return respond(c, result, {
      ok: () => importPaths.preview(scope.municipality.slug, scope.ward.slug, scope.row.id),
      refused: async ({ message }) => renderImport(c, { ...scope, row: (await findImport(c.var.services.database.db, scope.municipality.id, scope.row.id))! }, { warning: translateProblem(c.var.t, message), status: 409 }),
    });
  });

  app.post(`${one}/discard`, async (c) => {
    const scope = await managedImport(c);
    const { version } = await buttonInput(c, discardInput);
    const target = { municipalityId: scope.municipality.id, importId: scope.row.id };
    const result = await runCommand(c.var.services.database, c.var.actor, (command) => discardImport(command, target, version));
    return respond(c, result, {
      ok: () => withNotice(importPaths.list(scope.municipality.slug, scope.ward.slug), 'discarded'),
      conflict: (current) => renderImport(c, { ...scope, row: current }, { warning: c.var.t('admin.conflict.title'), status: 409 }),
    });
  });

  return app;
}
