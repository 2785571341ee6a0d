/**
 * The project's 和暦 module, as the reader calls it: the same functions, except that a RangeError from the calendar
 * (the kernel throws for the fiscal year 9999, whose end falls in the year 10000) reads as "no date here" instead of
 * stopping the whole document.
 */
import * as wareki from '../kernel/wareki/index.ts';
import type { FiscalYearSpan, ParseResult, WarekiMatch } from '../kernel/wareki/index.ts';

function guarded<T>(read: () => ParseResult<T>): ParseResult<T> {
  try {
    return read();
  } catch (error) {
    if (error instanceof RangeError) return { ok: false, error: error.message };
    throw error;
  }
}

export function findAll(text: string): WarekiMatch[] {
  try {
    return wareki.findAll(text);
  } catch (error) {
    if (error instanceof RangeError) return [];
    throw error;
  }
}

export function parseFiscalYear(text: string): ParseResult<number> {
  return guarded(() => wareki.parseFiscalYear(text));
}

export function parseFiscalYearSpan(text: string): ParseResult<FiscalYearSpan> {
  return guarded(() => wareki.parseFiscalYearSpan(text));
}

export function parseTimeRange(text: string): ParseResult<wareki.TimeRange> {
  return guarded(() => wareki.parseTimeRange(text));
}

export type { FiscalYearSpan, WarekiValue } from '../kernel/wareki/index.ts';
