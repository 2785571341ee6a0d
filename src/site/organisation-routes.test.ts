import { expect, it } from 'vitest';
import { useDemoApp, type TestApp } from '../testing/demo-setup.ts';

let testApp: TestApp;

useDemoApp((opened) => ({ testApp } = opened));

it('shows an organisation with everything it owns', async () => {
  const page = await (await testApp.client().request('/m/yokohama/organisations/totsuka-shakyo')).text();
  expect(page).toContain('戸塚区社会福祉協議会');
  expect(page).toContain('地区社会福祉協議会の活動支援');
  expect(page).toContain('戸塚区社協ふれあい助成金・フレンズ助成金');
});

it('shows the initiatives an organisation reports on, under their plan item, and its published reports', async () => {
  const page = await (await testApp.client().request('/m/yokohama/organisations/asahi-shakyo')).text();
  expect(page).not.toContain('担当している取組はありません。');
  expect(page).toMatch(/<h3><a href="\/m\/yokohama\/plans\/asahi-ward\/periods\/4">旭区地域福祉保健計画 第4期<\/a>/);
  expect(page).toMatch(/通学支援<span class="muted">（計画の項目：<a href="\/m\/yokohama\/nodes\/[0-9a-f-]{36}">目指す姿2　みんなが、声をかけあえるまち<\/a>）/);
  expect(page).toContain('<h2>取組報告</h2>');
  expect(page).toMatch(/<a href="\/m\/yokohama\/reports\/[0-9a-f-]{36}">通学支援<\/a>（旭区社会福祉協議会）/);
  expect(page).not.toContain('（デモ用の架空の文章）');
});
