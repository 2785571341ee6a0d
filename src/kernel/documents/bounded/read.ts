/**
 * Reading an uploaded file within limits: the one way every reader of .docx, .xlsx, .pdf and .csv gets at its
 * content. A zip's directory is checked here first (no process needed to refuse a zip bomb); the rest happens in the
 * parsing process (run.ts). Each function gives plain data, or throws FileRefusedError (a limit, as a message) or
 * FileUnreadableError (the parser could not read it; the caller says so in its own words).
 */
import { runBounded, type RunOptions } from './run.ts';
import type { PdfText, SheetGrid } from './tasks.ts';
import { checkZipDirectory } from './zip.ts';

export type { CellValue } from 'exceljs';
export type { PdfText, PdfTextItem, SheetGrid } from './tasks.ts';
export type { RunOptions } from './run.ts';

/** A Word document's body as HTML (mammoth), images left out. */
export async function readDocxHtml(file: string, bytes: Uint8Array, options?: RunOptions): Promise<string> {
  checkZipDirectory(file, bytes);
  return runBounded({ kind: 'docx', file, bytes }, options);
}

/** Every sheet of a workbook with its cell values (exceljs). */
export async function readSheets(file: string, bytes: Uint8Array, options?: RunOptions): Promise<SheetGrid[]> {
  checkZipDirectory(file, bytes);
  return runBounded({ kind: 'xlsx', file, bytes }, options);
}

/** The text items of each page of a PDF (pdf.js). */
export function readPdfText(file: string, bytes: Uint8Array, options?: RunOptions): Promise<PdfText> {
  return runBounded({ kind: 'pdf', file, bytes }, options);
}

/** The rows of a CSV text (RFC 4180, see csv-rows.ts). */
export function readCsvRows(file: string, text: string, options?: RunOptions): Promise<string[][]> {
  return runBounded({ kind: 'csv', file, text }, options);
}
