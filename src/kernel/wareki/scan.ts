import { scanSyntax } from './grammar.ts';
import { readWareki, type ParseOptions, type WarekiValue } from './parse.ts';
import type { ParseResult } from './result.ts';

export interface WarekiMatch {
  /** UTF-16 index of the expression in the scanned text. */
  index: number;
  /** The expression exactly as it appears. */
  text: string;
  /** Its reading; an expression that looks like a date but is not one (平成31年5月1日) is reported as an error. */
  result: ParseResult<WarekiValue>;
}

/** Every date, month, year, fiscal year and fiscal-year span in a text, in order. */
export function findAll(text: string, options: ParseOptions = {}): WarekiMatch[] {
  return [...scanSyntax(text)].map((hit) => ({
    index: hit.index,
    text: hit.text,
    result: readWareki(hit.text, hit.match, options),
  }));
}
