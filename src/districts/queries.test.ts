import { describe, expect, it } from 'vitest';
import { rollup, rollupBySpan } from './queries.ts';

/** 鶴見区 (004): 地区別計画推進組織の新規設置, 3地区 in 平成17–21年度 and 5地区 in 平成22–26年度. */
const founded = [2006, 2008, 2009, 2010, 2011, 2012, 2012, 2014].map((fiscalYear) => ({ kind: 'organisation_founded' as const, fiscalYear }));
const forums = [2005, 2005].map((fiscalYear) => ({ kind: 'first_forum' as const, fiscalYear }));

describe('the ward figures counted from the districts’ milestones', () => {
  it('counts each plan period’s new ones: 3 → 5', () => {
    const spans = rollupBySpan([...founded, ...forums], [{ from: 2005, to: 2009 }, { from: 2010, to: 2014 }]);
    expect(spans.map((s) => s.reached.organisation_founded)).toEqual([3, 5]);
    expect(spans.map((s) => s.reached.first_forum)).toEqual([2, 0]);
  });

  it('gives every fiscal year from the first step to the last year asked, new and running total', () => {
    const years = rollup(founded, 2016);
    expect(years.map((y) => y.fiscalYear)).toEqual([2006, 2007, 2008, 2009, 2010, 2011, 2012, 2013, 2014, 2015, 2016]);
    expect(years.find((y) => y.fiscalYear === 2012)).toMatchObject({ reached: { organisation_founded: 2 }, total: { organisation_founded: 7 } });
    expect(years.at(-1)!.total.organisation_founded).toBe(8);
  });

  it('has no years without a milestone', () => {
    expect(rollup([], 2025)).toEqual([]);
  });
});
