import { createHash } from 'node:crypto';

/**
 * The shape of a 庁内照会 workbook, shared by the writer and the reader: sheet names, where the header and the rows
 * are, which columns are read-only, and the hidden sheet that says what the file is.
 */

export const INSTRUCTIONS_SHEET = '記入方法';
/** The answer sheet of a one-owner workbook; a workbook for every owner names each sheet after its owner. */
export const SINGLE_OWNER_SHEET = '取組報告';
/** Never shown in Excel (veryHidden): round, organisation, and per row the report, its version and value hashes. */
export const META_SHEET = 'sasaeai_meta';
export const META_FORMAT = 'sasaeai-report-workbook/1';

export const HEADER_ROW = 4;
export const FIRST_DATA_ROW = HEADER_ROW + 1;
/** 番号 · 目指す姿 · 計画の項目 · 取組 · 推進主体, then one column per field of the round's form. */
export const READ_ONLY_HEADERS = ['番号', '目指す姿', '計画の項目', '取組', '推進主体'] as const;
export const FIRST_FIELD_COLUMN = READ_ONLY_HEADERS.length + 1;

/** The longest text a field holds, as on the web form. */
export const MAX_VALUE_LENGTH = 10_000;

/** 1 → A, 27 → AA. */
export function columnLetter(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** 取組報告!F7, or '旭区社会福祉協議会'!F7 when the sheet name needs quoting as Excel writes it. */
export function cellRef(sheet: string, column: number, row: number): string {
  const name = /^[\p{L}\p{N}_]+$/u.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
  return `${name}!${columnLetter(column)}${row}`;
}

/** What a value was when exported: compared with the value now to tell who changed it since. */
export function valueHash(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex').slice(0, 32);
}

/** Excel refuses sheet names over 31 characters or with []:*?/\ in them. */
export function sheetNameFor(ownerName: string, taken: Set<string>): string {
  const base = ownerName.replace(/[[\]:*?/\\]/g, '・').slice(0, 28) || '推進主体';
  let name = base;
  for (let n = 2; taken.has(name) || name === INSTRUCTIONS_SHEET || name === META_SHEET; n++) name = `${base.slice(0, 26)}(${n})`;
  taken.add(name);
  return name;
}
