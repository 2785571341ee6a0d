/** The change set of a whole document: its plans, then its meetings, then its reports (see change-set.ts). */
import { createHash } from 'node:crypto';
import type { DbOrTx } from '../kernel/db/database.ts';
import { problem, type Problem } from '../kernel/i18n/index.ts';
import { partsOf } from '../meetings/queries.ts';
import { loadTree } from '../plans/queries.ts';
import type { InterchangeDocument, Meeting, SourceLines } from '../reading/interchange.ts';
import { ChangeSetBuilder, same, storedAgenda, type Baseline, type ChangeSet, type ImportProblem, type NotStoredItem, type Operation, type WardContext } from './change-set.ts';
import { typedByHand } from './hand-edits.ts';
import { addReports } from './report-changes.ts';

function notStoredOfDocument(document: InterchangeDocument): NotStoredItem[] {
  const item = (kind: Problem) => (label: NotStoredItem['label'], sourceLines: SourceLines) => ({ kind, label, sourceLines });
  return [
    ...document.indicators.map((x) => item(problem('import.notStored.indicator'))(x.name, x.sourceLines)),
    ...document.surveys.map((x) => item(problem('import.notStored.survey'))(x.name, x.sourceLines)),
    ...document.schedule.map((x) => item(problem('import.notStored.schedule'))(x.title, x.sourceLines)),
    ...document.committees.map((x) => item(problem('import.notStored.committee'))(x.name, x.sourceLines)),
    ...document.sections.map((x) => item(problem('import.notStored.section'))(x.heading ?? problem('import.notStored.noHeading'), x.sourceLines)),
    ...document.plans.flatMap((plan) => {
      const name = plan.name ?? plan.nickname ?? problem('import.notStored.plan');
      return plan.review.length > 0 ? [item(problem('import.notStored.planReview'))(problem('import.notStored.counted', { label: name, count: plan.review.length }), plan.sourceLines)] : [];
    }),
  ];
}

/** The ward's meeting of the same date and title, with its 次第. */
async function existingMeeting(db: DbOrTx, context: WardContext, meeting: Meeting & { date: string }) {
  const row = context.meetings.find((m) => m.date === meeting.date && same(m.title, meeting.title));
  return row ? { row, agenda: storedAgenda((await partsOf(db, row)).agenda) } : undefined;
}

async function addMeetings(db: DbOrTx, builder: ChangeSetBuilder, context: WardContext, document: InterchangeDocument) {
  for (const [index, meeting] of document.meetings.entries()) {
    const date = meeting.date;
    if (date === null) {
      builder.notStored.push({ kind: problem('import.notStored.meetingUndated'), label: meeting.title, sourceLines: meeting.sourceLines });
      continue;
    }
    const dated = { ...meeting, date };
    builder.meeting(dated, await existingMeeting(db, context, dated), index);
  }
}

function fingerprintOf(operations: Operation[], problems: ImportProblem[]): string {
  return createHash('sha256').update(JSON.stringify({ operations, problems })).digest('base64url').slice(0, 32);
}

/** The change set of a (corrected) document against the ward as the database holds it now. */
export async function computeChangeSet(db: DbOrTx, context: WardContext, document: InterchangeDocument, baseline: Baseline): Promise<ChangeSet> {
  const builder = new ChangeSetBuilder(context, baseline);
  document.plans.forEach((plan, index) => builder.plan(plan, index));
  while (builder.pendingTrees.length > 0) {
    const { period, resolve } = builder.pendingTrees.shift()!;
    resolve(await loadTree(db, context.municipalityId, period));
  }
  await addMeetings(db, builder, context, document);
  await addReports(db, builder, context, document);
  builder.settleHandEdits(await typedByHand(db, context.municipalityId, builder.notWrittenByImports));
  const notStored = [...notStoredOfDocument(document), ...builder.notStored];
  const unrecognised = document.unrecognised.map(({ line, text }) => ({ line, text }));
  return {
    operations: builder.operations,
    missing: builder.missing,
    notStored,
    unrecognised,
    problems: builder.problems,
    values: builder.values,
    fingerprint: fingerprintOf(builder.operations, builder.problems),
  };
}
