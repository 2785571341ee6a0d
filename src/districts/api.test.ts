import { describe, expect, it } from 'vitest';
import { useDemoApp, type TestApp } from '../testing/demo-setup.ts';

let testApp: TestApp;
useDemoApp((opened) => {
  testApp = opened.testApp;
});

const api = '/api/v1/municipalities/yokohama/wards/tsurumi/districts';

describe('districts as open data', () => {
  it('gives a ward’s districts with their statistics, and the ward figures counted from their milestones', async () => {
    const response = await testApp.client().request(api);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { districts: { slug: string; generated: boolean; statistics: { fiscalYear: number; item: string; value: number; unit: string }[] }[]; rollup: { fiscalYear: number; total: Record<string, number> }[] };
    expect(body.districts).toHaveLength(18);
    expect(body.districts[0]).toMatchObject({ slug: 'tsurumi-demo-district', generated: true });
    expect(body.districts[0]!.statistics.map((s) => [s.fiscalYear, s.item, s.unit])).toEqual([[2024, '人口', '人'], [2024, '世帯数', '世帯'], [2024, '高齢化率', '%']]);
    // 3 推進組織 by the end of 平成21年度 (2009), 8 by the end of 平成26年度 (2014): 3 → 5 new.
    expect(body.rollup.find((y) => y.fiscalYear === 2009)!.total['organisation_founded']).toBe(3);
    expect(body.rollup.find((y) => y.fiscalYear === 2014)!.total['organisation_founded']).toBe(8);
  });

  it('gives the districts and their statistics as CSV for Excel, one figure a row', async () => {
    const bytes = new Uint8Array(await (await testApp.client().request(`${api}.csv`)).arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes).startsWith('slug,name,associationArea,organisation_founded,first_forum,plan_adopted,generated\r\n')).toBe(true);
    const statistics = await testApp.client().request(`${api}/statistics.csv`);
    expect(statistics.headers.get('content-type')).toContain('text/csv');
    const lines = (await statistics.text()).trim().split('\r\n');
    expect(lines).toHaveLength(1 + 18 * 3);
    expect(lines[1]).toMatch(/^tsurumi-demo-district,デモ地区（説明用の架空の地区）,2024,人口,\d+,人,true$/u);
  });
});
