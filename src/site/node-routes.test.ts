import { beforeAll, describe, expect, it } from 'vitest';
import { useDemoApp, type TestApp } from '../testing/demo-setup.ts';

let testApp: TestApp;

useDemoApp((opened) => ({ testApp } = opened));

type TreeNode = { id: string; code: string; title: string; children: TreeNode[] };
let asahi: TreeNode[];
let totsuka: TreeNode[];

const treeOf = async (plan: string, period: number) =>
  ((await (await testApp.client().request(`/api/v1/municipalities/yokohama/plans/${plan}/periods/${period}/tree`)).json()) as { nodes: TreeNode[] }).nodes;

beforeAll(async () => {
  asahi = await treeOf('asahi-ward', 4);
  totsuka = await treeOf('totsuka-ward', 4);
});

const page = async (path: string) => {
  const response = await testApp.client().request(path);
  expect(response.status, path).toBe(200);
  return response.text();
};
const main = (html: string) => html.slice(html.indexOf('<main'), html.indexOf('</main>'));

describe('a plan item’s public page', () => {
  it('names the item once and shows where it sits: plan and period, the item above, linked', async () => {
    const goal = asahi[0]!;
    const target = goal.children[0]!;
    const html = main(await page(`/m/yokohama/nodes/${target.id}`));
    const label = `取組目標1　${target.title}`;
    expect(html).toContain(`<h1>${label}</h1>`);
    expect(html.split(target.title)).toHaveLength(2);
    expect(html).toContain('<a href="/m/yokohama/plans/asahi-ward/periods/4">旭区地域福祉保健計画 第4期</a>');
    expect(html).toContain(`<a href="/m/yokohama/nodes/${goal.id}">目指す姿1　誰もが、ともに生きるまち</a>`);
  });

  it('leads on to the items before and after it at its level', async () => {
    const [first, second, third] = asahi[0]!.children;
    const pager = (html: string) => html.slice(html.indexOf('<nav class="pager no-print"'), html.indexOf('</nav>', html.indexOf('<nav class="pager no-print"')));
    const start = pager(await page(`/m/yokohama/nodes/${first!.id}`));
    expect(start).toContain('aria-label="同じ階層の項目"');
    expect(start).not.toContain('rel="prev"');
    expect(start).toContain(`<a href="/m/yokohama/nodes/${second!.id}" rel="next">次の項目：取組目標2　${second!.title}</a>`);
    const middle = pager(await page(`/m/yokohama/nodes/${second!.id}`));
    expect(middle).toContain(`<a href="/m/yokohama/nodes/${first!.id}" rel="prev">前の項目：取組目標1　${first!.title}</a>`);
    expect(middle).toContain(`<a href="/m/yokohama/nodes/${third!.id}" rel="next">`);
    const goals = pager(await page(`/m/yokohama/nodes/${asahi[2]!.id}`));
    expect(goals).toContain(`<a href="/m/yokohama/nodes/${asahi[1]!.id}" rel="prev">前の項目：目指す姿2`);
    expect(goals).not.toContain('rel="next"');
  });

  it('shows a goal’s examples, the items below it, linked with their level, and the published reports filed under it', async () => {
    const goal = asahi[1]!;
    const html = main(await page(`/m/yokohama/nodes/${goal.id}`));
    expect(html).toContain('<h2>代表的な取組例</h2>');
    expect(html).toContain(`<a href="/m/yokohama/nodes/${goal.children[0]!.id}">取組目標1　${goal.children[0]!.title}</a>`);
    expect(html).toContain('<h2>取組報告</h2>');
    expect(html).toContain('<h3>令和5年度</h3>');
    expect(html).toMatch(/<a href="\/m\/yokohama\/reports\/[0-9a-f-]{36}">通学支援<\/a>（旭区社会福祉協議会）/);
    expect(html).not.toContain('子育て支援連絡会');
  });

  it('shows the whole subtree below a goal with each item’s owners, and no report section when none is published', async () => {
    const goal = totsuka[0]!;
    const html = main(await page(`/m/yokohama/nodes/${goal.id}`));
    const initiative = goal.children[0]!.children[2]!;
    expect(html).toContain(`<a href="/m/yokohama/nodes/${initiative.id}">主な取組3　${initiative.title}</a>`);
    expect(html).toContain('推進主体：戸塚区社会福祉協議会');
    expect(html).not.toContain('取組報告');
  });

  it('reads in English with the plan’s own words left as they are', async () => {
    const html = main(await page(`/m/yokohama/nodes/${asahi[1]!.id}?lang=en`));
    expect(html).toContain('<h2>Progress reports</h2>');
    expect(html).toContain('<dt>Plan</dt>');
    expect(html).toContain('FY2023');
  });
});
