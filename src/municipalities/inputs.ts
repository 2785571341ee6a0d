import { z } from 'zod';
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
