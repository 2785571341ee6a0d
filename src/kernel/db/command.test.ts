import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../audit/schema.ts';
import type { Actor } from '../auth/actor.ts';
import { problem } from '../i18n/index.ts';
import { onLocalContentChange, runCommand, type CommandResult, type CommandScope } from './command.ts';
import type { Database } from './database.ts';
import { createTestDatabase } from './testing.ts';

const actor: Actor = { kind: 'system', name: 'テスト' };
let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

/** A command that writes (an audit row), says public content changed, and then answers `answer`. */
function writingThenAnswering<T>(municipalityId: string, answer: T) {
  return async (scope: CommandScope): Promise<T> => {
    await scope.audit({ municipalityId, entityType: 'test', entityId: randomUUID(), action: 'write' });
    await scope.contentChanged(municipalityId);
    return answer;
  };
}

async function run<T>(answer: T) {
  const municipalityId = randomUUID();
  const signalled: string[] = [];
  const stop = onLocalContentChange(database, (id) => signalled.push(id));
  try {
    const result = await runCommand(database, actor, writingThenAnswering(municipalityId, answer));
    const written = await database.db.select().from(auditEvents).where(eq(auditEvents.municipalityId, municipalityId));
    return { result, written, signalled };
  } finally {
    stop();
  }
}

describe('runCommand', () => {
  it('commits an ok result: its writes, its audit rows and the content-changed signal', async () => {
    const answer: CommandResult<number> = { ok: true, value: 1 };
    const { result, written, signalled } = await run(answer);
    expect(result).toEqual(answer);
    expect(written).toHaveLength(1);
    expect(signalled).toHaveLength(1);
  });

  const refusals: CommandResult<number, { version: number }>[] = [
    { ok: false, reason: 'refused', message: problem('error.forbidden.body') },
    { ok: false, reason: 'invalid', errors: { title: problem('error.summary') } },
    { ok: false, reason: 'conflict', current: { version: 2 } },
    { ok: false, reason: 'not_found' },
  ];
  for (const answer of refusals) {
    it(`rolls back a result that is not ok (${answer.ok ? '' : answer.reason}): it is returned, nothing is written, nothing signalled`, async () => {
      const { result, written, signalled } = await run(answer);
      expect(result).toEqual(answer);
      expect(written).toEqual([]);
      expect(signalled).toEqual([]);
    });
  }

  it('commits answers that are not command results as they are', async () => {
    const { written, signalled } = await run({ kind: 'applied' });
    expect(written).toHaveLength(1);
    expect(signalled).toHaveLength(1);
  });

  it('rolls back what throws, and throws it on', async () => {
    const municipalityId = randomUUID();
    await expect(
      runCommand(database, actor, async (scope) => {
        await writingThenAnswering(municipalityId, null)(scope);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await database.db.select().from(auditEvents).where(eq(auditEvents.municipalityId, municipalityId))).toEqual([]);
  });
});
