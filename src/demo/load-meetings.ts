import { z } from 'zod';
import type { CommandScope } from '../kernel/db/command.ts';
import { addMaterial, createMeeting, setShared } from '../meetings/commands.ts';
import type { MaterialChoice } from '../meetings/inputs.ts';
import { findPlan } from '../plans/queries.ts';
import { readJson } from './demo-data.ts';
import { expectOk } from './load-reports.ts';

/** Committee meetings of one ward, transcribed from a seed's notice (日時, 会場, 次第) with the handout's materials. */
const meetingsFile = z.object({
  ward: z.string(),
  meetings: z.array(
    z.object({
      title: z.string(),
      date: z.string(),
      startTime: z.string().nullable(),
      endTime: z.string().nullable(),
      venue: z.string(),
      notes: z.string(),
      shared: z.boolean(),
      source: z.object({ file: z.string(), lines: z.tuple([z.number(), z.number()]), note: z.string().optional() }),
      agenda: z.array(z.object({ title: z.string(), speaker: z.string().optional(), materials: z.array(z.string()) })),
      materials: z.array(
        z.discriminatedUnion('kind', [
          z.object({ number: z.string(), title: z.string(), kind: z.literal('plan_overview'), plan: z.string(), period: z.number() }),
          z.object({ number: z.string(), title: z.string(), kind: z.literal('reports'), fiscalYear: z.number() }),
          z.object({ number: z.string(), title: z.string(), kind: z.literal('text'), body: z.string() }),
        ]),
      ),
    }),
  ),
});
type DemoMaterial = z.output<typeof meetingsFile>['meetings'][number]['materials'][number];

async function choiceOf(scope: CommandScope, municipalityId: string, material: DemoMaterial): Promise<MaterialChoice> {
  if (material.kind === 'reports') return { kind: 'reports', options: { fiscalYear: material.fiscalYear, reportIds: null } };
  if (material.kind === 'text') return { kind: 'text', options: { body: material.body } };
  const period = (await findPlan(scope.tx, municipalityId, material.plan))?.periods.find((p) => p.number === material.period);
  if (!period) throw new Error(`デモデータの推進会議「${material.number}」: ${material.plan} 第${material.period}期がありません`);
  return { kind: 'plan_overview', options: { periodId: period.id } };
}

/** Loads the demo meetings through the same commands the pages use: created, materials added in order, shared. */
export async function insertDemoMeetings(scope: CommandScope, context: { municipalityId: string; wardIds: Map<string, string> }): Promise<number> {
  const file = await readJson('asahi-meetings.json', meetingsFile);
  const wardId = context.wardIds.get(file.ward);
  if (!wardId) throw new Error(`デモデータの推進会議: 区「${file.ward}」がありません`);
  for (const demo of file.meetings) {
    const agenda = demo.agenda.map((line) => ({ title: line.title, speaker: line.speaker ?? null, materials: line.materials }));
    const { title, date, startTime, endTime, venue, notes } = demo;
    let meeting = expectOk(await createMeeting(scope, { municipalityId: context.municipalityId, wardId }, { title, date, startTime, endTime, venue, notes, agenda }), demo.title, '推進会議');
    const target = { municipalityId: context.municipalityId, meetingId: meeting.id };
    for (const material of demo.materials) {
      const choice = await choiceOf(scope, context.municipalityId, material);
      meeting = expectOk(await addMaterial(scope, target, { version: meeting.version, number: material.number, title: material.title, ...choice }), demo.title, '推進会議');
    }
    if (demo.shared) expectOk(await setShared(scope, target, { version: meeting.version, shared: true }), demo.title, '推進会議');
  }
  return file.meetings.length;
}
