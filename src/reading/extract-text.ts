/**
 * Any supported file → numbered lines of text. Checks what the bytes are before trusting the extension, and turns
 * every problem (missing, empty, too big, wrong kind, broken, too slow, past a limit) into a ReadError with its
 * message. Word, Excel, PDF and CSV are parsed within the limits of kernel/documents/bounded (sizes, rows, cells,
 * pages, characters; a parsing process killed at its time and memory limits).
 */
import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { refusal, TEXT_LIMITS } from '../kernel/documents/bounded/limits.ts';
import type { RunOptions } from '../kernel/documents/bounded/read.ts';
import { problem, type MessageKey, type Problem } from '../kernel/i18n/index.ts';
import { decodeText } from './decode-text.ts';
import { docxLines } from './docx-text.ts';
import { ReadError } from './errors.ts';
import { pdfLines } from './pdf-text.ts';
import { csvLines, xlsxLines } from './sheet-text.ts';

export type Format = 'txt' | 'md' | 'pdf' | 'docx' | 'xlsx' | 'csv';

export interface ExtractedText {
  file: string;
  format: Format;
  /** The text, one entry per line; line n is lines[n - 1]. */
  lines: string[];
  encoding?: string;
  /** 1-based page of each line (PDF). */
  pages?: number[];
  warnings: string[];
}

export const MAX_BYTES = 100 * 1024 * 1024;

const FORMATS: Readonly<Record<string, Format>> = {
  '.txt': 'txt', '.text': 'txt', '.md': 'md', '.markdown': 'md', '.pdf': 'pdf', '.docx': 'docx', '.xlsx': 'xlsx', '.csv': 'csv',
};

const SUPPORTED = '.txt / .md / .pdf / .docx / .xlsx / .csv';

type Kind = 'pdf' | 'zip' | 'ole' | 'image' | 'text';

function sniff(bytes: Uint8Array): Kind {
  const head = Buffer.from(bytes.subarray(0, 1024));
  if (head.includes('%PDF-')) return 'pdf';
  if (head[0] === 0x50 && head[1] === 0x4b && (head[2] === 3 || head[2] === 5 || head[2] === 7)) return 'zip';
  if (head.subarray(0, 8).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))) return 'ole';
  if (head.subarray(0, 4).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47])) || (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff)) return 'image';
  if (head.subarray(0, 4).toString('latin1') === 'GIF8') return 'image';
  return 'text';
}

/** Which Office file a zip is, from the part names stored uncompressed in its headers. */
function zipKind(bytes: Uint8Array): 'docx' | 'xlsx' | 'zip' {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer.includes('word/document.xml') || buffer.includes('word/_rels')) return 'docx';
  if (buffer.includes('xl/workbook.xml') || buffer.includes('xl/_rels')) return 'xlsx';
  return 'zip';
}

const KIND_NAMES: Readonly<Record<Kind | 'docx' | 'xlsx', MessageKey>> = {
  pdf: 'read.kind.pdf', docx: 'read.kind.docx', xlsx: 'read.kind.xlsx', zip: 'read.kind.zip', ole: 'read.kind.ole',
  image: 'read.kind.image', text: 'read.kind.text',
};
const kindName = (kind: Kind | 'docx' | 'xlsx') => problem(KIND_NAMES[kind]);

function formatOf(file: string): Format {
  const ext = extname(file).toLowerCase();
  const format = FORMATS[ext];
  if (!format) {
    throw new ReadError(file, ext === '' ? problem('read.noExtension', { supported: SUPPORTED }) : problem('read.unsupported', { ext, supported: SUPPORTED }));
  }
  return format;
}

function checkContent(file: string, format: Format, bytes: Uint8Array): void {
  const kind = sniff(bytes);
  const actual = kind === 'zip' ? zipKind(bytes) : kind;
  const expected = format === 'pdf' || format === 'docx' || format === 'xlsx' ? format : 'text';
  if (actual === expected) return;
  if (actual === 'ole') throw new ReadError(file, problem('read.oldOffice'));
  if (expected === 'text' && actual !== 'text') {
    throw new ReadError(file, problem('read.misnamedText', { ext: extname(file), kind: kindName(actual) }));
  }
  if (actual === 'text') {
    throw new ReadError(file, problem('read.notKind', { kind: kindName(expected) }));
  }
  throw new ReadError(file, problem('read.misnamed', { ext: extname(file), kind: kindName(actual) }));
}

export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n|\f|\u2028|\u2029/);
}

async function linesOf(file: string, format: Format, bytes: Uint8Array, options: RunOptions): Promise<Omit<ExtractedText, 'file' | 'format'>> {
  switch (format) {
    case 'pdf':
      return { ...(await pdfLines(file, bytes, options)), warnings: [] };
    case 'docx':
      return { lines: await docxLines(file, bytes, options), warnings: [] };
    case 'xlsx':
      return { lines: await xlsxLines(file, bytes, options), warnings: [] };
    case 'csv': {
      const decoded = decodedWithin(file, bytes);
      return { lines: await csvLines(file, decoded.text, options), encoding: decoded.encoding, warnings: decoded.warnings };
    }
    default: {
      const decoded = decodedWithin(file, bytes);
      return { lines: splitLines(decoded.text), encoding: decoded.encoding, warnings: decoded.warnings };
    }
  }
}

/** A text file decoded, refused when it has more characters than any document (checked before it is split). */
function decodedWithin(file: string, bytes: Uint8Array) {
  const decoded = decodeText(file, bytes);
  if (decoded.text.length > TEXT_LIMITS.characters) throw new ReadError(file, refusal.characters(), 'read.refused');
  return decoded;
}

/** How long Word, Excel, PDF and CSV may take to parse; the parsing process is killed then (default: the kernel’s limit). */
export type ExtractOptions = RunOptions;

/** Lines of a file given as bytes (an upload); `file` is the name shown in messages and decides the format. */
export async function extractBytes(file: string, bytes: Uint8Array, options: ExtractOptions = {}): Promise<ExtractedText> {
  const format = formatOf(file);
  if (bytes.byteLength > MAX_BYTES) throw new ReadError(file, tooBig(bytes.byteLength));
  if (bytes.byteLength === 0) throw new ReadError(file, problem('read.empty'));
  checkContent(file, format, bytes);
  const read = await linesOf(file, format, bytes, options);
  if (!read.lines.some((l) => l.trim() !== '')) throw new ReadError(file, problem('read.blank'));
  return { file, format, ...read };
}

function tooBig(bytes: number): Problem {
  return problem('read.tooBig', { size: (bytes / 1024 / 1024).toFixed(1), max: MAX_BYTES / 1024 / 1024 });
}

/** Lines of a file on disk. */
export async function extractFile(file: string, options: ExtractOptions = {}): Promise<ExtractedText> {
  formatOf(file);
  let size: number;
  try {
    const info = await stat(file);
    if (info.isDirectory()) throw new ReadError(file, problem('read.folder'));
    size = info.size;
  } catch (error) {
    if (error instanceof ReadError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new ReadError(file, code === 'ENOENT' ? problem('read.notFound') : problem('read.cannotOpen', { code: code ?? (error as Error).message }));
  }
  if (size > MAX_BYTES) throw new ReadError(file, tooBig(size));
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (error) {
    throw new ReadError(file, problem('read.cannotRead', { code: (error as NodeJS.ErrnoException).code ?? (error as Error).message }));
  }
  return extractBytes(file, bytes, options);
}
