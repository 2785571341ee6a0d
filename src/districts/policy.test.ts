import { describe, expect, it } from 'vitest';
import { anonymous, type Role, type SessionUser } from '../kernel/auth/actor.ts';
import { districtPolicy } from './policy.ts';

const user = (role: Role, scope: Partial<Pick<SessionUser, 'wardId' | 'districtId' | 'municipalityId'>> = {}): SessionUser => ({
  kind: 'user', id: 'u', municipalityId: 'city', login: role, displayName: role, role, wardId: null, organisationId: null, districtId: null, ...scope,
});
const district = { municipalityId: 'city', id: 'north', wardId: 'tsurumi' };

describe('who keeps a district', () => {
  it('lets its own support team, its ward’s secretariat and the city administrator edit it', () => {
    expect(districtPolicy.edit(user('district_support', { districtId: 'north' }), district)).toBe(true);
    expect(districtPolicy.edit(user('ward_secretariat', { wardId: 'tsurumi' }), district)).toBe(true);
    expect(districtPolicy.edit(user('city_admin'), district)).toBe(true);
  });

  it('turns away another district’s team, another ward’s secretariat, another city and everyone else', () => {
    expect(districtPolicy.edit(user('district_support', { districtId: 'south' }), district)).toBe(false);
    expect(districtPolicy.edit(user('ward_secretariat', { wardId: 'asahi' }), district)).toBe(false);
    expect(districtPolicy.edit(user('city_admin', { municipalityId: 'kawasaki' }), district)).toBe(false);
    expect(districtPolicy.edit(user('committee_member', { wardId: 'tsurumi' }), district)).toBe(false);
    expect(districtPolicy.edit(anonymous, district)).toBe(false);
  });

  it('lets every resident read every district', () => {
    expect(districtPolicy.read(anonymous)).toBe(true);
  });

  it('gives the ward’s list of districts to those who keep the whole ward', () => {
    expect(districtPolicy.manageWard(user('ward_secretariat', { wardId: 'tsurumi' }), { municipalityId: 'city', wardId: 'tsurumi' })).toBe(true);
    expect(districtPolicy.manageWard(user('district_support', { districtId: 'north' }), { municipalityId: 'city', wardId: 'tsurumi' })).toBe(false);
  });
});
