/** A .docx → lines, through mammoth's HTML (headings, lists and tables survive; see htmlDocumentToLines). */
import { readDocxHtml, type RunOptions } from '../kernel/documents/bounded/read.ts';
import { problem } from '../kernel/i18n/index.ts';
import { ReadError, readErrorOf } from './errors.ts';
import { htmlDocumentToLines } from './html-text.ts';

export async function docxLines(file: string, bytes: Uint8Array, options?: RunOptions): Promise<string[]> {
  let html: string;
  try {
    html = await readDocxHtml(file, bytes, options);
  } catch (error) {
    throw readErrorOf(file, error, () => problem('read.docxBroken'));
  }
  const lines = htmlDocumentToLines(html);
  if (!lines.some((l) => l.trim() !== '')) throw new ReadError(file, problem('read.docxEmpty'));
  return lines;
}
