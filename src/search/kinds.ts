/**
 * The kinds of record the index holds, in the order a page lists them. A module that contributes records adds its
 * kind here (with its `search.kind.…` message) and writes its documents through search/commands.ts; nothing in the
 * database lists the kinds, so a new one needs no migration.
 */
export const searchKinds = ['plan_item', 'report', 'meeting', 'organisation'] as const;
export type SearchKind = (typeof searchKinds)[number];
