import { describe, expect, it } from 'vitest';
import { gradeSpread } from './queries.ts';
import { scalePresets } from './presets.ts';
import { evaluationYears } from './years.ts';

type Tree = { id: string; children: Tree[] };
const node = (id: string, ...children: Tree[]): Tree => ({ id, children });

describe('the roll-up of grades', () => {
  const goal = node('goal', node('t1', node('t1a'), node('t1b')), node('t2'), node('t3'));

  it('counts every item below, in the scale’s order with every grade (0 included), and the items not evaluated', () => {
    const grades = new Map([['goal', 'C'], ['t1', 'A'], ['t1a', 'A'], ['t2', 'B']]);
    const spread = gradeSpread(goal, grades, scalePresets.abc);
    expect(spread.counts.map(({ grade, count }) => [grade.label, count])).toEqual([['A', 2], ['B', 1], ['C', 0]]);
    expect(spread.none).toBe(2);
  });

  it('counts a grade no longer on the scale as not evaluated, and a leaf has nothing below it', () => {
    expect(gradeSpread(goal, new Map([['t2', '◎'], ['t3', 'A']]), scalePresets.abc)).toMatchObject({ none: 4, counts: [{ count: 1 }, { count: 0 }, { count: 0 }] });
    expect(gradeSpread(node('leaf'), new Map([['leaf', 'A']]), scalePresets.abc)).toEqual({ counts: scalePresets.abc.map((grade) => ({ grade, count: 0 })), none: 0 });
  });
});

describe('the years a plan is evaluated for', () => {
  const period = (number: number, fiscalYearStart: number, fiscalYearEnd: number | null) => ({ number, fiscalYearStart, fiscalYearEnd });

  it('are the years that have begun, newest first; an open-ended period ends where the next begins', () => {
    const years = evaluationYears([period(4, 2021, null), period(5, 2026, 2030)], 2027);
    expect(years.map((y) => [y.fiscalYear, y.period.number])).toEqual([[2027, 5], [2026, 5], [2025, 4], [2024, 4], [2023, 4], [2022, 4], [2021, 4]]);
    expect(evaluationYears([period(1, 2030, 2034)], 2026)).toEqual([]);
  });
});
