import { z } from 'zod';
import type { MessageKey } from '../i18n/index.ts';
import { parseDate } from '../wareki/index.ts';
import { says } from './validation.ts';

/**
 * Zod builders for form fields that every module reads the same way. Text is kept exactly as typed except that line
 * endings become \n.
 */
export const typedText = (max: number) => z.string().max(max, says('form.tooLong')).transform((s) => s.replace(/\r\n?/g, '\n'));

/** Optional text: blank (only spaces) becomes null. */
export const optionalTypedText = (max: number) => typedText(max).transform((s) => (s.trim() === '' ? null : s));

export const requiredText = (max: number, message: MessageKey) => typedText(max).refine((s) => s.trim() !== '', says(message));

export const fiscalYearInput = z.coerce
  .number(says('form.fiscalYear'))
  .int(says('form.fiscalYear'))
  .min(1900, says('form.fiscalYearMin'))
  .max(2200, says('form.fiscalYearMax'));

/** A date as the browser's date field sends it (2024-05-24) or as people type it (令和6年5月24日, R6.5.24): ISO out. */
export const dateInput = z.string().transform((text, ctx) => {
  const parsed = parseDate(text.trim());
  if (parsed.ok) return parsed.value;
  ctx.addIssue({ code: 'custom', ...says(text.trim() === '' ? 'form.dateRequired' : 'form.dateShape') });
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
