import { describe, expect, it } from 'vitest';
import { anonymous, type Actor, type Role } from '../kernel/auth/actor.ts';
import { readsAsOneOf } from '../kernel/auth/readers.ts';
import { reportPolicy, type ReportScope } from './policy.ts';
import { reportStates } from './schema.ts';

const municipalityId = 'm-1';
const ward = 'w-1';
const user = (role: Role, scope: { wardId?: string; organisationId?: string; municipalityId?: string } = {}): Actor => ({
  kind: 'user', id: `u-${role}`, municipalityId: scope.municipalityId ?? municipalityId, login: role, displayName: role, role,
  wardId: scope.wardId ?? null, organisationId: scope.organisationId ?? null, districtId: null,
});

const actors: [string, Actor][] = [
  ['the public', anonymous],
  ['the city administrator', user('city_admin')],
  ['another city’s administrator', user('city_admin', { municipalityId: 'm-2' })],
  ['a secretariat of another city’s ward with the same id', user('ward_secretariat', { wardId: ward, municipalityId: 'm-2' })],
  ['the ward’s secretariat', user('ward_secretariat', { wardId: ward })],
  ['another ward’s secretariat', user('ward_secretariat', { wardId: 'w-2' })],
  ['an owner’s staff', user('owner_staff', { organisationId: 'o-1' })],
  ['a joint owner’s staff', user('owner_staff', { organisationId: 'o-2' })],
  ['another organisation’s staff', user('owner_staff', { organisationId: 'o-3' })],
  ['the ward’s committee', user('committee_member', { wardId: ward })],
  ['another ward’s committee', user('committee_member', { wardId: 'w-2' })],
  ['a district team', user('district_support')],
];

const reports: ReportScope[] = reportStates.flatMap((state) =>
  (state === 'accepted' ? [false, true] : [false]).map((published) => ({ municipalityId, wardId: ward, ownerIds: ['o-1', 'o-2'], state, published })),
);

describe('who finds a report in the search', () => {
  it.each(actors)('is who may read it: %s', (_name, actor) => {
    for (const report of reports) {
      const mayRead = reportPolicy.readPublished(report) || reportPolicy.read(actor, report);
      expect(readsAsOneOf(actor, reportPolicy.readers(report)), `${report.state}${report.published ? ', published' : ''}`).toBe(mayRead);
    }
  });
});
