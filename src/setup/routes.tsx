import { Hono } from 'hono';
import { accountPaths, loginNotices } from '../accounts/paths.ts';
import { anonymous } from '../kernel/auth/actor.ts';
import { runCommand } from '../kernel/db/command.ts';
import { translateProblems, type Problems } from '../kernel/i18n/index.ts';
import type { AppContext, AppEnv } from '../kernel/web/context.ts';
import { HttpError, NotFoundError } from '../kernel/web/errors.ts';
import { textFields } from '../kernel/web/form.ts';
import { chromeOf, html } from '../kernel/web/render.tsx';
import { respond } from '../kernel/web/respond.ts';
import { ensureAnonymousCsrfToken } from '../kernel/web/request.ts';
import { fieldErrors } from '../kernel/web/validation.ts';
import { setUp } from './commands.ts';
import { setupForm } from './inputs.ts';
import { setupPaths } from './paths.ts';
import { isSetUp } from './queries.ts';
import { emptySetup, SetupPage, type SetupValues } from './views/setup-page.tsx';

/** Whether the database has been set up, kept with the page cache (a setup clears it, in every process). */
const setUpYet = (c: AppContext) => c.var.services.pageCache.value('set-up', () => isSetUp(c.var.services.database.db));

function showSetup(c: AppContext, values: SetupValues, errors: Problems, status: 200 | 422 = 200) {
  ensureAnonymousCsrfToken(c);
  return html(c, <SetupPage chrome={chromeOf(c)} values={values} errors={translateProblems(c.var.t, errors)} />, status);
}

/**
 * The setup page, open to the first visitor while the database has no municipality and no account (a first start
 * with LOAD_DEMO=never), and gone once it has one. Until then the home page leads there.
 */
export function setupRoutes() {
  const app = new Hono<AppEnv>();
  app.get('/', async (c, next) => ((await setUpYet(c)) ? next() : c.redirect(setupPaths.setup, 303)));

  app.get(setupPaths.setup, async (c) => {
    if (await setUpYet(c)) throw new NotFoundError();
    return showSetup(c, emptySetup, {});
  });

  app.post(setupPaths.setup, async (c) => {
    const { database } = c.var.services;
    if (await isSetUp(database.db)) throw new HttpError(409, c.var.t('setup.error.alreadySetUp'));
    const body = textFields(await c.req.parseBody());
    const values = Object.fromEntries(Object.keys(emptySetup).map((key) => [key, body[key] ?? ''])) as SetupValues;
    const parsed = setupForm.safeParse({ ...values, password: body['password'] ?? '', passwordConfirmation: body['passwordConfirmation'] ?? '' });
    if (!parsed.success) return showSetup(c, values, fieldErrors(parsed.error), 422);
    const result = await runCommand(database, anonymous, (scope) => setUp(scope, parsed.data));
    // A setup that lost the race to another one is refused by the command: a 409 page saying so.
    return respond(c, result, { ok: () => loginNotices.withNotice(accountPaths.login, 'setUp') });
  });
  return app;
}
