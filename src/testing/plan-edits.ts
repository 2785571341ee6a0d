import { expect } from 'vitest';
import type { TestClient } from './app.ts';

/** Renames a plan item through its edit form, as `client` (signed in as one who may edit it). */
export async function changeNodeTitle(client: TestClient, nodeId: string, title: string): Promise<void> {
  const form = await (await client.request(`/admin/m/yokohama/nodes/${nodeId}/edit`)).text();
  const field = (name: string) => {
    const input = new RegExp(`<input[^>]*name="${name}"[^>]*>`).exec(form)![0];
    return /value="([^"]*)"/.exec(input)![1]!;
  };
  const response = await client.request(`/admin/m/yokohama/nodes/${nodeId}`, {
    form: { _csrf: field('_csrf'), version: field('version'), code: field('code'), title, description: '', vision: '', keywords: '', examples: '' },
  });
  expect(response.status).toBe(303);
}
