import { Hono } from 'hono';
import { runCommand } from '../../kernel/db/command.ts';
import { translateProblems, type Problems } from '../../kernel/i18n/index.ts';
import type { AppContext, AppEnv } from '../../kernel/web/context.ts';
import { textOf } from '../../kernel/web/form.ts';
import { redirectNotices } from '../../kernel/web/notices.ts';
import { chromeOf, html } from '../../kernel/web/render.tsx';
import { respond } from '../../kernel/web/respond.ts';
import { fieldErrors } from '../../kernel/web/validation.ts';
import { updateWardContact } from '../commands.ts';
import { wardContactInput } from '../inputs.ts';
import { municipalityPaths } from '../paths.ts';
import { wardPolicy } from '../policy.ts';
import type { Ward } from '../queries.ts';
import { wardInUrl } from '../route-context.ts';
import { ContactPage, valuesOfWard, type ContactFormValues } from './contact-page.tsx';

const { noticeOf, withNotice } = redirectNotices({ saved: 'contact.saved' });

function show(c: AppContext, values: ContactFormValues, errors: Problems, conflict: Ward | null, status: 200 | 409 | 422) {
  const { municipality, ward } = wardInUrl(c);
  const page = <ContactPage chrome={chromeOf(c)} municipality={municipality} ward={ward} values={values} errors={translateProblems(c.var.t, errors)} conflict={conflict} notice={status === 200 ? noticeOf(c) : null} />;
  return html(c, page, status);
}

/** A ward's 問い合わせ先, kept by its secretariat (and the city administrator): the form, and saving it. */
export function wardContactRoutes() {
  const app = new Hono<AppEnv>();
  app.get('/admin/m/:m/wards/:ward/contact', (c) => {
    const { ward } = wardInUrl(c, wardPolicy.editContact);
    return show(c, valuesOfWard(ward), {}, null, 200);
  });
  app.post('/admin/m/:m/wards/:ward/contact', async (c) => {
    const { municipality, ward } = wardInUrl(c, wardPolicy.editContact);
    const body = await c.req.parseBody();
    const typed: ContactFormValues = { version: Number(textOf(body['version'])) || 0, department: textOf(body['department']), phone: textOf(body['phone']), email: textOf(body['email']) };
    const parsed = wardContactInput.safeParse(body);
    if (!parsed.success) return show(c, typed, fieldErrors(parsed.error), null, 422);
    const result = await runCommand(c.var.services.database, c.var.actor, (scope) => updateWardContact(scope, ward, parsed.data));
    return respond(c, result, {
      ok: () => withNotice(municipalityPaths.adminContact(municipality.slug, ward.slug), 'saved'),
      conflict: (current) => show(c, typed, {}, current, 409),
    });
  });
  return app;
}
