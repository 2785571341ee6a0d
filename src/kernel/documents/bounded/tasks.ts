/**
 * What the parsing process does (parser-process.ts runs these; read.ts asks for them). Each task counts what its limits are
 * about before the parser builds anything, then parses, and returns plain data that a structured clone carries back:
 * the HTML of a Word document, the cell values of a workbook, the text items of a PDF's pages, the rows of a CSV.
 * The parsers are imported when a task needs them, so a process that reads a PDF never loads exceljs.
 */
import type { CellValue } from 'exceljs';
import { CsvLimitError, parseCsvRows } from '../csv-rows.ts';
import { CSV_LIMITS, FileRefusedError, PDF_LIMITS, refusal, SHEET_LIMITS, TEXT_LIMITS, WORD_LIMITS } from './limits.ts';
import { scanZipParts } from './zip.ts';

/** One sheet's values: `rows[r - 1][c - 1]` is the value of the cell at row r, column c (null when empty). */
export type SheetGrid = { name: string; rows: CellValue[][] };
/** A piece of text on a PDF page, as pdf.js places it (transform[4], transform[5] is its origin). */
export type PdfTextItem = { str: string; transform: number[]; width: number; height: number };
export type PdfText = { pages: PdfTextItem[][] };

export type Task =
  | { kind: 'docx'; file: string; bytes: Uint8Array }
  | { kind: 'xlsx'; file: string; bytes: Uint8Array }
  | { kind: 'pdf'; file: string; bytes: Uint8Array }
  | { kind: 'csv'; file: string; text: string };

export type TaskValue = { docx: string; xlsx: SheetGrid[]; pdf: PdfText; csv: string[][] };

const isSheetPart = (name: string) => /^xl\/worksheets\/[^/]+\.xml$/.test(name);

async function docxHtml(file: string, bytes: Uint8Array): Promise<string> {
  const counted = scanZipParts(file, bytes, (name) => name === 'word/document.xml', ['p']);
  const paragraphs = counted.counts.get('p')!;
  if (paragraphs > WORD_LIMITS.paragraphs) throw new FileRefusedError(file, refusal.paragraphs(paragraphs));
  const { default: mammoth } = await import('mammoth');
  // Images are left out: the text is what is read, and a document full of photos would otherwise become megabytes of base64.
  const convertImage = mammoth.images.imgElement(async () => ({ src: '' }));
  return (await mammoth.convertToHtml({ buffer: Buffer.from(bytes) }, { convertImage })).value;
}

async function xlsxGrids(file: string, bytes: Uint8Array): Promise<SheetGrid[]> {
  const counted = scanZipParts(file, bytes, isSheetPart, ['row', 'c']);
  const rows = counted.counts.get('row')!;
  const cells = counted.counts.get('c')!;
  if (rows > SHEET_LIMITS.rows) throw new FileRefusedError(file, refusal.rows(rows));
  if (cells > SHEET_LIMITS.cells) throw new FileRefusedError(file, refusal.cells(cells));
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return workbook.worksheets.map((sheet) => {
    const grid: CellValue[][] = [];
    for (let r = 1; r <= sheet.rowCount; r++) {
      const row = sheet.getRow(r);
      const values: CellValue[] = [];
      // getCell gives a merged cell's value in each of its cells, as the sheet shows it.
      for (let c = 1; c <= row.cellCount; c++) values.push(row.getCell(c).value);
      grid.push(values);
    }
    return { name: sheet.name, rows: grid };
  });
}

async function pdfText(file: string, bytes: Uint8Array): Promise<PdfText> {
  const { getDocumentProxy } = await import('unpdf');
  const document = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0, stopAtErrors: false });
  try {
    if (document.numPages > PDF_LIMITS.pages) throw new FileRefusedError(file, refusal.pages(document.numPages));
    const pages: PdfTextItem[][] = [];
    let characters = 0;
    for (let p = 1; p <= document.numPages; p++) {
      const content = await (await document.getPage(p)).getTextContent();
      const items = (content.items as Partial<PdfTextItem>[])
        .filter((i): i is PdfTextItem => typeof i.str === 'string' && Array.isArray(i.transform))
        .map(({ str, transform, width, height }) => ({ str, transform, width: width ?? 0, height: height ?? 0 }));
      characters += items.reduce((n, i) => n + i.str.length, 0);
      if (characters > TEXT_LIMITS.characters) throw new FileRefusedError(file, refusal.characters());
      pages.push(items);
    }
    return { pages };
  } finally {
    await document.destroy();
  }
}

function csvRows(file: string, text: string): string[][] {
  try {
    return parseCsvRows(text, CSV_LIMITS);
  } catch (error) {
    if (!(error instanceof CsvLimitError)) throw error;
    throw new FileRefusedError(file, error.limit === 'rows' ? refusal.csvRows() : refusal.csvCells());
  }
}

export async function runTask(task: Task): Promise<TaskValue[Task['kind']]> {
  switch (task.kind) {
    case 'docx':
      return docxHtml(task.file, task.bytes);
    case 'xlsx':
      return xlsxGrids(task.file, task.bytes);
    case 'pdf':
      return pdfText(task.file, task.bytes);
    case 'csv':
      return csvRows(task.file, task.text);
  }
}
