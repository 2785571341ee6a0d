/** A .docx → lines, through mammoth's HTML (headings, lists and tables survive; see htmlDocumentToLines). */
import mammoth from 'mammoth';
import { ReadError } from './errors.ts';
import { htmlDocumentToLines } from './html-text.ts';

export async function docxLines(file: string, bytes: Uint8Array): Promise<string[]> {
  let html: string;
  try {
    html = (await mammoth.convertToHtml({ buffer: Buffer.from(bytes) })).value;
  } catch (error) {
    throw new ReadError(file, `Word 文書（.docx）として読めません（壊れているか、途中で切れています: ${(error as Error).message}）`);
  }
  const lines = htmlDocumentToLines(html);
  if (!lines.some((l) => l.trim() !== '')) throw new ReadError(file, 'Word 文書に文字がありません');
  return lines;
}
