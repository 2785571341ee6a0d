import type { Actor } from '../kernel/auth/actor.ts';
import { isCityAdminOf, isCommitteeMemberOf, isUser, isWardSecretariatOf } from '../kernel/auth/policy.ts';
import { readers, type Reader } from '../kernel/auth/readers.ts';
import type { ReportState } from './schema.ts';

type WardScope = { municipalityId: string; wardId: string };
export type ReportScope = WardScope & { ownerIds: string[]; state: ReportState; published: boolean };

const isOwnerStaffOf = (actor: Actor, report: ReportScope) =>
  isUser(actor, 'owner_staff') && actor.municipalityId === report.municipalityId && actor.organisationId !== null && report.ownerIds.includes(actor.organisationId);

/**
 * Who may do what in the reporting cycle. The ward's secretariat (and the city administrator) run the rounds and
 * review; owner staff write only their own organisation's reports, never see another owner's; the ward's committee
 * members read accepted reports; everyone reads what was published.
 */
export const reportPolicy = {
  manageWard: (actor: Actor, ward: WardScope) => isCityAdminOf(actor, ward.municipalityId) || isWardSecretariatOf(actor, ward.municipalityId, ward.wardId),
  review: (actor: Actor, report: ReportScope) => reportPolicy.manageWard(actor, report),
  write: (actor: Actor, report: ReportScope) => isOwnerStaffOf(actor, report),
  read: (actor: Actor, report: ReportScope) =>
    reportPolicy.review(actor, report) ||
    isOwnerStaffOf(actor, report) ||
    (report.state === 'accepted' && isCommitteeMemberOf(actor, report.municipalityId, report.wardId)),
  readAccepted: (actor: Actor, ward: WardScope) => reportPolicy.manageWard(actor, ward) || isCommitteeMemberOf(actor, ward.municipalityId, ward.wardId),
  /** Has a "my assignments" list at all: staff of an organisation of this municipality. */
  listOwn: (actor: Actor, municipalityId: string) => isUser(actor, 'owner_staff') && actor.municipalityId === municipalityId && actor.organisationId !== null,
  readPublished: (report: Pick<ReportScope, 'state' | 'published'>) => report.state === 'accepted' && report.published,
  /**
   * Who finds a report in the search: everyone once it is published; before, those `read` lets in (the city
   * administrator, the ward's secretariat, its owners' staff, and once accepted the ward's committee).
   */
  readers: (report: ReportScope): Reader[] =>
    reportPolicy.readPublished(report)
      ? [readers.public]
      : [
          readers.city(report.municipalityId),
          readers.wardSecretariat(report.municipalityId, report.wardId),
          ...report.ownerIds.map((id) => readers.organisationStaff(report.municipalityId, id)),
          ...(report.state === 'accepted' ? [readers.committee(report.municipalityId, report.wardId)] : []),
        ],
  /** A report's photos go to whoever may read the report, and to everyone once it is published. */
  readPhoto: (actor: Actor, report: ReportScope) => reportPolicy.readPublished(report) || reportPolicy.read(actor, report),
};
