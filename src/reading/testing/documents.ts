/**
 * Builds small .docx / .xlsx / .pdf documents for the reader's tests, in memory: Word with the `docx` package, Excel
 * with exceljs, PDF by printing HTML with Debian's Chromium (playwright-core), and a hand-written PDF without text.
 */
import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import ExcelJS from 'exceljs';
import { chromium } from 'playwright-core';

export type DocxBlock = { heading: 1 | 2 | 3; text: string } | { text: string } | { bullet: string } | { table: string[][] };

const HEADINGS = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;

function docxChild(block: DocxBlock): Paragraph | Table {
  if ('table' in block) {
    return new Table({
      rows: block.table.map((row) => new TableRow({ children: row.map((cell) => new TableCell({ children: [new Paragraph(cell)] })) })),
    });
  }
  if ('bullet' in block) return new Paragraph({ children: [new TextRun(block.bullet)], bullet: { level: 0 } });
  if ('heading' in block) return new Paragraph({ text: block.text, heading: HEADINGS[block.heading] });
  return new Paragraph(block.text);
}

export async function makeDocx(blocks: DocxBlock[]): Promise<Uint8Array> {
  const document = new Document({ sections: [{ children: blocks.map(docxChild) }] });
  return new Uint8Array(await Packer.toBuffer(document));
}

export async function makeXlsx(sheets: { name: string; rows: (string | number | null)[][] }[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  for (const sheet of sheets) {
    const worksheet = workbook.addWorksheet(sheet.name);
    for (const row of sheet.rows) worksheet.addRow(row);
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync',
];

/** Prints HTML to an A4 PDF with Chromium at /usr/bin/chromium (the e2e tests' browser). */
export async function makePdf(html: string): Promise<Uint8Array> {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS, timeout: 60_000 });
  try {
    const page = await browser.newPage();
    await page.setContent(`<!doctype html><html lang="ja"><meta charset="utf-8"><body style="font-family: 'IPAexGothic', sans-serif; font-size: 11pt">${html}</body></html>`);
    return new Uint8Array(await page.pdf({ format: 'A4', margin: { top: '15mm', bottom: '15mm', left: '15mm', right: '15mm' } }));
  } finally {
    await browser.close();
  }
}

/** A valid one-page PDF that draws a rectangle and no text: what a scan without OCR looks like to the reader. */
export function makeTextlessPdf(): Uint8Array {
  const stream = '0 0 1 rg 100 100 200 200 re f';
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  body += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(body);
}
