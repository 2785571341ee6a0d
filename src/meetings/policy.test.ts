import { describe, expect, it } from 'vitest';
import { anonymous, type SessionUser } from '../kernel/auth/actor.ts';
import type { Role } from '../kernel/auth/actor.ts';
import { meetingPolicy } from './policy.ts';

const M = 'm-1';
const ASAHI = 'ward-asahi';
const user = (role: Role, wardId: string | null = null, municipalityId = M): SessionUser => ({
  kind: 'user', id: 'u', municipalityId, login: 'x', displayName: 'x', role, wardId, organisationId: role === 'owner_staff' ? 'org' : null, districtId: null,
});
const meeting = (sharedAt: Date | null) => ({ municipalityId: M, wardId: ASAHI, sharedAt });

describe('meeting policy', () => {
  it('lets the ward’s secretariat and the city administrator prepare meetings, shared or not', () => {
    for (const actor of [user('ward_secretariat', ASAHI), user('city_admin')]) {
      expect(meetingPolicy.manage(actor, meeting(null))).toBe(true);
      expect(meetingPolicy.read(actor, meeting(null))).toBe(true);
    }
    expect(meetingPolicy.manage(user('ward_secretariat', 'ward-totsuka'), meeting(null))).toBe(false);
    expect(meetingPolicy.manage(user('city_admin', null, 'm-2'), meeting(null))).toBe(false);
  });

  it('lets the ward’s committee members read a meeting once it is shared, never prepare it', () => {
    const member = user('committee_member', ASAHI);
    expect(meetingPolicy.read(member, meeting(null))).toBe(false);
    expect(meetingPolicy.read(member, meeting(new Date()))).toBe(true);
    expect(meetingPolicy.manage(member, meeting(new Date()))).toBe(false);
    expect(meetingPolicy.read(user('committee_member', 'ward-totsuka'), meeting(new Date()))).toBe(false);
  });

  it('lets only those who prepare a meeting delete it, shared or not: never its committee members', () => {
    for (const shared of [null, new Date()]) {
      expect(meetingPolicy.delete(user('ward_secretariat', ASAHI), meeting(shared))).toBe(true);
      expect(meetingPolicy.delete(user('city_admin'), meeting(shared))).toBe(true);
      expect(meetingPolicy.delete(user('committee_member', ASAHI), meeting(shared))).toBe(false);
      expect(meetingPolicy.delete(user('ward_secretariat', 'ward-totsuka'), meeting(shared))).toBe(false);
    }
  });

  it('keeps owner staff, district teams and the public out, shared or not', () => {
    for (const actor of [user('owner_staff', ASAHI), user('district_support', ASAHI), anonymous]) {
      expect(meetingPolicy.read(actor, meeting(new Date()))).toBe(false);
      expect(meetingPolicy.listShared(actor, meeting(null))).toBe(false);
    }
  });
});
