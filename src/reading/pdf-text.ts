/**
 * A PDF's text layer → lines. pdf.js (through unpdf, pure JavaScript) gives positioned text items; lines are rebuilt
 * by their baseline (y), items in a line ordered by x, with a tab for a wide gap (table columns) and a space for a
 * narrow one. Pages are separated by a blank line, and so are paragraphs set apart by extra vertical space.
 */
import { readPdfText, type PdfTextItem, type RunOptions } from '../kernel/documents/bounded/read.ts';
import { problem, type Problem } from '../kernel/i18n/index.ts';
import { ReadError, readErrorOf } from './errors.ts';

interface Item {
  str: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PdfLines {
  lines: string[];
  /** 1-based page of each line. */
  pages: number[];
}

/**
 * Fonts without a ToUnicode map for CJK often yield Kangxi radicals (⽬ U+2F6C) instead of the ideographs (目);
 * NFKC maps each radical to its ideograph, and nothing else in these blocks is ever meant.
 */
export function unifyRadicals(text: string): string {
  return text.replace(/[\u2e80-\u2fdf]/gu, (ch) => ch.normalize('NFKC'));
}

function toItems(raw: PdfTextItem[]): Item[] {
  return raw
    // Whitespace items only fill gaps (Chromium writes one across each table gap); the gap itself decides.
    .filter((i) => i.str.trim() !== '')
    .map((i) => ({
      str: unifyRadicals(i.str),
      x: i.transform[4]!,
      y: i.transform[5]!,
      width: i.width,
      height: Math.abs(i.height || i.transform[3] || 10),
    }));
}

function groupByBaseline(items: Item[]): Item[][] {
  const sorted = [...items].sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: Item[][] = [];
  for (const item of sorted) {
    const row = rows[rows.length - 1];
    if (row && Math.abs(row[0]!.y - item.y) <= 0.4 * Math.max(row[0]!.height, item.height)) row.push(item);
    else rows.push([item]);
  }
  return rows.map((row) => row.sort((a, b) => a.x - b.x));
}

function rowText(row: Item[]): string {
  let text = '';
  let end: number | undefined;
  for (const item of row) {
    if (end !== undefined) {
      const gap = item.x - end;
      if (gap > 1.5 * item.height) text += '\t';
      else if (gap > 0.3 * item.height && !/\s$/u.test(text) && !/^\s/u.test(item.str)) text += ' ';
    }
    text += item.str;
    end = item.x + item.width;
  }
  return text.replace(/[ \u3000]+$/u, '');
}

function pageLines(items: Item[]): string[] {
  const out: string[] = [];
  let previous: Item | undefined;
  for (const row of groupByBaseline(items)) {
    const first = row[0]!;
    if (previous && previous.y - first.y > 1.8 * Math.max(previous.height, first.height)) out.push('');
    const text = rowText(row);
    if (text.trim() !== '') out.push(text);
    previous = first;
  }
  return out;
}

function problemOf(parserError: { name: string }): Problem {
  return problem(parserError.name === 'PasswordException' ? 'read.pdfProtected' : 'read.pdfBroken');
}

export async function pdfLines(file: string, bytes: Uint8Array, options?: RunOptions): Promise<PdfLines> {
  let pageItems: PdfTextItem[][];
  try {
    pageItems = (await readPdfText(file, bytes, options)).pages;
  } catch (error) {
    throw readErrorOf(file, error, problemOf);
  }
  const lines: string[] = [];
  const pages: number[] = [];
  for (const [index, items] of pageItems.entries()) {
    const text = pageLines(toItems(items));
    if (lines.length > 0 && text.length > 0) {
      lines.push('');
      pages.push(index + 1);
    }
    lines.push(...text);
    pages.push(...text.map(() => index + 1));
  }
  if (!lines.some((l) => l.trim() !== '')) {
    throw new ReadError(file, problem('read.pdfNoText', { pages: pageItems.length }));
  }
  return { lines, pages };
}
