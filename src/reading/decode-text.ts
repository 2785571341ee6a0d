/**
 * Bytes of a text file → string. UTF-8 (with or without BOM) is read as is; UTF-16 is read when it has a BOM or its
 * NUL bytes show it unmistakably; Shift_JIS (Windows-31J) and EUC-JP are converted with Node's TextDecoder only when
 * exactly one of them decodes the bytes into Japanese text, and the result says so. Anything else is a ReadError.
 */
import { problem } from '../kernel/i18n/index.ts';
import { ReadError } from './errors.ts';

export interface DecodedText {
  text: string;
  encoding: string;
  warnings: string[];
}

const LEGACY_ENCODINGS = [
  { label: 'shift_jis', name: 'Shift_JIS' },
  { label: 'euc-jp', name: 'EUC-JP' },
] as const;

function decodeStrict(bytes: Uint8Array, label: string): string | undefined {
  try {
    return new TextDecoder(label, { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return undefined;
  }
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/** Share of non-ASCII characters that are kana, kanji or full-width punctuation (not half-width katakana). */
function japaneseShare(text: string): number {
  let nonAscii = 0;
  let japanese = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) continue;
    nonAscii++;
    if ((c >= 0x3000 && c <= 0x30ff) || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xff01 && c <= 0xff5e)) japanese++;
  }
  return nonAscii === 0 ? 0 : japanese / nonAscii;
}

/** UTF-16 without BOM: one byte of nearly every pair is NUL for Latin text, or the text is mostly CJK pairs. */
function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes.length < 4 || bytes.length % 2 !== 0) return undefined;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < bytes.length; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = bytes.length / 2;
  if (oddNul > pairs * 0.3 && evenNul < pairs * 0.05) return 'utf-16le';
  if (evenNul > pairs * 0.3 && oddNul < pairs * 0.05) return 'utf-16be';
  return undefined;
}

function controlShare(text: string): number {
  let control = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || c === 0x7f || c === 0xfffd) control++;
  }
  return text.length === 0 ? 0 : control / text.length;
}

function checkedText(file: string, decoded: DecodedText): DecodedText {
  if (decoded.text.includes('\u0000') || controlShare(decoded.text) > 0.01) {
    throw new ReadError(file, problem('read.binary'));
  }
  return decoded;
}

function legacyDecoding(file: string, bytes: Uint8Array): DecodedText {
  const readings = LEGACY_ENCODINGS.map((e) => ({ ...e, text: decodeStrict(bytes, e.label) }))
    .filter((r): r is typeof r & { text: string } => r.text !== undefined)
    .map((r) => ({ ...r, share: japaneseShare(r.text) }))
    .sort((a, b) => b.share - a.share);
  const [best, second] = readings;
  if (best && best.share >= 0.8 && (!second || second.share < 0.5) && controlShare(best.text) === 0) {
    const warning = `文字コードが ${best.name} だったため UTF-8 に変換して読みました（UTF-8 で保存し直すことをおすすめします）`;
    return { text: best.text, encoding: best.name, warnings: [warning] };
  }
  if (best && best.share >= 0.5) {
    throw new ReadError(file, problem('read.encodingUncertain', { encoding: best.name }));
  }
  throw new ReadError(file, problem('read.encodingUnknown'));
}

export function decodeText(file: string, bytes: Uint8Array): DecodedText {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    const text = decodeStrict(bytes.subarray(3), 'utf-8');
    if (text === undefined) throw new ReadError(file, problem('read.badUtf8'));
    return checkedText(file, { text, encoding: 'UTF-8 (BOM付き)', warnings: [] });
  }
  const bom16 = startsWith(bytes, [0xff, 0xfe]) ? 'utf-16le' : startsWith(bytes, [0xfe, 0xff]) ? 'utf-16be' : undefined;
  const utf16 = bom16 ?? utf16WithoutBom(bytes);
  if (utf16) {
    const text = decodeStrict(bytes.subarray(bom16 ? 2 : 0), utf16);
    if (text === undefined) throw new ReadError(file, problem('read.badUtf16'));
    const name = utf16 === 'utf-16le' ? 'UTF-16LE' : 'UTF-16BE';
    const warning = `文字コードが ${name} だったため UTF-8 に変換して読みました`;
    return checkedText(file, { text, encoding: name, warnings: [warning] });
  }
  const utf8 = decodeStrict(bytes, 'utf-8');
  if (utf8 !== undefined) return checkedText(file, { text: utf8, encoding: 'UTF-8', warnings: [] });
  return checkedText(file, legacyDecoding(file, bytes));
}
