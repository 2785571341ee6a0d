import { problem, type Problem } from '../../kernel/i18n/index.ts';
import type { SituationItem } from '../schema.ts';

/**
 * How the node's structured fields are written in one spreadsheet cell, and read back without loss.
 *
 * 現状と課題: each item is a line 「■見出し」 followed by its body, then the next item; a body line that starts with ■ or
 * \ gets a leading \ so it is not taken for a heading. An item whose body is empty is written as its heading line and
 * one empty line, so "■A\n\n■B" reads back as two items with empty bodies and "■A\nx\n\n■B" keeps the body "x\n".
 */
const HEADING_MARK = '■';
const ESCAPE = '\\';

export function situationToCell(items: SituationItem[]): string {
  return items
    .map((item) => {
      const body = item.body.split('\n').map((line) => (line.startsWith(HEADING_MARK) || line.startsWith(ESCAPE) ? ESCAPE + line : line));
      return [HEADING_MARK + item.heading, ...body].join('\n');
    })
    .join('\n');
}

export type CellReading<T> = { ok: true; value: T } | { ok: false; message: Problem };

export function situationFromCell(cell: string): CellReading<SituationItem[]> {
  if (cell.trim() === '') return { ok: true, value: [] };
  const lines = cell.split('\n');
  if (!lines[0]!.startsWith(HEADING_MARK)) {
    return { ok: false, message: problem('structure.row.situationHeading', { mark: HEADING_MARK }) };
  }
  const blocks: { heading: string; body: string[] }[] = [];
  for (const line of lines) {
    if (line.startsWith(HEADING_MARK)) blocks.push({ heading: line.slice(HEADING_MARK.length), body: [] });
    else blocks.at(-1)!.body.push(line.startsWith(ESCAPE) ? line.slice(ESCAPE.length) : line);
  }
  const items = blocks.map((block) => ({ heading: block.heading, body: block.body.join('\n') }));
  return { ok: true, value: items };
}

/** Keywords and examples: one per line; read back by the node form's own rule (blank lines are not items). */
export const linesToCell = (items: string[]): string => items.join('\n');

/** Owners: names joined with 、; read back split on 、 , ， or a line break. */
export const OWNER_SEPARATOR = '、';
export const ownersToCell = (names: string[]): string => names.join(OWNER_SEPARATOR);
export const ownerNamesFromCell = (cell: string): string[] =>
  cell
    .split(/[、,，\n]/)
    .map((name) => name.trim())
    .filter((name) => name !== '');

/** Optional texts (説明, 5年後の目指す姿): the model stores blank as null (see `optionalTypedText`), so "" and null are one. */
export const optionalToCell = (text: string | null): string => text ?? '';

/** A field's value written as in the file (owners by name), so the user recognises what they typed. */
export function fieldCellText(field: string, value: unknown, ownerNames: Map<string, string>): string {
  if (field === 'ownerIds') return ownersToCell((value as string[]).map((id) => ownerNames.get(id) ?? id));
  if (field === 'situation') return situationToCell(value as SituationItem[]);
  if (field === 'keywords' || field === 'examples') return linesToCell(value as string[]);
  return optionalToCell(value as string | null);
}
