const KANJI_DIGITS = '〇一二三四五六七八九';
const KANJI_UNITS: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };

/** ０-９ → 0-9; every other character is kept, so indexes into the text stay valid. */
export function toHalfWidthDigits(text: string): string {
  return text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
}

/**
 * Reads a kanji numeral: positional (二〇二四 → 2024) or with units (二十四 → 24, 千九百八十九 → 1989).
 * Undefined when it is not a well-formed numeral (十十, 二三十).
 */
export function parseKanjiNumeral(text: string): number | undefined {
  if (text === '') return undefined;
  if ([...text].every((c) => KANJI_DIGITS.includes(c))) {
    return [...text].reduce((n, c) => n * 10 + KANJI_DIGITS.indexOf(c), 0);
  }
  return parseUnitNumeral(text);
}

function parseUnitNumeral(text: string): number | undefined {
  let total = 0;
  let digit: number | undefined;
  let lastUnit = Infinity;
  for (const c of text) {
    const unit = KANJI_UNITS[c];
    if (unit !== undefined) {
      if (unit >= lastUnit) return undefined;
      total += (digit ?? 1) * unit;
      lastUnit = unit;
      digit = undefined;
    } else {
      // Two digits in a row (二三十) or 〇 among units is not a numeral.
      if (digit !== undefined || !KANJI_DIGITS.includes(c) || c === '〇') return undefined;
      digit = KANJI_DIGITS.indexOf(c);
    }
  }
  return total + (digit ?? 0);
}

/** Reads half-width, full-width or kanji digits as a non-negative integer; undefined otherwise. */
export function parseNumeral(text: string): number | undefined {
  const ascii = toHalfWidthDigits(text);
  if (/^\d+$/.test(ascii)) return Number(ascii);
  return parseKanjiNumeral(text);
}
