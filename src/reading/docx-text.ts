/** A .docx → lines, through mammoth's HTML (headings, lists and tables survive; see htmlDocumentToLines). */
import { readDocxHtml, type RunOptions } from '../kernel/documents/bounded/read.ts';
import { ReadError, readErrorOf } from './errors.ts';
import { htmlDocumentToLines } from './html-text.ts';

export async function docxLines(file: string, bytes: Uint8Array, options?: RunOptions): Promise<string[]> {
  let html: string;
  try {
    html = await readDocxHtml(file, bytes, options);
  } catch (error) {
    throw readErrorOf(file, error, () => 'Word 文書（.docx）として読めません（壊れているか、途中で切れています）。Word で開けるか確かめ、保存し直してください');
  }
  const lines = htmlDocumentToLines(html);
  if (!lines.some((l) => l.trim() !== '')) throw new ReadError(file, 'Word 文書に文字がありません');
  return lines;
}
