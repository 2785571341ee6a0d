/** Text helpers shared by the recognisers: lists, paragraphs, titles, numbers. */
import { displayWidth, type Line } from './lines.ts';

const OPEN_BRACKETS = '（(「『【［[〔〈<《｛{';
const CLOSE_BRACKETS = '）)」』】］]〕〉>》｝}';

/** Splits on any of the separators that stand outside brackets: 「相互理解（違い、尊重）、意識」 → 2 items. */
export function splitOutsideBrackets(text: string, separators: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if (OPEN_BRACKETS.includes(ch)) depth++;
    else if (CLOSE_BRACKETS.includes(ch)) depth = Math.max(0, depth - 1);
    if (depth === 0 && separators.includes(ch)) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  return parts.map((p) => p.trim()).filter((p) => p !== '');
}

export function isCjk(ch: string | undefined): boolean {
  if (!ch) return false;
  const c = ch.codePointAt(0)!;
  return (c >= 0x3040 && c <= 0x30ff) || (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xff66 && c <= 0xff9f);
}

/**
 * Spaces between two Japanese characters in a short label are where the PDF broke a line in a box
 * (「つながり のある地域づくり」, 「交 流」): titles and keywords are rejoined; body text keeps its spaces.
 */
export function removeLayoutSpaces(text: string): string {
  return text.replace(/([^\s\u3000])[ \u3000]+(?=([^\s\u3000]))/gu, (whole, before: string, after: string) =>
    isCjk(before) && isCjk(after) ? before : whole,
  );
}

/** Ends like a sentence: 。！？ possibly followed by closing brackets. */
export function endsSentence(text: string): boolean {
  return /[。．！？!?][）)」』]*$/u.test(text.trim());
}

/** Lines a paragraph continues over: not a break after 、 or inside brackets. */
function continues(text: string): boolean {
  return /[、，,・「（(－\-]$/u.test(text);
}

/**
 * Joins the lines of one paragraph the way the layout broke them. A new paragraph (joined with "\n") starts where the
 * next line is indented with 　, or where a line ends a sentence short of the column width; otherwise lines join
 * with nothing between (Japanese has no spaces between words). Markdown hard breaks mark real line ends.
 */
export function joinParagraph(lines: readonly Line[]): string {
  if (lines.length === 0) return '';
  const column = Math.max(...lines.map((l) => displayWidth(l.text)));
  let out = lines[0]!.text;
  for (let i = 1; i < lines.length; i++) {
    const previous = lines[i - 1]!;
    const line = lines[i]!;
    const shortLine = displayWidth(previous.text) < column - 1.5;
    const paragraphBreak = line.indent || (endsSentence(previous.text) && (shortLine || previous.hardBreak));
    out = paragraphBreak ? `${out}\n${line.text}` : joinWithoutBreak(out, line.t);
  }
  return out;
}

function joinWithoutBreak(before: string, after: string): string {
  const last = before.at(-1);
  const first = after[0];
  return /[A-Za-z0-9]/u.test(last ?? '') && /[A-Za-z0-9]/u.test(first ?? '') ? `${before} ${after}` : before + after;
}

/** Short lines of one label or caption set with markdown hard breaks: 「白根  ⏎地域ケアプラザ」 → 白根地域ケアプラザ. */
export function joinLabel(lines: readonly Line[]): string {
  return lines.reduce((out, line) => (out === '' ? line.t : continues(out) || (isCjk(out.at(-1)) && isCjk(line.t[0])) ? out + line.t : `${out} ${line.t}`), '');
}

/** A paragraph that reads as running text rather than a box label: a sentence, or a wide line of text. */
export function isProse(lines: readonly Line[]): boolean {
  const text = lines.map((l) => l.t).join('');
  const widest = Math.max(...lines.map((l) => l.width));
  if (lines.length >= 2 && widest < 16) return false;
  return endsSentence(text) || (text.length >= 30 && widest >= 20);
}

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';
const NEGATIVE_CIRCLED = '❶❷❸❹❺❻❼❽❾❿';
const KANJI_NUMBERS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** A printed number as an ASCII code: １-１ → 1-1, ① → 1, (1) → 1, 三 → 3. */
export function normaliseCode(text: string): string {
  let s = text.trim();
  for (const [i, ch] of [...NEGATIVE_CIRCLED].entries()) s = s.replaceAll(ch, String(i + 1));
  s = s.normalize('NFKC').replace(/[()\s]/gu, '').replace(/[‐−ー―–—－]/gu, '-');
  const kanji = KANJI_NUMBERS.indexOf(s);
  if (kanji > 0) return String(kanji);
  if (/^十[一二三四五六七八九]$/u.test(s)) return String(10 + KANJI_NUMBERS.indexOf(s[1]!));
  return s;
}

export const NUMBER_SOURCE = `(?:[0-9０-９]+(?:[ \\u3000]*[-－‐−ー―][ \\u3000]*[0-9０-９]+)*|[${CIRCLED}]|[${NEGATIVE_CIRCLED}]|[（(][ \\u3000]*[0-9０-９]+[ \\u3000]*[)）]|[⑴-⒇]|[一二三四五六七八九十]{1,2})`;

/** Leading list markers of all kinds: ・ ◆ ◇ ○ ● ■ □ ▶ ★ ※ - and the like. */
/** Escaped for use inside a character class. */
const BULLET_CHARS = '・･•◆◇○●◯■□▶▷►▸▽▼◎◉★☆※－‐ｰ\\-';

export function stripBullet(text: string): string {
  return text.replace(new RegExp(`^[${BULLET_CHARS}][\\s\\u3000]*`, 'u'), '');
}

export function startsWithBullet(text: string): boolean {
  return new RegExp(`^[${BULLET_CHARS}]`, 'u').test(text) && !/^[-－‐][0-9０-９]/u.test(text);
}

/** 1,588 / １，５８８ / 84.5 → number; undefined when not a number. */
export function parseNumber(text: string): number | undefined {
  const ascii = text.normalize('NFKC').replace(/,/gu, '').trim();
  return /^-?\d+(\.\d+)?$/u.test(ascii) ? Number(ascii) : undefined;
}
