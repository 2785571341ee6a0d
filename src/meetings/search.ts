import type { CommandScope } from '../kernel/db/command.ts';
import type { Tx } from '../kernel/db/database.ts';
import { findMunicipalityById } from '../municipalities/queries.ts';
import { indexDocuments, removeDocuments, type SearchDocument, type SearchSource } from '../search/commands.ts';
import { meetingPaths } from './paths.ts';
import { meetingPolicy } from './policy.ts';
import { meetingsOf, partsOf, type Meeting } from './queries.ts';

/** A meeting's document: its title; its venue, 次第 (with speakers), materials and notes. Never public. */
async function documentsOf(tx: Tx, municipalityId: string, rows: Meeting[]): Promise<SearchDocument[]> {
  const municipality = await findMunicipalityById(tx, municipalityId);
  if (!municipality) return [];
  const documents: SearchDocument[] = [];
  for (const meeting of rows) {
    const { agenda, materials } = await partsOf(tx, meeting);
    documents.push({
      municipalityId,
      kind: 'meeting',
      sourceId: meeting.id,
      wardId: meeting.wardId,
      periodId: null,
      periodLabel: null,
      fiscalYear: meeting.fiscalYear,
      readers: meetingPolicy.readers(meeting),
      title: meeting.title,
      path: meetingPaths.meeting(municipality.slug, meeting.id),
      body: [
        meeting.venue,
        ...agenda.map((line) => [line.title, line.speaker].filter(Boolean).join(' ')),
        ...materials.map((material) => `${material.number} ${material.title}`),
        meeting.notes,
      ]
        .filter((text) => text.length > 0)
        .join('\n'),
    });
  }
  return documents;
}

/** Writes a meeting into the search index, in the transaction of the command that changed it. */
export async function indexMeeting(scope: CommandScope, meeting: Meeting): Promise<void> {
  await indexDocuments(scope, await documentsOf(scope.tx, meeting.municipalityId, [meeting]));
}

/** Takes a deleted meeting out of the search index. */
export function removeMeeting(scope: CommandScope, target: { municipalityId: string; meetingId: string }): Promise<void> {
  return removeDocuments(scope, { municipalityId: target.municipalityId, kind: 'meeting' }, [target.meetingId]);
}

/** Every meeting of a municipality, for a rebuild of the index. */
export const meetingSource: SearchSource = {
  kinds: ['meeting'],
  async documents(scope, municipalityId) {
    return documentsOf(scope.tx, municipalityId, await meetingsOf(scope.tx, municipalityId));
  },
};
