import { Hono } from 'hono';
import { authorize } from '../../kernel/auth/policy.ts';
import { runCommand } from '../../kernel/db/command.ts';
import { problem, translateProblems, type Problems } from '../../kernel/i18n/index.ts';
import type { AppContext, AppEnv } from '../../kernel/web/context.ts';
import { NotFoundError } from '../../kernel/web/errors.ts';
import { chromeOf, html } from '../../kernel/web/render.tsx';
import { respond } from '../../kernel/web/respond.ts';
import { listWards, type Municipality, type Ward } from '../../municipalities/queries.ts';
import { municipalityInUrl } from '../../municipalities/route-context.ts';
import { textOf, type FormBody } from '../../kernel/web/form.ts';
import { fieldErrors } from '../../kernel/web/validation.ts';
import { createOrganisation, updateOrganisation } from '../commands.ts';
import { organisationInput } from '../inputs.ts';
import { organisationPaths } from '../paths.ts';
import { organisationPolicy } from '../policy.ts';
import { findOrganisation, listOrganisations, type Organisation } from '../queries.ts';
import { emptyOrganisation, OrganisationFormPage, RegistryPage, valuesOfOrganisation, type OrganisationFormValues } from './views.tsx';

/** The municipality in the URL, for someone who keeps (part of) its registry. */
function registryOf(c: AppContext): Municipality {
  const municipality = municipalityInUrl(c);
  authorize(c.var.actor, organisationPolicy.manageAny(c.var.actor, municipality.id));
  return municipality;
}

/** The wards this user may file an organisation under, and whether "the whole city" is one of the choices. */
async function wardScope(c: AppContext, municipality: Municipality): Promise<{ wards: Ward[]; wardChoices: Ward[]; allowWholeCity: boolean }> {
  const wards = await listWards(c.var.services.database.db, municipality.id);
  const actor = c.var.actor;
  const cityAdmin = actor.kind === 'user' && actor.role === 'city_admin';
  return { wards, wardChoices: cityAdmin ? wards : wards.filter((w) => actor.kind === 'user' && w.id === actor.wardId), allowWholeCity: cityAdmin };
}

function formValues(body: FormBody): OrganisationFormValues {
  const text = (key: string) => textOf(body[key]);
  return { version: Number(text('version')) || 0, name: text('name'), kind: text('kind'), wardId: text('wardId'), aliases: text('aliases'), collective: text('collective') === 'on', description: text('description'), contactEmail: text('contactEmail') };
}

/** The secretariat keeps the registry of 推進主体: list, add, edit (with a version check and the audit trail). */
export function organisationAdminRoutes() {
  const app = new Hono<AppEnv>();

  app.get('/admin/m/:m/organisations', async (c) => {
    const municipality = registryOf(c);
    const all = await listOrganisations(c.var.services.database.db, municipality.id);
    const editable = all.filter((o) => organisationPolicy.manage(c.var.actor, o));
    return html(c, <RegistryPage chrome={chromeOf(c)} municipality={municipality} wards={(await wardScope(c, municipality)).wards} organisations={editable} />);
  });

  app.get('/admin/m/:m/organisations/new', async (c) => {
    const municipality = registryOf(c);
    const scope = await wardScope(c, municipality);
    const values = emptyOrganisation(scope.allowWholeCity ? '' : (scope.wardChoices[0]?.id ?? ''));
    return html(c, <OrganisationFormPage chrome={chromeOf(c)} municipality={municipality} {...scope} organisation={null} values={values} errors={{}} conflict={null} />);
  });

  const save = async (c: AppContext, existing: Organisation | null) => {
    const municipality = registryOf(c);
    const scope = await wardScope(c, municipality);
    const body = await c.req.parseBody();
    const values = formValues(body);
    const show = (errors: Problems, status: 409 | 422, conflict: Organisation | null = null) =>
      html(c, <OrganisationFormPage chrome={chromeOf(c)} municipality={municipality} {...scope} organisation={existing} values={conflict ? { ...values, version: conflict.version } : values} errors={translateProblems(c.var.t, errors)} conflict={conflict} />, status);
    const parsed = organisationInput.safeParse(body);
    if (!parsed.success) return show(fieldErrors(parsed.error), 422);
    const target = { municipalityId: municipality.id, wardId: parsed.data.wardId };
    if (!organisationPolicy.manage(c.var.actor, target)) return show({ wardId: problem('registry.error.wardNotAllowed') }, 422);
    const database = c.var.services.database;
    if (!existing) {
      const created = await runCommand(database, c.var.actor, (s) => createOrganisation(s, municipality.id, parsed.data));
      return c.redirect(`${organisationPaths.adminList(municipality.slug)}#${created.key}`, 303);
    }
    const result = await runCommand(database, c.var.actor, (s) => updateOrganisation(s, { municipalityId: municipality.id, id: existing.id }, parsed.data));
    return respond(c, result, { ok: () => organisationPaths.adminList(municipality.slug), conflict: (current) => show({}, 409, current) });
  };

  app.post('/admin/m/:m/organisations', (c) => save(c, null));

  const existingOf = async (c: AppContext) => {
    const municipality = registryOf(c);
    const organisation = await findOrganisation(c.var.services.database.db, municipality.id, c.req.param('key') ?? '');
    if (!organisation) throw new NotFoundError();
    authorize(c.var.actor, organisationPolicy.manage(c.var.actor, organisation));
    return { municipality, organisation };
  };

  app.get('/admin/m/:m/organisations/:key/edit', async (c) => {
    const { municipality, organisation } = await existingOf(c);
    const scope = await wardScope(c, municipality);
    return html(c, <OrganisationFormPage chrome={chromeOf(c)} municipality={municipality} {...scope} organisation={organisation} values={valuesOfOrganisation(organisation)} errors={{}} conflict={null} />);
  });

  app.post('/admin/m/:m/organisations/:key', async (c) => save(c, (await existingOf(c)).organisation));
  return app;
}
