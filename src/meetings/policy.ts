import type { Actor } from '../kernel/auth/actor.ts';
import { isCityAdminOf, isCommitteeMemberOf, isWardSecretariatOf } from '../kernel/auth/policy.ts';
import { readers, type Reader } from '../kernel/auth/readers.ts';

type WardScope = { municipalityId: string; wardId: string };
export type MeetingScope = WardScope & { sharedAt: Date | null };

/**
 * Who may do what with committee meetings. The ward's secretariat (and the city administrator) prepare meetings and
 * their material; the ward's committee members read a meeting and download its material once it is shared with them.
 * Nothing here is public: owner staff and other wards' accounts are turned away.
 */
export const meetingPolicy = {
  manageWard: (actor: Actor, ward: WardScope) => isCityAdminOf(actor, ward.municipalityId) || isWardSecretariatOf(actor, ward.municipalityId, ward.wardId),
  manage: (actor: Actor, meeting: MeetingScope) => meetingPolicy.manageWard(actor, meeting),
  /** Deleting takes the meeting away from the committee too (when shared): only those who prepare it. */
  delete: (actor: Actor, meeting: MeetingScope) => meetingPolicy.manage(actor, meeting),
  read: (actor: Actor, meeting: MeetingScope) =>
    meetingPolicy.manage(actor, meeting) || (meeting.sharedAt !== null && isCommitteeMemberOf(actor, meeting.municipalityId, meeting.wardId)),
  /** Who finds a meeting in the search: those `read` lets in (never the public). */
  readers: (meeting: MeetingScope): Reader[] => [
    readers.city(meeting.municipalityId),
    readers.wardSecretariat(meeting.municipalityId, meeting.wardId),
    ...(meeting.sharedAt !== null ? [readers.committee(meeting.municipalityId, meeting.wardId)] : []),
  ],
  /** Has the ward's list of shared meetings at all. */
  listShared: (actor: Actor, ward: WardScope) => meetingPolicy.manageWard(actor, ward) || isCommitteeMemberOf(actor, ward.municipalityId, ward.wardId),
};
