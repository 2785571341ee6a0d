import type { DbOrTx } from '../../kernel/db/database.ts';
import { formatFiscalYear } from '../../kernel/wareki/index.ts';
import type { Ward } from '../../municipalities/queries.ts';
import { findPeriodById, findPlanById, listWardPlans, loadTree, type Period, type Plan, type PlanNode } from '../../plans/queries.ts';
import { acceptedReports, groupByGoal, type ReportItem } from '../../reports/queries.ts';
import { printedPhotosOfReports, type PrintedPhoto } from '../../reports/photos/queries.ts';
import { materialChoiceOf, type MaterialChoice } from '../inputs.ts';
import type { AgendaItem, Material, Meeting, MeetingRecord } from '../queries.ts';

/**
 * The committee handout as data: a cover (title, 日時, 会場, 次第) and the materials in order, each resolved from the
 * database (the plan at a glance, the accepted reports with their photos, a text page). The web page, the PDF and the
 * Word file are all drawn from this one value.
 */

/** A photo as the handout prints it (see printedPhotosOfReports). */
export type Photo = PrintedPhoto;

export type HandoutReport = { item: ReportItem; photos: Photo[] };
export type HandoutGoal = { goal: ReportItem['goal']; levels: string[]; reports: HandoutReport[] };

type SectionHead = { number: string; title: string };
export type HandoutSection = SectionHead &
  (
    | { kind: 'plan_overview'; plan: Plan; period: Period; tree: PlanNode[] }
    | { kind: 'reports'; fiscalYear: number; goals: HandoutGoal[] }
    | { kind: 'text'; body: string }
    /** A material whose source is gone (a deleted plan period, say): printed as a page that says so. */
    | { kind: 'missing'; reason: string }
  );

export type Cover = {
  title: string;
  ward: Ward;
  date: string | null;
  startTime: string | null;
  endTime: string | null;
  venue: string;
  notes: string;
  agenda: Pick<AgendaItem, 'title' | 'speaker' | 'materials'>[];
};

export type Handout = { cover: Cover; sections: HandoutSection[] };

async function reportsSection(db: DbOrTx, ward: Ward, head: SectionHead, options: { fiscalYear: number; reportIds: string[] | null }): Promise<HandoutSection> {
  const accepted = await acceptedReports(db, ward.municipalityId, ward.id, options.fiscalYear, { publishedOnly: false });
  const chosen = options.reportIds ? accepted.filter((item) => options.reportIds!.includes(item.report.id)) : accepted;
  const photos = await printedPhotosOfReports(db, ward.municipalityId, chosen.map((item) => item.report.id));
  const goals = groupByGoal(chosen).map((group) => ({
    goal: group.goal,
    levels: group.levels,
    reports: group.items.map((item) => ({ item, photos: photos.get(item.report.id) ?? [] })),
  }));
  return { ...head, kind: 'reports', fiscalYear: options.fiscalYear, goals };
}

async function sectionOf(db: DbOrTx, ward: Ward, head: SectionHead, choice: MaterialChoice | null): Promise<HandoutSection> {
  if (!choice) return { ...head, kind: 'missing', reason: 'この資料の設定を読み取れません。資料を編集し直してください。' };
  if (choice.kind === 'text') return { ...head, kind: 'text', body: choice.options.body };
  if (choice.kind === 'reports') return reportsSection(db, ward, head, choice.options);
  const period = await findPeriodById(db, ward.municipalityId, choice.options.periodId);
  const plan = period ? await findPlanById(db, ward.municipalityId, period.planId) : null;
  if (!period || !plan) return { ...head, kind: 'missing', reason: '選ばれていた計画の期が見つかりません。資料を編集し直してください。' };
  return { ...head, kind: 'plan_overview', plan, period, tree: await loadTree(db, ward.municipalityId, period.id) };
}

function coverOf(meeting: Meeting, ward: Ward, agenda: Cover['agenda']): Cover {
  const { title, date, startTime, endTime, venue, notes } = meeting;
  return { title, ward, date, startTime, endTime, venue, notes, agenda };
}

/** A stored meeting's handout. */
export async function meetingHandout(db: DbOrTx, ward: Ward, record: MeetingRecord): Promise<Handout> {
  const sections: HandoutSection[] = [];
  for (const material of record.materials) sections.push(await sectionOf(db, ward, headOf(material), materialChoiceOf(material)));
  return { cover: coverOf(record.meeting, ward, record.agenda), sections };
}

const headOf = (material: Material): SectionHead => ({ number: material.number, title: material.title });

/** The ward's own plan period that covers the fiscal year (the latest one starting by then). */
export async function periodCovering(db: DbOrTx, ward: Ward, fiscalYear: number): Promise<Period | null> {
  const periods = (await listWardPlans(db, ward.municipalityId, ward.id))
    .filter((plan) => plan.tier === 'ward')
    .flatMap((plan) => plan.periods)
    .filter((period) => period.fiscalYearStart <= fiscalYear && (period.fiscalYearEnd === null || fiscalYear <= period.fiscalYearEnd));
  return periods.sort((a, b) => b.fiscalYearStart - a.fiscalYearStart)[0] ?? null;
}

/**
 * The standard handout of a ward's year without a stored meeting: cover 「令和5年度 取組報告」, 資料1 the plan at a
 * glance of the period covering that year (when there is one), 資料2 all the year's accepted reports.
 */
export async function yearHandout(db: DbOrTx, ward: Ward, fiscalYear: number): Promise<Handout> {
  const year = formatFiscalYear(fiscalYear);
  const period = await periodCovering(db, ward, fiscalYear);
  const choices: [SectionHead, MaterialChoice][] = [
    ...(period ? [[{ number: '', title: '計画の概要' }, { kind: 'plan_overview', options: { periodId: period.id } }] as [SectionHead, MaterialChoice]] : []),
    [{ number: '', title: `${year}の取組報告` }, { kind: 'reports', options: { fiscalYear, reportIds: null } }],
  ];
  const sections: HandoutSection[] = [];
  for (const [index, [head, choice]] of choices.entries()) sections.push(await sectionOf(db, ward, { ...head, number: `資料${index + 1}` }, choice));
  const agenda = sections.map((section) => ({ title: section.title, speaker: null, materials: [section.number] }));
  return { cover: { title: `${year} 取組報告`, ward, date: null, startTime: null, endTime: null, venue: '', notes: '', agenda }, sections };
}

/** Every photo the handout prints, in order. */
export const handoutPhotos = (handout: Handout): Photo[] =>
  handout.sections.flatMap((section) => (section.kind === 'reports' ? section.goals.flatMap((goal) => goal.reports.flatMap((report) => report.photos)) : []));

/** How many reports the handout prints (one page each). */
export const reportCount = (handout: Handout) =>
  handout.sections.reduce((sum, section) => sum + (section.kind === 'reports' ? section.goals.reduce((n, goal) => n + goal.reports.length, 0) : 0), 0);

/** 令和6年度 第1回旭区地域福祉保健推進会議_資料.pdf */
export const handoutFileName = (handout: Handout, extension: 'pdf' | 'docx') => `${handout.cover.title.replace(/[\\/:*?"<>|\s]+/gu, '_')}_資料.${extension}`;
