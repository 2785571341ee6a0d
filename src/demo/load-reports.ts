import type { CommandResult, CommandScope } from '../kernel/db/command.ts';
import { matchOrganisation, type Organisation } from '../organisations/queries.ts';
import { findPlan, loadTree, type PlanNode } from '../plans/queries.ts';
import { acceptReport, openRound, returnReport, saveReport, setPublished, setRoundStatus, submitReport } from '../reports/commands.ts';
import { roundItems, type Report } from '../reports/queries.ts';
import { readDemoReports, roundDates, type DemoReport, type ReportsFile } from './demo-data.ts';

type Context = { municipalityId: string; wardIds: Map<string, string>; organisations: Organisation[] };

/** A demo step must go through; if it does not, the data file is wrong and loading stops with the reason. */
export function expectOk<T>(result: CommandResult<T, unknown>, what: string, kind = '実績報告'): T {
  if (result.ok) return result.value;
  const why = result.reason === 'refused' ? JSON.stringify(result.message) : result.reason === 'invalid' ? JSON.stringify(result.errors) : result.reason;
  throw new Error(`デモデータの${kind}「${what}」を読み込めません: ${why}`);
}

async function goalsOf(scope: CommandScope, context: Context, file: ReportsFile): Promise<Map<string, PlanNode>> {
  const plan = await findPlan(scope.tx, context.municipalityId, file.plan);
  const period = plan?.periods.find((p) => p.number === file.period);
  if (!period) throw new Error(`デモデータの実績報告: ${file.plan} 第${file.period}期がありません`);
  return new Map((await loadTree(scope.tx, context.municipalityId, period.id)).map((node) => [node.code, node]));
}

function ownerIds(context: Context, wardId: string, report: DemoReport): string[] {
  return report.owners.map((written) => {
    const found = matchOrganisation(context.organisations, written, wardId);
    if (!found) throw new Error(`デモデータの実績報告「${report.title}」: 推進主体「${written}」が登録簿にありません`);
    return found.id;
  });
}

/** Takes one report from draft to the state the file gives, through the same commands the pages use. */
async function playReport(scope: CommandScope, municipalityId: string, start: Report, demo: DemoReport): Promise<void> {
  const target = { municipalityId, reportId: start.id };
  let report = start;
  if (Object.keys(demo.values).length > 0) report = expectOk(await saveReport(scope, target, { version: report.version, values: demo.values }), demo.title);
  if (demo.state === 'draft') return;
  report = expectOk(await submitReport(scope, target, { version: report.version, values: report.values }), demo.title);
  if (demo.state === 'returned') {
    const comment = demo.returnComment ?? '';
    expectOk(await returnReport(scope, target, { version: report.version, comment, fieldComments: demo.fieldComments }), demo.title);
    return;
  }
  if (demo.state !== 'accepted') return;
  report = expectOk(await acceptReport(scope, target, { version: report.version }), demo.title);
  if (demo.published) expectOk(await setPublished(scope, target, { version: report.version, published: true }), demo.title);
}

/**
 * Loads every reports file: each round opened, its reports played through, then closed if the file says so. A made-up
 * round is placed relative to `today` (roundDates), so the demo's open round is always open, never long overdue.
 */
export async function insertDemoReports(scope: CommandScope, context: Context, today: string): Promise<number> {
  let count = 0;
  for (const file of await readDemoReports()) {
    const wardId = context.wardIds.get(file.ward);
    if (!wardId) throw new Error(`デモデータの実績報告: 区「${file.ward}」がありません`);
    const goals = await goalsOf(scope, context, file);
    for (const demo of file.rounds) {
      const assignments = demo.reports.map((report) => {
        const goal = goals.get(report.goal);
        if (!goal) throw new Error(`デモデータの実績報告「${report.title}」: 目指す姿「${report.goal}」がありません`);
        return { nodeId: goal.id, title: report.title, ownerIds: ownerIds(context, wardId, report) };
      });
      const round = expectOk(await openRound(scope, { municipalityId: context.municipalityId, wardId }, { ...roundDates(demo, today), assignments }), demo.title);
      const items = await roundItems(scope.tx, round);
      for (const [i, item] of items.entries()) await playReport(scope, context.municipalityId, item.report, demo.reports[i]!);
      if (demo.status === 'closed') expectOk(await setRoundStatus(scope, { municipalityId: context.municipalityId, roundId: round.id }, { version: round.version, status: 'closed' }), demo.title);
      count += items.length;
    }
  }
  return count;
}
