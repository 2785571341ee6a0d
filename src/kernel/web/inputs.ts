import { z } from 'zod';
import { problem, type MessageKey, type ProblemParams } from '../i18n/index.ts';
import { parseDate, parseTypedFiscalYear } from '../wareki/index.ts';
import { says } from './validation.ts';

/**
 * Zod builders for form fields that every module reads the same way. Text is kept exactly as typed except that line
 * endings become \n.
 */
export const typedText = (max: number) => z.string().max(max, says('form.tooLong')).transform((s) => s.replace(/\r\n?/g, '\n'));

/** Optional text: blank (only spaces) becomes null. */
export const optionalTypedText = (max: number) => typedText(max).transform((s) => (s.trim() === '' ? null : s));

export const requiredText = (max: number, message: MessageKey) => typedText(max).refine((s) => s.trim() !== '', says(message));

const FISCAL_YEARS = { min: 1900, max: 2200 } as const;

/** Reads a typed fiscal year (2025, 2025年度, 令和7年度, R7, 令和7年), or says why not, naming `field`. */
function readFiscalYear(field: MessageKey, text: string, ctx: z.RefinementCtx): number {
  const parsed = parseTypedFiscalYear(text);
  const refuse = (key: MessageKey, params: ProblemParams = {}) => {
    ctx.addIssue({ code: 'custom', ...says(key, { field: problem(field), ...params }) });
    return z.NEVER;
  };
  if (!parsed.ok) return refuse(text.trim() === '' ? 'form.fiscalYearRequired' : 'form.fiscalYearShape');
  if (parsed.value < FISCAL_YEARS.min) return refuse('form.fiscalYearMin', { min: FISCAL_YEARS.min });
  if (parsed.value > FISCAL_YEARS.max) return refuse('form.fiscalYearMax', { max: FISCAL_YEARS.max });
  return parsed.value;
}

/** A fiscal year as people type it, in 和暦 or 西暦: the integer out. `field` names the field in the error. */
export const fiscalYearInput = (field: MessageKey) => z.string().transform((text, ctx) => readFiscalYear(field, text, ctx));

/** The same where the field may be left blank (only spaces): null then. */
export const optionalFiscalYearInput = (field: MessageKey) =>
  z.string().transform((text, ctx) => (text.trim() === '' ? null : readFiscalYear(field, text, ctx)));

/** A date as people type it (2025-04-30, 2025/4/30, 令和7年4月30日, R7.4.30): ISO out; `field` names the field in the error. */
export const dateInput = (field: MessageKey) =>
  z.string().transform((text, ctx) => {
    const parsed = parseDate(text.trim());
    if (parsed.ok) return parsed.value;
    ctx.addIssue({ code: 'custom', ...says(text.trim() === '' ? 'form.dateRequired' : 'form.dateShape', { field: problem(field) }) });
    return z.NEVER;
  });

/** An optional email address (reminders go there): blank is none, anything else must look like an address. */
export const optionalEmail = z
  .string()
  .trim()
  .max(254, says('form.emailTooLong'))
  .default('')
  .pipe(z.union([z.literal('').transform(() => null), z.email(says('form.emailShape'))]));

/** The version a form was read at (0: the record did not exist yet). */
export const versionInput = z.coerce.number(says('form.version')).int(says('form.version')).min(0, says('form.version'));
