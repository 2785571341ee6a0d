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
