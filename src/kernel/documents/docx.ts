import {
  AlignmentType,
  Document,
  Footer,
  HeadingLevel,
  ImageRun,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  convertMillimetersToTwip,
  encodeUtf8,
  sectionPageSizeDefaults,
} from 'docx';
import { unzipSync, zipSync, type Zippable } from 'fflate';

export const DOCX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/**
 * The PDFs' font (BIZ UDゴシック, installed with Windows 10 and later), named on every run for every script so that
 * text pasted into another document keeps it. Word has no fallback list per run: the font table names ＭＳ ゴシック
 * as its alternative (altName), which Word uses on a PC without it. The docx package writes no font table entries
 * for fonts it does not embed, so the table is given whole (FONT_TABLE).
 */
const FONT = 'BIZ UDゴシック';
const runFont = { ascii: FONT, hAnsi: FONT, eastAsia: FONT, cs: FONT };
const FONT_TABLE = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:font w:name="${FONT}"><w:altName w:val="ＭＳ ゴシック"/><w:charset w:val="80"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font><w:font w:name="ＭＳ ゴシック"><w:charset w:val="80"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font></w:fonts>`;

/** A4 as Word has it, in twips (1/1440 inch). */
const A4 = { width: sectionPageSizeDefaults.WIDTH, height: sectionPageSizeDefaults.HEIGHT };
const MARGIN = convertMillimetersToTwip(20);
/** The width of the text on the page: what a table's columns share. */
const TEXT_WIDTH = A4.width - 2 * MARGIN;

export type DocxBlock = Paragraph | Table;

const headingLevels = [
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
  HeadingLevel.HEADING_5,
  HeadingLevel.HEADING_6,
] as const;

/** Text as runs, each of its lines on a line of its own. */
export function runs(text: string, bold = false): TextRun[] {
  return text.split('\n').map((line, index) => new TextRun({ text: line, bold, font: runFont, ...(index > 0 ? { break: 1 } : {}) }));
}

/** The document's title, as Word's Title style. */
export function title(text: string): Paragraph {
  return new Paragraph({ heading: HeadingLevel.TITLE, children: runs(text) });
}

/** A real Word heading (Heading 1 … 6, deeper ones as 6): in the navigation pane and a table of contents. */
export function heading(text: string, depth: number): Paragraph {
  const level = headingLevels[Math.min(Math.max(depth, 1), headingLevels.length) - 1];
  return new Paragraph({ heading: level, keepNext: true, children: runs(text) });
}

export function paragraph(text: string, options: { bold?: boolean } = {}): Paragraph {
  return new Paragraph({ children: runs(text, options.bold) });
}

/** A label in bold, then its text: 推進主体：区役所、区社協. */
export function labelled(label: string, text: string): Paragraph {
  return new Paragraph({ children: [...runs(`${label}：`, true), ...runs(text)] });
}

export function bullets(items: string[]): Paragraph[] {
  return items.map((item) => new Paragraph({ bullet: { level: 0 }, children: runs(item) }));
}

export type Column = { header: string; /** Its share of the page's width, relative to the other columns'. */ weight: number };

function cell(text: string, header: boolean): TableCell {
  return new TableCell({
    children: [new Paragraph({ children: runs(text, header) })],
    ...(header ? { shading: { type: ShadingType.CLEAR, fill: 'E8EEEC', color: 'auto' } } : {}),
  });
}

/** A real Word table with a header row that repeats on every page it runs onto. */
export function table(columns: Column[], rows: string[][]): Table {
  const total = columns.reduce((sum, column) => sum + column.weight, 0);
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: columns.map((column) => Math.round((TEXT_WIDTH * column.weight) / total)),
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: columns.map((column) => cell(column.header, true)) }),
      ...rows.map((row) => new TableRow({ cantSplit: true, children: row.map((text) => cell(text, false)) })),
    ],
  });
}

function pageNumberFooter(): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ font: runFont, size: 16, children: [PageNumber.CURRENT, ' / ', PageNumber.TOTAL_PAGES] })],
      }),
    ],
  });
}

/** Sizes in half-points, as Word counts them: body 10.5 pt, the usual size of Japanese office documents. */
const styles = {
  default: {
    document: { run: { font: runFont, size: 21, language: { value: 'ja-JP', eastAsia: 'ja-JP' } } },
    title: { run: { font: runFont, size: 32, bold: true } },
    heading1: { run: { font: runFont, size: 28, bold: true }, paragraph: { spacing: { before: 360, after: 120 } } },
    heading2: { run: { font: runFont, size: 24, bold: true }, paragraph: { spacing: { before: 240, after: 80 } } },
    heading3: { run: { font: runFont, size: 22, bold: true }, paragraph: { spacing: { before: 200, after: 60 } } },
    heading4: { run: { font: runFont, size: 21, bold: true }, paragraph: { spacing: { before: 160, after: 40 } } },
  },
};

export type DocxImage = { bytes: Uint8Array; type: 'jpg' | 'png'; width: number; height: number; alt: string };

/**
 * The images of one document, put in after docx has packed it. docx hashes every image in JavaScript to name it and
 * deflates it again (JPEG and PNG do not shrink), which took most of the time of a handout with 200 photos. So each
 * image goes in as a short placeholder text, found again by that text in the packed file and swapped for the image,
 * stored as it is.
 */
export class DocxImages {
  /** Each image by its placeholder. */
  private readonly media = new Map<string, Uint8Array>();

  /** The image as a run of a paragraph, drawn at width × height pixels (96 dpi), its alt text for screen readers. */
  run({ bytes, type, width, height, alt }: DocxImage): ImageRun {
    const placeholder = `sasaeai-image-${this.media.size}`;
    this.media.set(placeholder, bytes);
    return new ImageRun({ type, data: encodeUtf8(placeholder), transformation: { width, height }, altText: { name: alt, title: alt, description: alt } });
  }

  /** The packed document with each placeholder's file replaced by its image. */
  fill(packed: Uint8Array): Uint8Array {
    if (this.media.size === 0) return packed;
    const zippable: Zippable = {};
    const placed = new Set<string>();
    for (const [path, data] of Object.entries(unzipSync(packed))) {
      const placeholder = path.startsWith('word/media/') && data.length < 64 ? Buffer.from(data).toString('utf8') : '';
      const image = this.media.get(placeholder);
      if (image) placed.add(placeholder);
      zippable[path] = image ? [image, { level: 0 }] : data;
    }
    if (placed.size !== this.media.size) throw new Error(`Word ファイルに画像を入れられませんでした（${this.media.size}枚のうち${placed.size}枚）`);
    return zipSync(zippable);
  }
}

/** An editable A4 Word document (.docx) of the blocks, with page numbers in the footer and the images they draw. */
export async function renderDocx({ title: documentTitle, blocks, images }: { title: string; blocks: DocxBlock[]; images?: DocxImages }): Promise<Buffer> {
  const document = new Document({
    title: documentTitle,
    creator: 'Sasaeai',
    styles,
    sections: [
      {
        properties: {
          page: {
            size: A4,
            margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
          },
        },
        footers: { default: pageNumberFooter() },
        children: blocks,
      },
    ],
  });
  const packed = await Packer.toBuffer(document, false, [{ path: 'word/fontTable.xml', data: FONT_TABLE }]);
  return images ? Buffer.from(images.fill(packed)) : packed;
}
