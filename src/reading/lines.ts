/**
 * Lines as the parser sees them. Extracted text arrives either plain (PDF text) or as light markdown (the same text
 * run through a PDF-to-markdown tool, or a .docx): headings `#`, list items `- `, bold `**`, escapes `\_`, hard
 * breaks (two trailing spaces). The markers are read into fields and removed from the text.
 */

export interface Line {
  /** 1-based line number in the extracted text. */
  n: number;
  raw: string;
  /** Without markdown markers and trailing whitespace; a leading 　 (paragraph indent) is kept. */
  text: string;
  /** `text` without leading and trailing whitespace of any width. */
  t: string;
  /** NFKC of `t` with runs of whitespace as one space: for matching. */
  norm: string;
  /** NFKC of `t` without any whitespace: for equality of repeated text. */
  key: string;
  /** Markdown heading depth (1 for `#`), 0 when none. */
  heading: number;
  /** Markdown list depth (1 for `- `, 2 for `  - `), 0 when none. */
  bullet: number;
  /** The line starts with an ideographic space: a new paragraph in Japanese typesetting. */
  indent: boolean;
  /** Markdown hard break: the source line ended with two spaces. */
  hardBreak: boolean;
  blank: boolean;
  /** Tab-separated cells, trimmed, when the line has a tab. */
  cells: string[] | null;
  /** Display width in full-width characters (ASCII counts half). */
  width: number;
}

export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += ch.charCodeAt(0) < 0x80 ? 0.5 : 1;
  return width;
}

export function normalise(text: string): string {
  return text.normalize('NFKC').replace(/\s+/gu, ' ').trim();
}

export function keyOf(text: string): string {
  return text.normalize('NFKC').replace(/\s+/gu, '');
}

function unescapeMarkdown(text: string): string {
  return text.replace(/\*\*(.+?)\*\*/gu, '$1').replace(/\\([\\_*#`[\]()\-.!>+|{}])/gu, '$1');
}

export function toLine(raw: string, n: number): Line {
  let body = raw;
  let heading = 0;
  let bullet = 0;
  const headingMatch = /^ {0,3}(#{1,6})[ \t]+(.*)$/u.exec(body);
  if (headingMatch) {
    heading = headingMatch[1]!.length;
    body = headingMatch[2]!.replace(/[ \t]+#+[ \t]*$/u, '');
  } else {
    const bulletMatch = /^( *)[-*+][ \t]+(.*)$/u.exec(body);
    if (bulletMatch && !/^[-*+ ]+$/u.test(body.trim())) {
      bullet = Math.floor(bulletMatch[1]!.length / 2) + 1;
      body = bulletMatch[2]!;
    }
  }
  const hardBreak = / {2,}$/u.test(raw);
  const text = unescapeMarkdown(body).replace(/[\s\u3000]+$/u, '').replace(/^[ \t]+/u, '');
  const t = text.replace(/^[\s\u3000]+/u, '');
  const cells = raw.includes('\t') ? raw.split('\t').map((c) => c.replace(/^[\s\u3000]+|[\s\u3000]+$/gu, '')) : null;
  return {
    n,
    raw,
    text,
    t,
    norm: normalise(t),
    key: keyOf(t),
    heading,
    bullet,
    indent: text.startsWith('\u3000'),
    hardBreak,
    blank: t === '',
    cells,
    width: displayWidth(t),
  };
}

/** Longer than any line a page or a PDF sets: text flattened onto one line by a website or an archive. */
const FLATTENED_LENGTH = 300;
/** Where a flattened line's fields and items began: a space before ■ ◆ ● ○ ◇ or 【. */
const FLATTENED_BREAK = /[ \u3000]+(?=[■◆●○◇【])/u;

/** A flattened line (not a table row, not markup) back in the pieces its markers begin. */
function unflatten(raw: string): string[] {
  if (raw.length <= FLATTENED_LENGTH || raw.includes('\t') || /<[a-z/!]/iu.test(raw)) return [raw];
  return raw.split(FLATTENED_BREAK);
}

/** The lines of the texts; the pieces of a flattened line keep its line number. */
export function toLines(texts: readonly string[]): Line[] {
  return texts.flatMap((raw, i) => unflatten(raw).map((piece) => toLine(piece, i + 1)));
}

/** Index of the first non-blank line at or after `from` (lines.length when none), looking at most `limit` lines. */
export function nextNonBlank(lines: readonly Line[], from: number, limit = Infinity): number {
  for (let i = from; i < lines.length && i - from <= limit; i++) if (!lines[i]!.blank) return i;
  return lines.length;
}

export function previousNonBlank(lines: readonly Line[], from: number): number {
  for (let i = from; i >= 0; i--) if (!lines[i]!.blank) return i;
  return -1;
}

/** Number of blank lines right before index i. */
export function blanksBefore(lines: readonly Line[], i: number): number {
  let count = 0;
  for (let j = i - 1; j >= 0 && lines[j]!.blank; j--) count++;
  return count;
}
