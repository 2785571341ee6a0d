import { createHash } from 'node:crypto';
import { and, eq, lt } from 'drizzle-orm';
import { bytesOf } from '../db/columns.ts';
import type { DbOrTx } from '../db/database.ts';
import { stagedUploads } from './schema.ts';

export type StagedUpload = {
  id: string;
  purpose: string;
  fileName: string;
  contentType: string;
  sha256: string;
  bytes: Uint8Array;
};

type StageInput = { municipalityId: string; userId: string; purpose: string; fileName: string; contentType: string; bytes: Uint8Array };
type StagedKey = { municipalityId: string; userId: string; purpose: string; id: string };

const DEFAULT_LIFETIME_MS = 60 * 60 * 1000;

export const sha256Hex = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Removes every staged file whose time is up; answers how many. */
export async function deleteExpiredStagedUploads(db: DbOrTx): Promise<number> {
  return (await db.delete(stagedUploads).where(lt(stagedUploads.expiresAt, new Date())).returning({ id: stagedUploads.id })).length;
}

/** Keeps an uploaded file until it is confirmed or expires (an hour by default); expired files are removed first. */
export async function stageUpload(db: DbOrTx, input: StageInput, lifetimeMs = DEFAULT_LIFETIME_MS): Promise<string> {
  await deleteExpiredStagedUploads(db);
  const [row] = await db
    .insert(stagedUploads)
    .values({ ...input, sha256: sha256Hex(input.bytes), expiresAt: new Date(Date.now() + lifetimeMs) })
    .returning({ id: stagedUploads.id });
  return row!.id;
}

/** The staged file, only for the account that uploaded it, for the same purpose, and while it has not expired. */
export async function loadStagedUpload(db: DbOrTx, key: StagedKey): Promise<StagedUpload | null> {
  if (!/^[0-9a-f-]{36}$/.test(key.id)) return null;
  const [row] = await db
    .select({
      id: stagedUploads.id,
      purpose: stagedUploads.purpose,
      fileName: stagedUploads.fileName,
      contentType: stagedUploads.contentType,
      sha256: stagedUploads.sha256,
      bytes: bytesOf(stagedUploads.bytes),
      expiresAt: stagedUploads.expiresAt,
    })
    .from(stagedUploads)
    .where(matches(key));
  if (!row || row.expiresAt.getTime() < Date.now()) return null;
  const { expiresAt: _expiresAt, ...upload } = row;
  return upload;
}

export async function discardStagedUpload(db: DbOrTx, key: StagedKey): Promise<void> {
  if (!/^[0-9a-f-]{36}$/.test(key.id)) return;
  await db.delete(stagedUploads).where(matches(key));
}

const matches = (key: StagedKey) =>
  and(
    eq(stagedUploads.municipalityId, key.municipalityId),
    eq(stagedUploads.id, key.id),
    eq(stagedUploads.userId, key.userId),
    eq(stagedUploads.purpose, key.purpose),
  );
