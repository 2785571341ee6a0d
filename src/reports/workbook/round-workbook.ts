import type { DbOrTx } from '../../kernel/db/database.ts';
import { findWardById } from '../../municipalities/queries.ts';
import { roundItems, type Round } from '../queries.ts';
import { buildReportWorkbook, ownersOfRound, workbookFileName } from './export.ts';

export type RoundWorkbook = { bytes: Uint8Array; fileName: string; owners: number; rows: number };

/**
 * The workbook of a round for one owner (`ownerId`), or for all its owners (one sheet each) with `null`;
 * null when the owner has nothing to report in this round.
 */
export async function roundWorkbook(db: DbOrTx, round: Round, ownerId: string | null, contact: string): Promise<RoundWorkbook | null> {
  const items = await roundItems(db, round);
  const ward = await findWardById(db, round.municipalityId, round.wardId);
  const everyOwner = ownersOfRound(items);
  const owners = ownerId === null ? everyOwner : everyOwner.filter((o) => o.id === ownerId);
  if (owners.length === 0) return null;
  const wardName = ward?.name ?? '';
  const bytes = await buildReportWorkbook({ round, wardName, contact, items, owners });
  const ids = new Set(owners.map((o) => o.id));
  const rows = items.reduce((n, item) => n + item.owners.filter((o) => ids.has(o.id)).length, 0);
  return { bytes, fileName: workbookFileName(wardName, round, ownerId === null ? null : owners[0]!), owners: owners.length, rows };
}

/** Who the instructions name to ask: the ward's secretariat, and the person who sent the workbook out. */
export function contactOf(wardName: string, senderName: string | null): string {
  return `${wardName} 地域福祉保健計画 事務局${senderName ? `（${senderName}）` : ''}`;
}
