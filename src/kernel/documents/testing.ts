import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';

/** One file of a zip archive (a .docx, .xlsx …) as text: for tests that open what the app generates. */
export function zipEntryText(zip: Uint8Array, name: string): string {
  const bytes = Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength);
  const end = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let entry = bytes.readUInt32LE(end + 16);
  for (let i = 0; i < bytes.readUInt16LE(end + 10); i++) {
    const nameLength = bytes.readUInt16LE(entry + 28);
    if (bytes.toString('utf8', entry + 46, entry + 46 + nameLength) === name) {
      const local = bytes.readUInt32LE(entry + 42);
      const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
      const data = bytes.subarray(start, start + bytes.readUInt32LE(entry + 20));
      return (bytes.readUInt16LE(entry + 10) === 0 ? data : inflateRawSync(data)).toString('utf8');
    }
    entry += 46 + nameLength + bytes.readUInt16LE(entry + 30) + bytes.readUInt16LE(entry + 32);
  }
  throw new Error(`${name} is not in the zip`);
}

const xmlText = (xml: string) =>
  xml
    .replace(/<w:br\/>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

export type DocxParagraph = { style: string | null; text: string };

/** A .docx's body read back: its paragraphs (with their style, e.g. Heading1) and its tables as rows of cell texts. */
export function readDocx(docx: Uint8Array): { paragraphs: DocxParagraph[]; tables: string[][][]; footers: string[] } {
  const body = zipEntryText(docx, 'word/document.xml');
  const paragraphs = [...body.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map(([p]) => ({
    style: /<w:pStyle w:val="([^"]+)"/.exec(p)?.[1] ?? null,
    text: xmlText(p),
  }));
  const tables = [...body.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map(([table]) =>
    [...table.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map(([row]) => [...row.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map(([cell]) => xmlText(cell))),
  );
  return { paragraphs, tables, footers: [xmlText(zipEntryText(docx, 'word/footer1.xml'))] };
}

export type PdfFont = { name: string; type: string; embedded: boolean };

export type PdfImage = { page: number; width: number; height: number };

/** A PDF read back with poppler-utils: its fonts (subset prefix dropped: AAAAAA+IPAexGothic → IPAexGothic), images and text. */
export function inspectPdf(pdf: Uint8Array): { fonts: PdfFont[]; images: PdfImage[]; text: string } {
  const dir = mkdtempSync(join(tmpdir(), 'sasaeai-pdf-'));
  try {
    const file = join(dir, 'document.pdf');
    writeFileSync(file, pdf);
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' })
      .split('\n')
      .slice(2)
      .flatMap((line) => {
        const match = /^(\S+)\s+(.+?)\s{2,}\S+\s+(yes|no)\s/.exec(line);
        return match ? [{ name: match[1]!.replace(/^[A-Z]{6}\+/, ''), type: match[2]!, embedded: match[3] === 'yes' }] : [];
      });
    const images = execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' })
      .split('\n')
      .slice(2)
      .flatMap((line) => {
        const [page, , type, width, height] = line.trim().split(/\s+/);
        return type === 'image' ? [{ page: Number(page), width: Number(width), height: Number(height) }] : [];
      });
    return { fonts, images, text: execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
