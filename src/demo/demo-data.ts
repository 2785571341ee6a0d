import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { addDays, fiscalYearOf, formatFiscalYear } from '../kernel/wareki/index.ts';
import { municipalityKinds } from '../municipalities/queries.ts';
import { organisationKinds } from '../organisations/queries.ts';
import { periodStatuses, planTiers } from '../plans/queries.ts';
import { reportStates, roundStatuses } from '../reports/queries.ts';

/** The demo files' shape: close to the interchange document of the document reader, plus the registry. */
const sourceRef = z.object({ file: z.string(), lines: z.tuple([z.number(), z.number()]).optional(), note: z.string().optional() });

type DemoNode = {
  code?: string | undefined;
  title: string;
  description?: string | null | undefined;
  owners?: string[] | undefined;
  situation?: { heading: string; body: string }[] | undefined;
  vision?: string | null | undefined;
  keywords?: string[] | undefined;
  examples?: string[] | undefined;
  review?: string[] | undefined;
  issues?: string[] | undefined;
  initiativesByActor?: { actor: string; items: { title: string; body?: string | null | undefined }[] }[] | undefined;
  source?: z.infer<typeof sourceRef> | undefined;
  children?: DemoNode[] | undefined;
};

const demoNode: z.ZodType<DemoNode> = z.lazy(() =>
  z.object({
    code: z.string().optional(),
    title: z.string(),
    description: z.string().nullable().optional(),
    owners: z.array(z.string()).optional(),
    situation: z.array(z.object({ heading: z.string(), body: z.string() })).optional(),
    vision: z.string().nullable().optional(),
    keywords: z.array(z.string()).optional(),
    examples: z.array(z.string()).optional(),
    review: z.array(z.string()).optional(),
    issues: z.array(z.string()).optional(),
    initiativesByActor: z
      .array(z.object({ actor: z.string(), items: z.array(z.object({ title: z.string(), body: z.string().nullable().optional() })) }))
      .optional(),
    source: sourceRef.optional(),
    children: z.array(demoNode).optional(),
  }),
);

const demoPeriod = z.object({
  period: z.number().int().positive(),
  fiscalYearStart: z.number().int(),
  fiscalYearEnd: z.number().int().nullable(),
  name: z.string(),
  nickname: z.string().nullable().optional(),
  philosophy: z.string().nullable().optional(),
  levels: z.array(z.string()).default([]),
  status: z.enum(periodStatuses).optional(),
  source: sourceRef.optional(),
  nodes: z.array(demoNode).default([]),
});

const demoPlan = z.object({
  key: z.string(),
  tier: z.enum(planTiers),
  parent: z.string().optional(),
  name: z.string(),
  nickname: z.string().nullable().optional(),
  description: z.string().nullable().optional(),
  periods: z.array(demoPeriod),
});

export const municipalityFile = z.object({
  municipality: z.object({ slug: z.string(), name: z.string(), romanisedName: z.string().nullable().default(null), kind: z.enum(municipalityKinds), prefecture: z.string() }),
  wards: z.array(
    z.object({
      slug: z.string(),
      name: z.string(),
      romanisedName: z.string().nullable().default(null),
      /** 問い合わせ先 of the ward's public pages, as far as the seeds name it. */
      contact: z.object({ department: z.string(), phone: z.string().nullable().default(null), email: z.string().nullable().default(null) }).optional(),
    }),
  ),
  districts: z.array(z.object({ slug: z.string(), name: z.string(), romanisedName: z.string().nullable().default(null), ward: z.string() })).default([]),
  organisations: z.array(
    z.object({
      key: z.string(),
      name: z.string(),
      kind: z.enum(organisationKinds),
      ward: z.string().nullable().optional(),
      aliases: z.array(z.string()).default([]),
      collective: z.boolean().default(false),
      description: z.string().nullable().optional(),
    }),
  ),
  plans: z.array(demoPlan).default([]),
});

export const wardFile = z.object({ ward: z.string(), plans: z.array(demoPlan) });

export type MunicipalityFile = z.output<typeof municipalityFile>;
export type WardFile = z.output<typeof wardFile>;
export type DemoPlan = z.output<typeof demoPlan>;
export type DemoPeriod = z.output<typeof demoPeriod>;
export type { DemoNode };

export type DemoSet = { municipality: MunicipalityFile; wards: WardFile[] };

const dataDir = new URL('./data/', import.meta.url);
const WARD_FILES = ['totsuka.json', 'tsurumi.json', 'asahi.json'];

export async function readJson<T>(name: string, schema: z.ZodType<T>): Promise<T> {
  const path = fileURLToPath(new URL(name, dataDir));
  const parsed = schema.safeParse(JSON.parse(await readFile(path, 'utf8')));
  if (!parsed.success) {
    const where = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`デモデータ ${path} の形式に誤りがあります:\n${where}`);
  }
  return parsed.data;
}

export async function readDemoSet(): Promise<DemoSet> {
  return {
    municipality: await readJson('yokohama.json', municipalityFile),
    wards: await Promise.all(WARD_FILES.map((name) => readJson(name, wardFile))),
  };
}

const demoReport = z.object({
  goal: z.string(),
  owners: z.array(z.string()).min(1),
  title: z.string(),
  state: z.enum(reportStates),
  published: z.boolean().default(false),
  values: z.record(z.string(), z.string()).default({}),
  returnComment: z.string().optional(),
  fieldComments: z.record(z.string(), z.string()).default({}),
  source: sourceRef.optional(),
});

/** A round a document records: its fiscal year and deadline as they were. */
const recordedDates = z.object({ fiscalYear: z.number().int(), deadline: z.string() });

/**
 * A made-up round, placed by the day the demo is loaded so that it never ages: it asks for the fiscal year that ended
 * last (年度, April to March) and is due `deadlineInDays` days after that day; `{fiscalYear}` in its title is that year
 * in 和暦.
 */
const placedDates = z.object({ asOfLoading: z.object({ deadlineInDays: z.number().int().positive() }) });

const demoRound = z
  .object({
    title: z.string(),
    status: z.enum(roundStatuses),
    source: sourceRef.optional(),
    note: z.string().optional(),
    reports: z.array(demoReport),
  })
  .and(z.union([recordedDates, placedDates]));

/** Reporting rounds of one ward's plan period: the seed's finished round, and a made-up open one. */
export const reportsFile = z.object({
  ward: z.string(),
  plan: z.string(),
  period: z.number().int(),
  rounds: z.array(demoRound),
});
export type ReportsFile = z.output<typeof reportsFile>;
export type DemoReport = z.output<typeof demoReport>;
export type DemoRound = z.output<typeof demoRound>;

/** A demo round's year, deadline and title on `today` (YYYY-MM-DD): as recorded, or placed relative to that day. */
export function roundDates(round: DemoRound, today: string): { fiscalYear: number; deadline: string; title: string } {
  if (!('asOfLoading' in round)) return { fiscalYear: round.fiscalYear, deadline: round.deadline, title: round.title };
  const fiscalYear = fiscalYearOf(today) - 1;
  return {
    fiscalYear,
    deadline: addDays(today, round.asOfLoading.deadlineInDays),
    title: round.title.replace('{fiscalYear}', formatFiscalYear(fiscalYear)),
  };
}

const REPORT_FILES = ['asahi-reports.json'];

export async function readDemoReports(): Promise<ReportsFile[]> {
  return Promise.all(REPORT_FILES.map((name) => readJson(name, reportsFile)));
}
