import { Hono } from 'hono';
import { requireUser } from '../kernel/auth/policy.ts';
import type { AppEnv } from '../kernel/web/context.ts';
import { chromeOf, html } from '../kernel/web/render.tsx';
import { findMunicipalityById } from '../municipalities/queries.ts';
import { accountPolicy } from '../accounts/policy.ts';
import { organisationPolicy } from '../organisations/policy.ts';
import { planPolicy } from '../plans/policy.ts';
import { listPlans } from '../plans/queries.ts';
import { reportLinksFor } from '../reports/admin/links.ts';
import { meetingLinksFor } from '../meetings/admin/links.ts';
import { importLinksFor } from '../imports/links.ts';
import { AdminHomePage } from './admin-home-page.tsx';

/** Where a signed-in user lands: who they are and what they can work on. */
export function adminRoutes() {
  const app = new Hono<AppEnv>();
  app.get('/admin', async (c) => {
    const actor = requireUser(c.var.actor);
    const db = c.var.services.database.db;
    const municipality = await findMunicipalityById(db, actor.municipalityId);
    const plans = (await listPlans(db, actor.municipalityId)).filter((plan) => planPolicy.edit(actor, plan));
    const reportLinks = [...(await reportLinksFor(db, actor, municipality!, c.var.t, c.var.locale)), ...(await meetingLinksFor(db, actor, municipality!, c.var.t))];
    return html(
      c,
      <AdminHomePage chrome={chromeOf(c)} municipality={municipality!} user={actor} plans={plans} canManageRegistry={organisationPolicy.manageAny(actor, actor.municipalityId)} canManageAccounts={accountPolicy.manageAny(actor, actor.municipalityId)} reportLinks={reportLinks} importLinks={await importLinksFor(db, actor, municipality!, c.var.t)} />,
    );
  });
  return app;
}
