/**
 * The interchange document: what the reader makes of one file (plans, figures, reports, surveys, meetings, schedule,
 * committees), plus every line it could not use. Field names of issue 4 are fixed; the others are additions.
 * Objects are loose: a consumer must accept fields it does not know, so later readers can add them.
 * `interchange.schema.json` is generated from these schemas (`node --import tsx src/reading/interchange-schema.ts`).
 */
import { z } from 'zod';

/** 1-based first and last line of the extracted text that an item was read from. */
export const sourceLinesSchema = z.tuple([z.int().min(1), z.int().min(1)]);

const text = z.string();
const nullableText = z.string().nullable();
const fiscalYear = z.int().min(1868).max(9999);

export const situationSchema = z.looseObject({ heading: text, body: text, sourceLines: sourceLinesSchema });

export const reviewItemSchema = z.looseObject({
  /** The heading the text stood under (取組・成果, 継続したい視点, 注力ポイント …), as printed. */
  heading: nullableText,
  text,
  sourceLines: sourceLinesSchema,
});

export const actorGroupSchema = z.looseObject({
  /** As printed before 「の取組」: 区役所, 区社会福祉協議会, 地域ケアプラザ … */
  actor: text,
  items: z.array(z.looseObject({ title: text, body: nullableText, sourceLines: sourceLinesSchema })),
  sourceLines: sourceLinesSchema,
});

export interface PlanNode {
  level: string;
  code: string;
  title: string;
  description: string | null;
  owners: string[];
  situation: z.infer<typeof situationSchema>[];
  vision: string | null;
  keywords: string[];
  examples: string[];
  children: PlanNode[];
  initiativesByActor: z.infer<typeof actorGroupSchema>[];
  issues: string[];
  review: z.infer<typeof reviewItemSchema>[];
  efforts: string[];
  sourceLines: [number, number];
  [extra: string]: unknown;
}

export const planNodeSchema: z.ZodType<PlanNode> = z.looseObject({
  /** The level's name as the document prints it (基本目標, 目指す姿, 施策目標 …); "" when it prints none. */
  level: text,
  /** The number as printed, in ASCII digits (1, 1-1); "" for unnumbered items (・ or ◆ lists). */
  code: text,
  title: text,
  description: nullableText,
  owners: z.array(text),
  situation: z.array(situationSchema),
  vision: nullableText,
  keywords: z.array(text),
  /** Lists the document sets beside the children (代表的な取り組み例, 【具体的な取組】). */
  examples: z.array(text),
  get children() {
    return z.array(planNodeSchema);
  },
  /** Initiatives grouped by who does them (区役所の取組, 区社会福祉協議会の取組 …). */
  initiativesByActor: z.array(actorGroupSchema),
  /** Issues for the next period (…に向けた主な課題). */
  issues: z.array(text),
  /** Review texts filed under this node (振り返り, 取組・成果, 継続したい視点 …). */
  review: z.array(reviewItemSchema),
  /** What is being done towards this node, as a questionnaire or table lists it (…ですすめていること). */
  efforts: z.array(text),
  sourceLines: sourceLinesSchema,
});

export const planSchema = z.looseObject({
  name: nullableText,
  nickname: nullableText,
  tier: z.enum(['city', 'ward', 'district']).nullable(),
  ward: nullableText,
  district: nullableText,
  period: z.int().min(1).nullable(),
  fiscalYearStart: fiscalYear.nullable(),
  fiscalYearEnd: fiscalYear.nullable(),
  philosophy: nullableText,
  /** Level names from the top down; "" for a level the document does not name. */
  levels: z.array(text),
  nodes: z.array(planNodeSchema),
  /** 'formulating' when the document is about making this plan (策定). */
  status: z.enum(['adopted', 'formulating']).nullable(),
  /** Text the document gives about the period (経過, 策定方針 …). */
  description: nullableText,
  review: z.array(reviewItemSchema),
  sourceLines: sourceLinesSchema,
});

export const indicatorValueSchema = z.looseObject({
  fiscalYear: fiscalYear.nullable(),
  fiscalYearEnd: fiscalYear.optional(),
  /** Null when the document states there is no value (記載なし, 未設置); the note says which. */
  value: z.number().nullable(),
  kind: z.enum(['actual', 'planned', 'target', 'baseline']),
  note: text.optional(),
  /** As printed: 平成21年度末, 平成22年4月, H28 … */
  asWritten: text.optional(),
  /** YYYY-MM when the value is dated to a month. */
  month: text.optional(),
});

export const indicatorSchema = z.looseObject({
  name: text,
  unit: nullableText,
  /** The group heading printed above it (人材, 施設 …) or the table's 項目 column. */
  category: nullableText,
  description: nullableText,
  values: z.array(indicatorValueSchema),
  sourceLines: sourceLinesSchema,
});

export const photoSchema = z.looseObject({ caption: text, sourceLines: sourceLinesSchema });

export const reportSchema = z.looseObject({
  title: text,
  owner: nullableText,
  fiscalYear: fiscalYear.nullable(),
  /** The top goal the report is filed under, as printed (title of the 目指す姿 …). */
  goal: nullableText,
  goalCode: nullableText,
  issue: nullableText,
  content: nullableText,
  collaboration: nullableText,
  outcome: nullableText,
  photos: z.array(photoSchema),
  sourceLines: sourceLinesSchema,
});

export const surveyAnswerSchema = z.looseObject({
  label: text,
  percent: z.number(),
  previousPercent: z.number().optional(),
  /** The arrow printed between the two values (↗ ↘ ↙ → …). */
  trend: text.optional(),
});

export const surveyQuestionSchema = z.looseObject({
  text,
  n: z.int().min(0).nullable(),
  multiple: z.boolean(),
  answers: z.array(surveyAnswerSchema),
  sourceLines: sourceLinesSchema,
});

export const surveySchema = z.looseObject({
  name: text,
  fiscalYear: fiscalYear.nullable(),
  /** The earlier survey the bracketed percentages come from. */
  previous: z.looseObject({ name: text, fiscalYear: fiscalYear.nullable() }).nullable(),
  questions: z.array(surveyQuestionSchema),
  sourceLines: sourceLinesSchema,
});

export const agendaItemSchema = z.looseObject({
  /** As printed: 1, 2, 議題1 … */
  number: nullableText,
  title: text,
  speaker: text.optional(),
  materials: z.array(text),
  /** The number of the item it is printed under (議題1 under 3 議事). */
  parent: text.optional(),
});

export const meetingSchema = z.looseObject({
  title: text,
  date: z.iso.date().nullable(),
  start: nullableText,
  end: nullableText,
  venue: nullableText,
  agenda: z.array(agendaItemSchema),
  /** 資料N and its title, as the 次第 lists them. */
  materials: z.array(z.looseObject({ code: text, title: text })),
  sourceLines: sourceLinesSchema,
});

export const scheduleStepSchema = z.looseObject({
  fiscalYear: fiscalYear.nullable(),
  month: z.int().min(1).max(12).nullable(),
  monthEnd: z.int().min(1).max(12).optional(),
  day: z.int().min(1).max(31).optional(),
  title: text,
  track: text.optional(),
  sourceLines: sourceLinesSchema,
});

export const committeeMemberSchema = z.looseObject({
  category: nullableText,
  field: nullableText,
  organisation: text,
  marks: z.array(text),
  sourceLines: sourceLinesSchema,
});

export const committeeSchema = z.looseObject({
  name: text,
  memberCount: z.int().min(0).nullable(),
  description: nullableText,
  /** What each mark means, from the table's notes (★ → 推進会議と共通の組織・団体). */
  legend: z.record(z.string(), z.string()),
  members: z.array(committeeMemberSchema),
  sourceLines: sourceLinesSchema,
});

export const sectionSchema = z.looseObject({
  /** Headings above this one, outermost first. */
  path: z.array(text),
  heading: nullableText,
  body: text,
  /** A table under the heading, cells as printed (tags stripped). */
  rows: z.array(z.array(text)).optional(),
  sourceLines: sourceLinesSchema,
});

export const lineNoteSchema = z.looseObject({ line: z.int().min(1), text, reason: text });
export const unrecognisedLineSchema = z.looseObject({ line: z.int().min(1), text, hint: text.optional() });

export const sourceSchema = z.looseObject({
  file: text,
  format: z.enum(['txt', 'md', 'pdf', 'docx', 'xlsx', 'csv']),
  /** How the bytes were decoded (text formats). */
  encoding: text.optional(),
  lines: z.int().min(0),
  warnings: z.array(text),
});

export const interchangeSchema = z.looseObject({
  version: z.literal(1),
  source: sourceSchema,
  plans: z.array(planSchema),
  indicators: z.array(indicatorSchema),
  reports: z.array(reportSchema),
  surveys: z.array(surveySchema),
  meetings: z.array(meetingSchema),
  schedule: z.array(scheduleStepSchema),
  committees: z.array(committeeSchema),
  /** Headed text that is none of the above (prose, profiles, generic tables): kept, not dropped. */
  sections: z.array(sectionSchema),
  /** Lines read as layout noise: page headers, legends, tables of contents, repeated blocks … */
  ignored: z.array(lineNoteSchema),
  unrecognised: z.array(unrecognisedLineSchema),
  stats: z.looseObject({
    lines: z.int().min(0),
    blank: z.int().min(0),
    used: z.int().min(0),
    ignored: z.int().min(0),
    unrecognised: z.int().min(0),
  }),
});

export type SourceLines = z.infer<typeof sourceLinesSchema>;
export type Situation = z.infer<typeof situationSchema>;
export type ReviewItem = z.infer<typeof reviewItemSchema>;
export type ActorGroup = z.infer<typeof actorGroupSchema>;
export type Plan = z.infer<typeof planSchema>;
export type Indicator = z.infer<typeof indicatorSchema>;
export type IndicatorValue = z.infer<typeof indicatorValueSchema>;
export type Report = z.infer<typeof reportSchema>;
export type Survey = z.infer<typeof surveySchema>;
export type SurveyQuestion = z.infer<typeof surveyQuestionSchema>;
export type AgendaItem = z.infer<typeof agendaItemSchema>;
export type Meeting = z.infer<typeof meetingSchema>;
export type ScheduleStep = z.infer<typeof scheduleStepSchema>;
export type Committee = z.infer<typeof committeeSchema>;
export type CommitteeMember = z.infer<typeof committeeMemberSchema>;
export type Section = z.infer<typeof sectionSchema>;
export type LineNote = z.infer<typeof lineNoteSchema>;
export type UnrecognisedLine = z.infer<typeof unrecognisedLineSchema>;
export type Source = z.infer<typeof sourceSchema>;
export type InterchangeDocument = z.infer<typeof interchangeSchema>;
