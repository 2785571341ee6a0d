import { z } from 'zod';
import type { CommandScope } from '../kernel/db/command.ts';
import { saveScale, saveYear, setYearPublished } from '../evaluations/commands.ts';
import { isScalePreset, scalePresets, type ScalePreset } from '../evaluations/presets.ts';
import { findPlan, loadTree } from '../plans/queries.ts';
import { readJson } from './demo-data.ts';
import { expectOk } from './load-reports.ts';

/** A ward plan's scale (one of the presets) and its evaluations of some fiscal years, by goal code. */
const evaluationsFile = z.object({
  ward: z.string(),
  plan: z.string(),
  period: z.number().int(),
  scale: z.custom<ScalePreset>(isScalePreset, 'one of the scale presets'),
  note: z.string(),
  years: z.array(
    z.object({
      fiscalYear: z.number().int(),
      published: z.boolean(),
      evaluations: z.array(z.object({ goal: z.string(), grade: z.string(), comment: z.string() })),
    }),
  ),
});

const EVALUATION_FILES = ['asahi-evaluations.json'];

/** Loads each file through the evaluation commands the pages use: the scale, each year's grades, then publishing. */
export async function insertDemoEvaluations(scope: CommandScope, ids: { municipalityId: string }): Promise<void> {
  for (const name of EVALUATION_FILES) {
    const file = await readJson(name, evaluationsFile);
    const plan = await findPlan(scope.tx, ids.municipalityId, file.plan);
    const period = plan?.periods.find((p) => p.number === file.period);
    if (!plan || !period) throw new Error(`デモデータの評価: ${file.plan} 第${file.period}期がありません`);
    const goals = new Map((await loadTree(scope.tx, ids.municipalityId, period.id)).map((node) => [node.code, node]));
    const target = { municipalityId: ids.municipalityId, planId: plan.id };
    expectOk(await saveScale(scope, target, { version: 0, grades: scalePresets[file.scale] }), file.plan, '評価の段階');
    for (const year of file.years) {
      const entries = year.evaluations.map((e) => {
        const goal = goals.get(e.goal);
        if (!goal) throw new Error(`デモデータの評価: 目指す姿「${e.goal}」がありません`);
        return { nodeId: goal.id, version: 0, grade: e.grade, comment: e.comment };
      });
      expectOk(await saveYear(scope, { ...target, fiscalYear: year.fiscalYear }, entries), String(year.fiscalYear), '評価');
      if (year.published) expectOk(await setYearPublished(scope, { ...target, fiscalYear: year.fiscalYear }, { published: true }), String(year.fiscalYear), '評価');
    }
  }
}
