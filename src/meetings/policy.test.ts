import { describe, expect, it } from 'vitest';
import { anonymous, type SessionUser } from '../kernel/auth/actor.ts';
import { readsAsOneOf } from '../kernel/auth/readers.ts';
import { useDemoDatabase } from '../testing/demo-setup.ts';
import { meetingPolicy } from './policy.ts';

let actors: Record<'asahiSecretariat' | 'totsukaSecretariat' | 'cityAdmin' | 'committee' | 'ownerStaff' | 'districtTeam', SessionUser>;
let meeting: (sharedAt: Date | null, where?: { municipalityId?: string; ward?: 'asahi' | 'totsuka' }) => { municipalityId: string; wardId: string; sharedAt: Date | null };

useDemoDatabase(async ({ demo }) => {
  actors = {
    asahiSecretariat: await demo.actorOf('ward_secretariat', 'asahi'),
    totsukaSecretariat: await demo.actorOf('ward_secretariat', 'totsuka'),
    cityAdmin: await demo.actorOf('city_admin'),
    committee: await demo.actorOf('committee_member'),
    ownerStaff: await demo.actorOf('owner_staff'),
    districtTeam: await demo.actorOf('district_support'),
  };
  const wards = { asahi: (await demo.ward('asahi')).id, totsuka: (await demo.ward('totsuka')).id };
  meeting = (sharedAt, where = {}) => ({ municipalityId: where.municipalityId ?? demo.municipality.id, wardId: wards[where.ward ?? 'asahi'], sharedAt });
});

/** Another municipality's meeting: no account of the demo's city reaches it. */
const elsewhere = { municipalityId: '00000000-0000-4000-8000-000000000000' };

describe('meeting policy', () => {
  it('lets the ward’s secretariat and the city administrator prepare meetings, shared or not', () => {
    for (const actor of [actors.asahiSecretariat, actors.cityAdmin]) {
      expect(meetingPolicy.manage(actor, meeting(null))).toBe(true);
      expect(meetingPolicy.read(actor, meeting(null))).toBe(true);
    }
    expect(meetingPolicy.manage(actors.totsukaSecretariat, meeting(null))).toBe(false);
    expect(meetingPolicy.manage(actors.cityAdmin, meeting(null, elsewhere))).toBe(false);
  });

  it('lets the ward’s committee members read a meeting once it is shared, never prepare it', () => {
    expect(meetingPolicy.read(actors.committee, meeting(null))).toBe(false);
    expect(meetingPolicy.read(actors.committee, meeting(new Date()))).toBe(true);
    expect(meetingPolicy.manage(actors.committee, meeting(new Date()))).toBe(false);
    expect(meetingPolicy.read(actors.committee, meeting(new Date(), { ward: 'totsuka' }))).toBe(false);
  });

  it('lets only those who prepare a meeting delete it, shared or not: never its committee members', () => {
    for (const shared of [null, new Date()]) {
      expect(meetingPolicy.delete(actors.asahiSecretariat, meeting(shared))).toBe(true);
      expect(meetingPolicy.delete(actors.cityAdmin, meeting(shared))).toBe(true);
      expect(meetingPolicy.delete(actors.committee, meeting(shared))).toBe(false);
      expect(meetingPolicy.delete(actors.totsukaSecretariat, meeting(shared))).toBe(false);
    }
  });

  it('keeps owner staff, district teams and the public out, shared or not', () => {
    for (const actor of [actors.ownerStaff, actors.districtTeam, anonymous]) {
      expect(meetingPolicy.read(actor, meeting(new Date()))).toBe(false);
      expect(meetingPolicy.listShared(actor, meeting(null))).toBe(false);
    }
  });

  it('lets find a meeting in the search exactly those who may read it', () => {
    for (const actor of [anonymous, ...Object.values(actors)]) {
      for (const scope of [meeting(null), meeting(new Date()), meeting(new Date(), { ward: 'totsuka' }), meeting(new Date(), elsewhere)]) {
        expect(readsAsOneOf(actor, meetingPolicy.readers(scope)), `${actor.kind === 'user' ? actor.login : 'the public'}, shared: ${scope.sharedAt !== null}`).toBe(meetingPolicy.read(actor, scope));
      }
    }
  });
});
