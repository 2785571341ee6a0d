import { describe, expect, it } from 'vitest';
import { useDemoApp, type TestApp } from '../testing/demo-setup.ts';

let testApp: TestApp;

useDemoApp((opened) => ({ testApp } = opened));

describe('public plan pages', () => {
  it('shows the plan with its philosophy, goals, 現状と課題, 目指す姿, キーワード and owner links, in Japanese', async () => {
    const page = await (await testApp.client().request('/m/yokohama/plans/asahi-ward')).text();
    expect(page).toContain('<html lang="ja">');
    expect(page).toContain('地域で支え合い 安心して自分らしく暮らせるまち 旭区をつくろう');
    expect(page).toContain('目指す姿1');
    expect(page).toContain('令和3年度～');
    const totsuka = await (await testApp.client().request('/m/yokohama/plans/totsuka-ward')).text();
    expect(totsuka).toContain('現状と課題');
    expect(totsuka).toContain('5年後の目指す姿');
    expect(totsuka).toContain('令和3年度～令和7年度');
    expect(totsuka).toContain('href="/m/yokohama/organisations/totsuka-shakyo"');
  });

  it('opens a long plan with its contents: goals and the items under them, each an anchor to its heading', async () => {
    const page = await (await testApp.client().request('/m/yokohama/plans/totsuka-ward')).text();
    const toc = page.slice(page.indexOf('<nav class="toc no-print" aria-labelledby="toc-title">'), page.indexOf('</nav>', page.indexOf('toc-title')));
    expect(toc).toContain('<h2 id="toc-title">目次</h2>');
    const anchors = [...toc.matchAll(/<a href="#node-([0-9a-f-]{36})">([^<]+)<\/a>/g)];
    expect(anchors.map((a) => a[2]!.split('　')[0])).toEqual(['基本目標1', '取組目標1-1', '基本目標2', '取組目標2-1', '取組目標2-2', '取組目標2-3']);
    for (const [, id] of anchors) expect(page).toContain(`id="node-${id}"`);
    const short = await (await testApp.client().request('/m/yokohama/plans/tsurumi-ward/periods/1')).text();
    expect(short).not.toContain('toc-title');
  });

  it('shows the period history with 和暦 spans', async () => {
    const page = await (await testApp.client().request('/m/yokohama/plans/tsurumi-ward/periods')).text();
    expect(page).toContain('平成17年度～平成21年度');
    expect(page).toContain('平成22年度～平成27年度');
    expect(page).toContain('平成28年度～令和2年度');
  });

  it('serves the plan tree as JSON with integer fiscal years and each item’s owners', async () => {
    const tree = (await (await testApp.client().request('/api/v1/municipalities/yokohama/plans/totsuka-ward/periods/4/tree')).json()) as {
      fiscalYearStart: number;
      nodes: { code: string; children: { children: { owners: string[] }[] }[] }[];
    };
    expect(tree.fiscalYearStart).toBe(2021);
    expect(tree.nodes[0]!.children[0]!.children[2]!.owners).toEqual(['戸塚区社会福祉協議会']);
  });
});
