/**
 * Japanese text for searching, in TypeScript so that PGlite and PostgreSQL index and match alike (no extension: PGlite
 * has no pg_bigm, and pg_trgm's trigrams miss the two-character words Japanese is full of, 防災, 見守り's 見守).
 *
 * Text is normalised unit by unit (a character with the marks that follow it, so that ｶﾞ stays ガ): NFKC (full and
 * half width alike, ㍻ → 平成), lower case, every run of white space one space. A document's lexemes are the
 * characters and the pairs of neighbouring characters of its normalised text. A query term matches when all its
 * pairs (its character, for a term of one) are lexemes of the document, which a GIN index answers, and the term is a
 * substring of the normalised text (LIKE), which makes the answer exact.
 */

/** Normalised text, and for each of its characters (UTF-16 units) where its unit starts and ends in the original. */
export type Normalised = { text: string; starts: number[]; ends: number[] };

// A unit: one character with its combining marks and half-width (han)dakuten, or marks with nothing before them.
const UNIT = /\P{M}[\p{M}\uFF9E\uFF9F]*|[\p{M}\uFF9E\uFF9F]+/gsu;

export function normalise(original: string): Normalised {
  let text = '';
  const starts: number[] = [];
  const ends: number[] = [];
  for (const match of original.matchAll(UNIT)) {
    const start = match.index;
    const end = start + match[0].length;
    let piece = match[0].normalize('NFKC').toLowerCase();
    if (/^\s+$/u.test(piece)) {
      if (text.endsWith(' ')) {
        ends[ends.length - 1] = end;
        continue;
      }
      piece = ' ';
    }
    text += piece;
    for (let i = 0; i < piece.length; i++) {
      starts.push(start);
      ends.push(end);
    }
  }
  return { text, starts, ends };
}

/** The normalised text alone. */
export const normalisedText = (original: string): string => normalise(original).text;

/** The lexemes of a normalised text: every character, and every pair of neighbouring characters. */
export function lexemesOf(text: string): string[] {
  const characters = Array.from(text).filter((ch) => ch !== ' ');
  const all = Array.from(text);
  const pairs: string[] = [];
  for (let i = 0; i + 1 < all.length; i++) pairs.push(all[i]! + all[i + 1]!);
  return [...new Set([...characters, ...pairs])];
}

/** The lexemes a term needs: its pairs, or the term itself when it is one character. */
export function lexemesOfTerm(term: string): string[] {
  const characters = Array.from(term);
  if (characters.length === 1) return [term];
  return [...new Set(characters.slice(1).map((ch, i) => characters[i]! + ch))];
}

/** The query's terms: its words (split at white space) normalised, each once. */
export function termsOf(query: string): string[] {
  return [...new Set(normalisedText(query).split(' ').filter((term) => term.length > 0))];
}

/** A tsquery that every lexeme of every term must meet, written so that no character of a lexeme is syntax. */
export function tsqueryOf(terms: string[]): string {
  const quoted = [...new Set(terms.flatMap(lexemesOfTerm))].map((lexeme) => `'${lexeme.replace(/['\\]/g, (ch) => ch + ch)}'`);
  return quoted.join(' & ');
}

/** A LIKE pattern matching the term anywhere (`\` escapes LIKE's own characters). */
export function likePatternOf(term: string): string {
  return `%${term.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}

/** A piece of shown text, marked when it is where a term was found. */
export type Segment = { text: string; mark: boolean };

/** The ranges (in normalised characters) where the terms occur, sorted and merged. */
function matchRanges(text: string, terms: string[]): [number, number][] {
  const ranges: [number, number][] = [];
  for (const term of terms) {
    for (let at = text.indexOf(term); at !== -1; at = text.indexOf(term, at + 1)) ranges.push([at, at + term.length]);
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const range of ranges) {
    const last = merged.at(-1);
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([...range]);
  }
  return merged;
}

/**
 * The original text from `from` to `to` (original UTF-16 positions) cut into segments, the terms' occurrences marked
 * (found in the normalised text, shown as typed).
 */
function segmentsBetween(original: string, normalised: Normalised, ranges: [number, number][], from: number, to: number): Segment[] {
  const segments: Segment[] = [];
  let at = from;
  for (const [start, end] of ranges) {
    const markFrom = normalised.starts[start]!;
    const markTo = normalised.ends[end - 1]!;
    if (markTo <= from || markFrom >= to) continue;
    const clippedFrom = Math.max(markFrom, at);
    if (clippedFrom > at) segments.push({ text: original.slice(at, clippedFrom), mark: false });
    const clippedTo = Math.min(markTo, to);
    if (clippedTo > clippedFrom) segments.push({ text: original.slice(clippedFrom, clippedTo), mark: true });
    at = Math.max(at, clippedTo);
  }
  if (at < to) segments.push({ text: original.slice(at, to), mark: false });
  return segments;
}

/** A whole text (a title) with the terms marked. */
export function highlight(original: string, terms: string[]): Segment[] {
  const normalised = normalise(original);
  return segmentsBetween(original, normalised, matchRanges(normalised.text, terms), 0, original.length);
}

/** A passage of about `width` characters around the first occurrence of a term (else the text's start), terms marked; `…` where it is cut. */
export function snippet(original: string, terms: string[], width = 120): Segment[] {
  const normalised = normalise(original);
  const ranges = matchRanges(normalised.text, terms);
  const firstMatch = ranges[0] ? normalised.starts[ranges[0][0]]! : 0;
  const from = Math.max(0, Math.min(firstMatch - Math.floor(width / 3), original.length - width));
  const to = Math.min(original.length, from + width);
  const cutStart = wholeCharacterAt(original, from);
  const cutEnd = wholeCharacterAt(original, to);
  const segments = segmentsBetween(original, normalised, ranges, cutStart, cutEnd);
  return [...(cutStart > 0 ? [{ text: '…', mark: false }] : []), ...segments, ...(cutEnd < original.length ? [{ text: '…', mark: false }] : [])];
}

/** A cut position moved off the middle of a surrogate pair. */
function wholeCharacterAt(text: string, at: number): number {
  const code = text.charCodeAt(at);
  return at > 0 && at < text.length && code >= 0xdc00 && code <= 0xdfff ? at - 1 : at;
}
