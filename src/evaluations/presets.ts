import type { Grade } from './schema.ts';

/**
 * The scales a plan can start from on the scale page; each is then the plan's own to change. Their labels and meanings
 * are Japanese content, stored as the secretariat's own text (like the report form's presets).
 */
export const scalePresets = {
  abc: [
    { label: 'A', meaning: '計画どおり進んでいる' },
    { label: 'B', meaning: 'おおむね進んでいる' },
    { label: 'C', meaning: '遅れている' },
  ],
  sabc: [
    { label: 'S', meaning: '計画を上回って進んでいる' },
    { label: 'A', meaning: '計画どおり進んでいる' },
    { label: 'B', meaning: 'おおむね進んでいる' },
    { label: 'C', meaning: '遅れている' },
    { label: '−', meaning: '評価できない（実施していない）' },
  ],
  marks: [
    { label: '◎', meaning: '十分に進んでいる' },
    { label: '○', meaning: '進んでいる' },
    { label: '△', meaning: '進んでいない' },
  ],
  achievement: [
    { label: '達成', meaning: '目指す姿を達成した' },
    { label: '概ね達成', meaning: '目指す姿をおおむね達成した' },
    { label: '未達成', meaning: '目指す姿を達成していない' },
  ],
} satisfies Record<string, Grade[]>;
export type ScalePreset = keyof typeof scalePresets;
export const scalePresetNames = Object.keys(scalePresets) as ScalePreset[];

export function isScalePreset(name: unknown): name is ScalePreset {
  return typeof name === 'string' && Object.hasOwn(scalePresets, name);
}
