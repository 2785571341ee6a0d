import { afterAll, describe, expect, it } from 'vitest';
import { closeDocumentBrowser } from './kernel/documents/pdf.ts';
import { uuid } from './kernel/web/params.ts';
import type { TestClient } from './testing/app.ts';
import { useDemoApp, type TestApp } from './testing/demo-setup.ts';
import { addDistrictActivity, addDistrictPlan } from './testing/factories.ts';
import type { Report } from './reports/queries.ts';
import { photoPath } from './reports/photos/paths.ts';
import { attachTestPhoto } from './reports/photos/testing.ts';
import { stageDemoImport } from './imports/testing.ts';
import { demoDistricts } from './demo/accounts.ts';

/**
 * Every route × every role: who is let in and who is turned away. A route the app registers without a row here
 * fails the first test, so a new route cannot ship without deciding who may use it.
 */
const actors = {
  anonymous: null,
  cityAdmin: 'city-admin',
  totsukaSecretariat: 'totsuka-secretariat',
  asahiSecretariat: 'asahi-secretariat',
  ownerStaff: 'asahi-shakyo-staff',
  committeeMember: 'asahi-committee',
  districtTeam: 'tsurumi-district-team',
} as const;
type ActorName = keyof typeof actors;
const everyone = Object.keys(actors) as ActorName[];
const signedIn = everyone.filter((a) => a !== 'anonymous');
const totsukaEditors: ActorName[] = ['cityAdmin', 'totsukaSecretariat'];
const registryKeepers: ActorName[] = ['cityAdmin', 'totsukaSecretariat', 'asahiSecretariat'];
const asahiManagers: ActorName[] = ['cityAdmin', 'asahiSecretariat'];
const accountKeepers: ActorName[] = ['cityAdmin', 'totsukaSecretariat', 'asahiSecretariat'];
const accounts = '/admin/m/yokohama/accounts';
/** The plan of 鶴見区's demo district: its support team edits it (so would 鶴見区's secretariat, not in the table). */
const districtEditors: ActorName[] = ['cityAdmin', 'districtTeam'];

/**
 * The records the rows name, all real. Reports of 旭区's demo rounds: the open round, 区社協's returned report (its
 * staff may write it), a submitted one (to review), and こども家庭支援課's accepted one from the finished round (the
 * committee reads it; 区社協's staff may not). A staged upload belongs to the account that uploaded it, so each who
 * may confirm one has one of their own, uploaded through the route as a user would.
 */
type Ctx = {
  /** 旭区社協's staff account. */
  asahiStaff: string;
  node: string;
  /** The plan of 鶴見区's demo district, made for this table: its one period and its one item. */
  district: { key: string; period: number; nodeId: string };
  round: string;
  returned: string;
  submitted: string;
  accepted: string;
  meeting: string;
  material: string;
  /** An activity in the log of 鶴見区's demo district. */
  activity: string;
  importId: string;
  structureUpload: Uploads;
  workbookUpload: Uploads;
};
type Uploads = Map<ActorName, string>;
type Row = { method: 'GET' | 'POST'; path: string; url: (ctx: Ctx, actor: ActorName) => string; allowed: ActorName[]; form?: Record<string, string> };

/** The actor's own staged upload; one who may not have one is turned away before it is looked up, with another's. */
const uploadOf = (uploads: Uploads, actor: ActorName) => uploads.get(actor) ?? [...uploads.values()][0]!;

const base = '/admin/m/yokohama/plans/totsuka-ward/periods/4';
const districtPeriod = (c: Ctx) => `/admin/m/yokohama/plans/${c.district.key}/periods/${c.district.period}`;
const asahi = '/admin/m/yokohama/wards/asahi';
const asahiPlan = '/admin/m/yokohama/plans/asahi-ward';
const demoDistrict = demoDistricts[0]!.slug;
/** 鶴見区's demo district: its support team keeps it (so would 鶴見区's secretariat, not in the table). */
const districtAdmin = `/admin/m/yokohama/wards/tsurumi/districts/${demoDistrict}`;
const matrix: Row[] = [
  { method: 'GET', path: '/', url: () => '/', allowed: everyone },
  { method: 'GET', path: '/m/:m', url: () => '/m/yokohama', allowed: everyone },
  { method: 'GET', path: '/m/:m/wards/:ward', url: () => '/m/yokohama/wards/totsuka', allowed: everyone },
  { method: 'GET', path: '/m/:m/plans/:plan', url: () => '/m/yokohama/plans/totsuka-ward', allowed: everyone },
  { method: 'GET', path: '/m/:m/plans/:plan', url: (c) => `/m/yokohama/plans/${c.district.key}`, allowed: everyone },
  { method: 'GET', path: '/m/:m/plans/:plan/periods', url: () => '/m/yokohama/plans/tsurumi-ward/periods', allowed: everyone },
  { method: 'GET', path: '/m/:m/plans/:plan/periods/:n{[0-9]+}', url: () => '/m/yokohama/plans/tsurumi-ward/periods/2', allowed: everyone },
  { method: 'GET', path: '/m/:m/plans/:plan/periods/:n{[0-9]+}/plan.pdf', url: () => '/m/yokohama/plans/asahi-ward/periods/4/plan.pdf', allowed: everyone },
  { method: 'GET', path: '/m/:m/plans/:plan/periods/:n{[0-9]+}/plan.docx', url: () => '/m/yokohama/plans/asahi-ward/periods/4/plan.docx', allowed: everyone },
  { method: 'GET', path: `/m/:m/nodes/${uuid('id')}`, url: (c) => `/m/yokohama/nodes/${c.node}`, allowed: everyone },
  { method: 'GET', path: '/m/:m/organisations', url: () => '/m/yokohama/organisations', allowed: everyone },
  { method: 'GET', path: '/m/:m/organisations/:key', url: () => '/m/yokohama/organisations/totsuka-shakyo', allowed: everyone },
  // The setup page is the first visitor's while the database is empty; on this one, set up by the demo, everyone gets
  // a 404 (the page) or a 409 (sending it), and nobody a login page or a 403.
  { method: 'GET', path: '/setup', url: () => '/setup', allowed: everyone },
  { method: 'POST', path: '/setup', url: () => '/setup', allowed: everyone, form: { municipalityName: '川崎市', slug: 'kawasaki' } },
  { method: 'GET', path: '/healthz', url: () => '/healthz', allowed: everyone },
  // Everyone searches; what each finds is their own (search/search.test.ts, search/routes.test.ts).
  { method: 'GET', path: '/search', url: () => '/search?q=防災', allowed: everyone },
  { method: 'GET', path: '/login', url: () => '/login', allowed: everyone },
  { method: 'POST', path: '/login', url: () => '/login', allowed: everyone, form: { login: '', password: '' } },
  { method: 'POST', path: '/logout', url: () => '/logout', allowed: everyone },
  { method: 'GET', path: '/admin', url: () => '/admin', allowed: signedIn },
  { method: 'GET', path: '/admin/m/:m/plans/:plan/periods/:n{[0-9]+}', url: () => base, allowed: totsukaEditors },
  { method: 'GET', path: '/admin/m/:m/plans/:plan/periods/:n{[0-9]+}/edit', url: () => `${base}/edit`, allowed: totsukaEditors },
  { method: 'GET', path: '/admin/m/:m/plans/:plan/periods/:n{[0-9]+}', url: districtPeriod, allowed: districtEditors },
  { method: 'GET', path: '/admin/m/:m/plans/:plan/periods/:n{[0-9]+}/edit', url: (c) => `${districtPeriod(c)}/edit`, allowed: districtEditors },
  { method: 'POST', path: '/admin/m/:m/plans/:plan/periods/:n{[0-9]+}/nodes', url: (c) => `${districtPeriod(c)}/nodes`, allowed: districtEditors, form: { parentId: '', title: '' } },
  { method: 'GET', path: `/admin/m/:m/nodes/${uuid('id')}/edit`, url: (c) => `/admin/m/yokohama/nodes/${c.district.nodeId}/edit`, allowed: districtEditors },
  { method: 'POST', path: `/admin/m/:m/nodes/${uuid('id')}`, url: (c) => `/admin/m/yokohama/nodes/${c.district.nodeId}`, allowed: districtEditors, form: { version: 'x' } },
  { method: 'GET', path: `/admin/m/:m/nodes/${uuid('id')}/history`, url: (c) => `/admin/m/yokohama/nodes/${c.district.nodeId}/history`, allowed: districtEditors },
  { method: 'GET', path: '/admin/m/:m/plans/:plan/periods/:n{[0-9]+}/structure/:format{xlsx|csv}', url: (c) => `${districtPeriod(c)}/structure/csv`, allowed: districtEditors },
  { method: 'POST', path: '/admin/m/:m/plans/:plan/periods/:n{[0-9]+}/edit', url: () => `${base}/edit`, allowed: totsukaEditors, form: { version: '1', name: '' } },
  { method: 'POST', path: '/admin/m/:m/plans/:plan/periods/:n{[0-9]+}/nodes', url: () => `${base}/nodes`, allowed: totsukaEditors, form: { parentId: '', title: '' } },
  { method: 'GET', path: `/admin/m/:m/nodes/${uuid('id')}/edit`, url: (c) => `/admin/m/yokohama/nodes/${c.node}/edit`, allowed: totsukaEditors },
  { method: 'POST', path: `/admin/m/:m/nodes/${uuid('id')}`, url: (c) => `/admin/m/yokohama/nodes/${c.node}`, allowed: totsukaEditors, form: { version: 'x' } },
  { method: 'POST', path: `/admin/m/:m/nodes/${uuid('id')}/move`, url: (c) => `/admin/m/yokohama/nodes/${c.node}/move`, allowed: totsukaEditors, form: { direction: 'sideways' } },
  { method: 'POST', path: `/admin/m/:m/nodes/${uuid('id')}/delete`, url: (c) => `/admin/m/yokohama/nodes/${c.node}/delete`, allowed: totsukaEditors, form: { version: 'x' } },
  { method: 'GET', path: `/admin/m/:m/nodes/${uuid('id')}/history`, url: (c) => `/admin/m/yokohama/nodes/${c.node}/history`, allowed: totsukaEditors },
  { method: 'GET', path: '/admin/m/:m/plans/:plan/periods/:n{[0-9]+}/structure/:format{xlsx|csv}', url: () => `${base}/structure/xlsx`, allowed: totsukaEditors },
  { method: 'POST', path: '/admin/m/:m/plans/:plan/periods/:n{[0-9]+}/structure', url: () => `${base}/structure`, allowed: totsukaEditors, form: {} },
  { method: 'GET', path: `/admin/m/:m/plans/:plan/periods/:n{[0-9]+}/structure/imports/${uuid('upload')}`, url: (c, a) => `${base}/structure/imports/${uploadOf(c.structureUpload, a)}`, allowed: totsukaEditors },
  { method: 'POST', path: `/admin/m/:m/plans/:plan/periods/:n{[0-9]+}/structure/imports/${uuid('upload')}`, url: (c, a) => `${base}/structure/imports/${uploadOf(c.structureUpload, a)}`, allowed: totsukaEditors, form: { action: 'cancel' } },
  { method: 'GET', path: '/admin/m/:m/wards/:ward/contact', url: () => '/admin/m/yokohama/wards/asahi/contact', allowed: asahiManagers },
  { method: 'POST', path: '/admin/m/:m/wards/:ward/contact', url: () => '/admin/m/yokohama/wards/asahi/contact', allowed: asahiManagers, form: { version: 'x' } },
  { method: 'GET', path: '/admin/m/:m/organisations', url: () => '/admin/m/yokohama/organisations', allowed: registryKeepers },
  { method: 'GET', path: '/admin/m/:m/organisations/new', url: () => '/admin/m/yokohama/organisations/new', allowed: registryKeepers },
  { method: 'POST', path: '/admin/m/:m/organisations', url: () => '/admin/m/yokohama/organisations', allowed: registryKeepers, form: { name: '' } },
  { method: 'GET', path: '/admin/m/:m/organisations/:key/edit', url: () => '/admin/m/yokohama/organisations/totsuka-shakyo/edit', allowed: totsukaEditors },
  { method: 'POST', path: '/admin/m/:m/organisations/:key', url: () => '/admin/m/yokohama/organisations/totsuka-shakyo', allowed: totsukaEditors, form: { name: '' } },
  { method: 'GET', path: '/account/password', url: () => '/account/password', allowed: signedIn },
  { method: 'POST', path: '/account/password', url: () => '/account/password', allowed: signedIn, form: { currentPassword: '' } },
  { method: 'GET', path: '/admin/m/:m/accounts', url: () => accounts, allowed: accountKeepers },
  { method: 'GET', path: '/admin/m/:m/accounts/new', url: () => `${accounts}/new`, allowed: accountKeepers },
  { method: 'POST', path: '/admin/m/:m/accounts', url: () => accounts, allowed: accountKeepers, form: { login: '' } },
  // 旭区社協's staff: kept by the city administrator and 旭区's secretariat, not 戸塚区's.
  { method: 'GET', path: `/admin/m/:m/accounts/${uuid('id')}/edit`, url: (c) => `${accounts}/${c.asahiStaff}/edit`, allowed: asahiManagers },
  { method: 'POST', path: `/admin/m/:m/accounts/${uuid('id')}`, url: (c) => `${accounts}/${c.asahiStaff}`, allowed: asahiManagers, form: { version: 'x' } },
  { method: 'POST', path: `/admin/m/:m/accounts/${uuid('id')}/state`, url: (c) => `${accounts}/${c.asahiStaff}/state`, allowed: asahiManagers, form: { version: 'x', disabled: '1' } },
  { method: 'GET', path: `/admin/m/:m/accounts/${uuid('id')}/password`, url: (c) => `${accounts}/${c.asahiStaff}/password`, allowed: asahiManagers },
  { method: 'POST', path: `/admin/m/:m/accounts/${uuid('id')}/password`, url: (c) => `${accounts}/${c.asahiStaff}/password`, allowed: asahiManagers, form: { version: 'x', password: '' } },
  { method: 'GET', path: '/m/:m/wards/:ward/reports/:fiscalYear{[0-9]{4}}', url: () => '/m/yokohama/wards/asahi/reports/2023', allowed: everyone },
  { method: 'GET', path: `/m/:m/reports/${uuid('id')}`, url: (c) => `/m/yokohama/reports/${c.accepted}`, allowed: everyone },
  { method: 'GET', path: '/admin/m/:m/wards/:ward/rounds', url: () => `${asahi}/rounds`, allowed: asahiManagers },
  { method: 'GET', path: '/admin/m/:m/wards/:ward/rounds/new', url: () => `${asahi}/rounds/new`, allowed: asahiManagers },
  { method: 'POST', path: '/admin/m/:m/wards/:ward/rounds', url: () => `${asahi}/rounds`, allowed: asahiManagers, form: { title: '' } },
  { method: 'GET', path: '/admin/m/:m/wards/:ward/report-form', url: () => `${asahi}/report-form`, allowed: asahiManagers },
  { method: 'POST', path: '/admin/m/:m/wards/:ward/report-form', url: () => `${asahi}/report-form`, allowed: asahiManagers, form: { version: 'x' } },
  { method: 'GET', path: '/admin/m/:m/wards/:ward/reports/:fiscalYear{[0-9]{4}}', url: () => `${asahi}/reports/2023`, allowed: [...asahiManagers, 'committeeMember'] },
  { method: 'GET', path: `/admin/m/:m/rounds/${uuid('round')}`, url: (c) => `/admin/m/yokohama/rounds/${c.round}`, allowed: asahiManagers },
  { method: 'GET', path: `/admin/m/:m/rounds/${uuid('round')}/reminders.csv`, url: (c) => `/admin/m/yokohama/rounds/${c.round}/reminders.csv`, allowed: asahiManagers },
  { method: 'POST', path: `/admin/m/:m/rounds/${uuid('round')}/reminders`, url: (c) => `/admin/m/yokohama/rounds/${c.round}/reminders`, allowed: asahiManagers, form: { intent: 'selected' } },
  { method: 'GET', path: `/admin/m/:m/rounds/${uuid('round')}/workbook.xlsx`, url: (c) => `/admin/m/yokohama/rounds/${c.round}/workbook.xlsx`, allowed: asahiManagers },
  { method: 'POST', path: `/admin/m/:m/rounds/${uuid('round')}/workbook-imports`, url: (c) => `/admin/m/yokohama/rounds/${c.round}/workbook-imports`, allowed: asahiManagers },
  { method: 'GET', path: `/admin/m/:m/rounds/${uuid('round')}/workbook-imports/${uuid('upload')}`, url: (c, a) => `/admin/m/yokohama/rounds/${c.round}/workbook-imports/${uploadOf(c.workbookUpload, a)}`, allowed: asahiManagers },
  { method: 'POST', path: `/admin/m/:m/rounds/${uuid('round')}/workbook-imports/${uuid('upload')}`, url: (c, a) => `/admin/m/yokohama/rounds/${c.round}/workbook-imports/${uploadOf(c.workbookUpload, a)}`, allowed: asahiManagers, form: { intent: 'apply' } },
  { method: 'POST', path: `/admin/m/:m/rounds/${uuid('round')}/review`, url: (c) => `/admin/m/yokohama/rounds/${c.round}/review`, allowed: asahiManagers, form: { intent: 'accept' } },
  { method: 'GET', path: `/admin/m/:m/rounds/${uuid('round')}/assignments`, url: (c) => `/admin/m/yokohama/rounds/${c.round}/assignments`, allowed: asahiManagers },
  { method: 'POST', path: `/admin/m/:m/rounds/${uuid('round')}/assignments`, url: (c) => `/admin/m/yokohama/rounds/${c.round}/assignments`, allowed: asahiManagers, form: { 'rows-0-node': '' } },
  { method: 'POST', path: `/admin/m/:m/rounds/${uuid('round')}/status`, url: (c) => `/admin/m/yokohama/rounds/${c.round}/status`, allowed: asahiManagers, form: { version: 'x', status: 'closed' } },
  { method: 'GET', path: '/admin/m/:m/my-reports', url: () => '/admin/m/yokohama/my-reports', allowed: ['ownerStaff'] },
  { method: 'GET', path: `/admin/m/:m/reports/${uuid('report')}`, url: (c) => `/admin/m/yokohama/reports/${c.returned}`, allowed: [...asahiManagers, 'ownerStaff'] },
  { method: 'GET', path: `/admin/m/:m/reports/${uuid('report')}`, url: (c) => `/admin/m/yokohama/reports/${c.accepted}`, allowed: [...asahiManagers, 'committeeMember'] },
  { method: 'GET', path: `/admin/m/:m/reports/${uuid('report')}/edit`, url: (c) => `/admin/m/yokohama/reports/${c.returned}/edit`, allowed: ['ownerStaff'] },
  { method: 'POST', path: `/admin/m/:m/reports/${uuid('report')}`, url: (c) => `/admin/m/yokohama/reports/${c.returned}`, allowed: ['ownerStaff'], form: { version: 'x' } },
  { method: 'POST', path: `/admin/m/:m/reports/${uuid('report')}/submit`, url: (c) => `/admin/m/yokohama/reports/${c.returned}/submit`, allowed: ['ownerStaff'], form: { version: 'x' } },
  { method: 'POST', path: `/admin/m/:m/reports/${uuid('report')}/return`, url: (c) => `/admin/m/yokohama/reports/${c.submitted}/return`, allowed: asahiManagers, form: { version: 'x' } },
  { method: 'POST', path: `/admin/m/:m/reports/${uuid('report')}/accept`, url: (c) => `/admin/m/yokohama/reports/${c.submitted}/accept`, allowed: asahiManagers, form: { version: 'x' } },
  { method: 'POST', path: `/admin/m/:m/reports/${uuid('report')}/publication`, url: (c) => `/admin/m/yokohama/reports/${c.accepted}/publication`, allowed: asahiManagers, form: { version: 'x', published: '0' } },
  // A photo on 区社協's returned report: those who may read the report (not yet published).
  { method: 'GET', path: `/photos/${uuid('municipality')}/${uuid('photo')}`, url: () => photoUrl, allowed: [...asahiManagers, 'ownerStaff'] },
  { method: 'GET', path: '/api/v1/openapi.json', url: () => '/api/v1/openapi.json', allowed: everyone },
  { method: 'GET', path: '/api/v1/municipalities', url: () => '/api/v1/municipalities', allowed: everyone },
  { method: 'GET', path: '/api/v1/search', url: () => '/api/v1/search?q=見守り', allowed: everyone },
  { method: 'GET', path: '/api/v1/municipalities/:m/plans', url: () => '/api/v1/municipalities/yokohama/plans', allowed: everyone },
  { method: 'GET', path: '/api/v1/municipalities/:m/plans/:plan', url: () => '/api/v1/municipalities/yokohama/plans/asahi-ward', allowed: everyone },
  { method: 'GET', path: '/api/v1/municipalities/:m/plans/:plan/periods/:n{[0-9]+}/tree', url: () => '/api/v1/municipalities/yokohama/plans/asahi-ward/periods/4/tree', allowed: everyone },
  { method: 'GET', path: '/api/v1/municipalities/:m/organisations', url: () => '/api/v1/municipalities/yokohama/organisations', allowed: everyone },
  { method: 'GET', path: '/api/v1/municipalities/:m/organisations/:key', url: () => '/api/v1/municipalities/yokohama/organisations/asahi-shakyo', allowed: everyone },
  { method: 'GET', path: '/meetings/handout.css', url: () => '/meetings/handout.css', allowed: everyone },
  { method: 'GET', path: '/admin/m/:m/wards/:ward/meetings', url: () => `${asahi}/meetings`, allowed: [...asahiManagers, 'committeeMember'] },
  { method: 'GET', path: '/admin/m/:m/wards/:ward/meetings/new', url: () => `${asahi}/meetings/new`, allowed: asahiManagers },
  { method: 'POST', path: '/admin/m/:m/wards/:ward/meetings', url: () => `${asahi}/meetings`, allowed: asahiManagers, form: { title: '' } },
  { method: 'GET', path: `/admin/m/:m/meetings/${uuid('meeting')}`, url: (c) => `/admin/m/yokohama/meetings/${c.meeting}`, allowed: [...asahiManagers, 'committeeMember'] },
  { method: 'GET', path: `/admin/m/:m/meetings/${uuid('meeting')}/edit`, url: (c) => `/admin/m/yokohama/meetings/${c.meeting}/edit`, allowed: asahiManagers },
  { method: 'POST', path: `/admin/m/:m/meetings/${uuid('meeting')}`, url: (c) => `/admin/m/yokohama/meetings/${c.meeting}`, allowed: asahiManagers, form: { version: 'x', title: '' } },
  { method: 'POST', path: `/admin/m/:m/meetings/${uuid('meeting')}/share`, url: (c) => `/admin/m/yokohama/meetings/${c.meeting}/share`, allowed: asahiManagers, form: { version: 'x', shared: '0' } },
  { method: 'GET', path: `/admin/m/:m/meetings/${uuid('meeting')}/delete`, url: (c) => `/admin/m/yokohama/meetings/${c.meeting}/delete`, allowed: asahiManagers },
  { method: 'POST', path: `/admin/m/:m/meetings/${uuid('meeting')}/delete`, url: (c) => `/admin/m/yokohama/meetings/${c.meeting}/delete`, allowed: asahiManagers, form: { version: 'x' } },
  { method: 'GET', path: `/admin/m/:m/meetings/${uuid('meeting')}/materials/new`, url: (c) => `/admin/m/yokohama/meetings/${c.meeting}/materials/new?kind=text`, allowed: asahiManagers },
  { method: 'POST', path: `/admin/m/:m/meetings/${uuid('meeting')}/materials`, url: (c) => `/admin/m/yokohama/meetings/${c.meeting}/materials`, allowed: asahiManagers, form: { version: 'x', kind: 'text' } },
  { method: 'GET', path: `/admin/m/:m/meetings/${uuid('meeting')}/materials/${uuid('material')}/edit`, url: (c) => `/admin/m/yokohama/meetings/${c.meeting}/materials/${c.material}/edit`, allowed: asahiManagers },
  { method: 'POST', path: `/admin/m/:m/meetings/${uuid('meeting')}/materials/${uuid('material')}`, url: (c) => `/admin/m/yokohama/meetings/${c.meeting}/materials/${c.material}`, allowed: asahiManagers, form: { version: 'x', kind: 'text' } },
  { method: 'POST', path: `/admin/m/:m/meetings/${uuid('meeting')}/materials/${uuid('material')}/move`, url: (c) => `/admin/m/yokohama/meetings/${c.meeting}/materials/${c.material}/move`, allowed: asahiManagers, form: { version: 'x', direction: 'up' } },
  { method: 'POST', path: `/admin/m/:m/meetings/${uuid('meeting')}/materials/${uuid('material')}/delete`, url: (c) => `/admin/m/yokohama/meetings/${c.meeting}/materials/${c.material}/delete`, allowed: asahiManagers, form: { version: 'x' } },
  { method: 'GET', path: `/admin/m/:m/meetings/${uuid('meeting')}/material`, url: (c) => `/admin/m/yokohama/meetings/${c.meeting}/material`, allowed: [...asahiManagers, 'committeeMember'] },
  { method: 'GET', path: `/admin/m/:m/meetings/${uuid('meeting')}/material.pdf`, url: (c) => `/admin/m/yokohama/meetings/${c.meeting}/material.pdf`, allowed: [...asahiManagers, 'committeeMember'] },
  { method: 'GET', path: `/admin/m/:m/meetings/${uuid('meeting')}/material.docx`, url: (c) => `/admin/m/yokohama/meetings/${c.meeting}/material.docx`, allowed: [...asahiManagers, 'committeeMember'] },
  { method: 'GET', path: '/admin/m/:m/plans/:plan/evaluations', url: () => `${asahiPlan}/evaluations`, allowed: asahiManagers },
  { method: 'GET', path: '/admin/m/:m/plans/:plan/evaluation-scale', url: () => `${asahiPlan}/evaluation-scale`, allowed: asahiManagers },
  { method: 'POST', path: '/admin/m/:m/plans/:plan/evaluation-scale', url: () => `${asahiPlan}/evaluation-scale`, allowed: asahiManagers, form: { version: 'x' } },
  { method: 'GET', path: '/admin/m/:m/plans/:plan/evaluations/:year{[0-9]{4}}', url: () => `${asahiPlan}/evaluations/2023`, allowed: asahiManagers },
  { method: 'POST', path: '/admin/m/:m/plans/:plan/evaluations/:year{[0-9]{4}}', url: () => `${asahiPlan}/evaluations/2023`, allowed: asahiManagers, form: { 'grade-x': '' } },
  { method: 'POST', path: '/admin/m/:m/plans/:plan/evaluations/:year{[0-9]{4}}/publication', url: () => `${asahiPlan}/evaluations/2023/publication`, allowed: asahiManagers, form: { published: 'x' } },
  { method: 'GET', path: '/admin/m/:m/wards/:ward/imports', url: () => `${asahi}/imports`, allowed: asahiManagers },
  { method: 'POST', path: '/admin/m/:m/wards/:ward/imports', url: () => `${asahi}/imports`, allowed: asahiManagers, form: { file: '' } },
  { method: 'GET', path: `/admin/m/:m/wards/:ward/imports/${uuid('id')}`, url: (c) => `${asahi}/imports/${c.importId}`, allowed: asahiManagers },
  { method: 'POST', path: `/admin/m/:m/wards/:ward/imports/${uuid('id')}/corrections`, url: (c) => `${asahi}/imports/${c.importId}/corrections`, allowed: asahiManagers, form: { version: 'x', kind: 'node' } },
  { method: 'POST', path: `/admin/m/:m/wards/:ward/imports/${uuid('id')}/apply`, url: (c) => `${asahi}/imports/${c.importId}/apply`, allowed: asahiManagers, form: { version: 'x' } },
  { method: 'POST', path: `/admin/m/:m/wards/:ward/imports/${uuid('id')}/discard`, url: (c) => `${asahi}/imports/${c.importId}/discard`, allowed: asahiManagers, form: { version: 'x' } },
  { method: 'GET', path: '/m/:m/wards/:ward/districts', url: () => '/m/yokohama/wards/tsurumi/districts', allowed: everyone },
  { method: 'GET', path: '/m/:m/wards/:ward/districts/:district', url: () => `/m/yokohama/wards/tsurumi/districts/${demoDistrict}`, allowed: everyone },
  { method: 'GET', path: '/admin/m/:m/wards/:ward/districts', url: () => '/admin/m/yokohama/wards/totsuka/districts', allowed: totsukaEditors },
  { method: 'GET', path: '/admin/m/:m/wards/:ward/districts/:district', url: () => districtAdmin, allowed: districtEditors },
  ...(['details', 'team', 'statistics', 'milestones'] as const).flatMap((form): Row[] => [
    { method: 'GET', path: `/admin/m/:m/wards/:ward/districts/:district/${form}`, url: () => `${districtAdmin}/${form}`, allowed: districtEditors },
    { method: 'POST', path: `/admin/m/:m/wards/:ward/districts/:district/${form}`, url: () => `${districtAdmin}/${form}`, allowed: districtEditors, form: { version: 'x' } },
  ]),
  { method: 'GET', path: '/admin/m/:m/wards/:ward/districts/:district/plan', url: () => `${districtAdmin}/plan`, allowed: districtEditors },
  { method: 'POST', path: '/admin/m/:m/wards/:ward/districts/:district/plan', url: () => `${districtAdmin}/plan`, allowed: districtEditors, form: { name: '' } },
  { method: 'GET', path: '/admin/m/:m/wards/:ward/districts/:district/activities/new', url: () => `${districtAdmin}/activities/new`, allowed: districtEditors },
  { method: 'POST', path: '/admin/m/:m/wards/:ward/districts/:district/activities', url: () => `${districtAdmin}/activities`, allowed: districtEditors, form: { title: '' } },
  { method: 'GET', path: `/admin/m/:m/wards/:ward/districts/:district/activities/${uuid('activity')}/edit`, url: (c) => `${districtAdmin}/activities/${c.activity}/edit`, allowed: districtEditors },
  { method: 'POST', path: `/admin/m/:m/wards/:ward/districts/:district/activities/${uuid('activity')}`, url: (c) => `${districtAdmin}/activities/${c.activity}`, allowed: districtEditors, form: { version: 'x' } },
  { method: 'POST', path: `/admin/m/:m/wards/:ward/districts/:district/activities/${uuid('activity')}/delete`, url: (c) => `${districtAdmin}/activities/${c.activity}/delete`, allowed: districtEditors, form: { version: 'x' } },
  { method: 'GET', path: '/api/v1/municipalities/:m/wards/:ward/districts', url: () => '/api/v1/municipalities/yokohama/wards/tsurumi/districts', allowed: everyone },
  { method: 'GET', path: '/api/v1/municipalities/:m/wards/:ward/districts.csv', url: () => '/api/v1/municipalities/yokohama/wards/tsurumi/districts.csv', allowed: everyone },
  { method: 'GET', path: '/api/v1/municipalities/:m/wards/:ward/districts/statistics.csv', url: () => '/api/v1/municipalities/yokohama/wards/tsurumi/districts/statistics.csv', allowed: everyone },
  { method: 'GET', path: '/api/v1/municipalities/:m/wards/:ward/reports', url: () => '/api/v1/municipalities/yokohama/wards/asahi/reports', allowed: everyone },
  { method: 'GET', path: '/api/v1/municipalities/:m/wards/:ward/reports/:fiscalYear{[0-9]{4}}', url: () => '/api/v1/municipalities/yokohama/wards/asahi/reports/2023', allowed: everyone },
  { method: 'GET', path: '/assets/:name', url: () => '/assets/site.css', allowed: everyone },
];

let testApp: TestApp;
let ctx: Ctx;
let photoUrl = '';
const clients = new Map<ActorName, TestClient>();

/** Downloads a file and uploads it back unchanged, as `actor`; answers the staged upload the route redirects to. */
async function stagedBy(actor: ActorName, download: string, upload: string, field: string): Promise<string> {
  const client = clients.get(actor)!;
  const bytes = new Uint8Array(await (await client.request(download)).arrayBuffer());
  const location = (await client.postFile(upload, { field, name: 'file.xlsx', bytes })).headers.get('location') ?? '';
  return /([0-9a-f-]{36})$/.exec(location)![1]!;
}

async function stagedByEach(allowed: ActorName[], download: string, upload: string, field: string): Promise<Uploads> {
  const uploads: Uploads = new Map();
  for (const actor of allowed) uploads.set(actor, await stagedBy(actor, download, upload, field));
  return uploads;
}

useDemoApp(async (opened) => {
  const { database, demo } = opened;
  ({ testApp } = opened);
  for (const name of everyone) clients.set(name, await signIn(name));
  const { nodes } = await demo.tree('totsuka-ward', 4);
  const reportOf = async (state: Report['state'], owner: string) => (await demo.report(state, { owner })).report.id;
  const meeting = await demo.meeting();
  ctx = {
    asahiStaff: (await demo.actorOf('owner_staff')).id,
    node: nodes[0]!.children[0]!.id,
    district: await addDistrictPlan(database, demo.municipality.id),
    round: (await demo.round('open')).id,
    returned: await reportOf('returned', '旭区社会福祉協議会'),
    submitted: await reportOf('submitted', 'こども家庭支援課'),
    accepted: await reportOf('accepted', 'こども家庭支援課'),
    meeting: meeting.meeting.id,
    material: meeting.materials[0]!.id,
    activity: await addDistrictActivity(database, demo.municipality.id),
    importId: await stageDemoImport(database, demo.municipality.id),
    structureUpload: await stagedByEach(totsukaEditors, `${base}/structure/xlsx`, `${base}/structure`, 'file'),
    workbookUpload: new Map(),
  };
  const round = `/admin/m/yokohama/rounds/${ctx.round}`;
  ctx.workbookUpload = await stagedByEach(asahiManagers, `${round}/workbook.xlsx`, `${round}/workbook-imports`, 'workbook');
  photoUrl = photoPath(await attachTestPhoto(database, demo.municipality.id, ctx.returned));
});

async function signIn(actor: ActorName): Promise<TestClient> {
  const client = testApp.client();
  const login = actors[actor];
  if (login) expect((await client.login(login)).status).toBe(303);
  return client;
}
afterAll(() => closeDocumentBrowser());

describe('access', () => {
  it('has a row for every route the app registers', () => {
    const registered = testApp.app.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${r.path}`);
    const covered = new Set(matrix.map((r) => `${r.method} ${r.path}`));
    expect(registered.filter((r) => !covered.has(r))).toEqual([]);
  });

  for (const row of matrix) {
    for (const actor of everyone) {
      const allowed = row.allowed.includes(actor);
      it(`${row.method} ${row.path} — ${actor}: ${allowed ? 'allowed' : 'denied'}`, async () => {
        // Logging out ends a session: that row gets a session of its own.
        const client = row.path === '/logout' ? await signIn(actor) : clients.get(actor)!;
        const form = row.method === 'POST' ? { ...(row.form ?? {}), _csrf: await client.csrf() } : undefined;
        const response = await client.request(row.url(ctx, actor), { method: row.method, ...(form ? { form } : {}) });
        const toLogin = response.status === 303 && (response.headers.get('location') ?? '').startsWith('/login');
        if (allowed) {
          expect(response.status).toBeLessThan(500);
          expect(response.status).not.toBe(403);
          expect(toLogin && row.path !== '/logout').toBe(false);
        } else if (actor === 'anonymous') {
          expect(toLogin).toBe(true);
        } else {
          expect(response.status).toBe(403);
        }
      });
    }
  }
});
