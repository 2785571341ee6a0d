import { z } from 'zod';
import { optionalEmail, optionalTypedText } from '../kernel/web/inputs.ts';
import { says } from '../kernel/web/validation.ts';

export const ROMANISED_NAME_MAX = 50;

/** Latin letters, spaces, hyphens and apostrophes, starting with a letter (Tsurumi, Hodogaya); a part of a pattern. */
export const romanisedNameSource = "[A-Za-z][A-Za-z '’-]*";

/** A place's romanised name for the English pages; optional (left out or blank is none: the pages show the Japanese name). */
export const romanisedNameInput = z
  .string()
  .trim()
  .max(ROMANISED_NAME_MAX, says('place.error.romanisedName', { max: ROMANISED_NAME_MAX }))
  .regex(new RegExp(`^(${romanisedNameSource})?$`), says('place.error.romanisedName', { max: ROMANISED_NAME_MAX }))
  .optional()
  .transform((text) => text || null);

/** A phone number as offices print it: digits (full-width too), hyphens, brackets, spaces and a leading +. */
const PHONE = /^\+?[0-9０-９][0-9０-９\-－‐()（） ]{4,30}$/;

/** A ward's 問い合わせ先: the department, and its phone and email only with a department to name. */
export const wardContactInput = z
  .object({
    version: z.coerce.number().int().min(1),
    department: optionalTypedText(200),
    phone: z
      .string()
      .trim()
      .transform((s) => (s === '' ? null : s))
      .refine((s) => s === null || PHONE.test(s), says('contact.error.phone')),
    email: optionalEmail,
  })
  .superRefine((input, ctx) => {
    if (input.department === null && (input.phone !== null || input.email !== null)) {
      ctx.addIssue({ code: 'custom', path: ['department'], ...says('contact.error.department') });
    }
  });
export type WardContactInput = z.output<typeof wardContactInput>;
