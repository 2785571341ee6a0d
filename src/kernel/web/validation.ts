import type { z } from 'zod';
import { problem, translateProblems, type MessageKey, type Problem, type ProblemParams, type Problems, type Translate } from '../i18n/index.ts';
import { HttpError } from './errors.ts';

/**
 * A Zod message as a message key (and parameters), for `.refine(…, says(…))`, `z.enum(…, says(…))`,
 * `ctx.addIssue({ code: 'custom', ...says(…) })`: the key is checked by type and translated when the form is shown.
 */
export function says(key: MessageKey, params?: ProblemParams): { message: string; params?: ProblemParams } {
  return params ? { message: key, params } : { message: key };
}

/** A message key as written by `says` (Zod's own messages, for input no schema expected, are sentences). */
const keyShape = /^[a-z]\w*(\.\w+)+$/;

/**
 * Zod's issues as field → problem (the first per field), for the error summary and the message beside each field.
 * A length or size limit passes its bound as `{max}` / `{min}`.
 */
export function fieldErrors(error: z.ZodError): Problems {
  const errors: Problems = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? 'form');
    errors[field] ??= problemOf(issue);
  }
  return errors;
}

/** The first problem of a value checked on its own (not a field of an object). */
export function firstProblem(error: z.ZodError): Problem {
  return error.issues[0] ? problemOf(error.issues[0]) : problem('form.invalid');
}

function problemOf(issue: z.core.$ZodIssue): Problem {
  if (!keyShape.test(issue.message)) return problem('form.invalid');
  const key = issue.message as MessageKey;
  if (issue.code === 'custom' && issue.params) return problem(key, issue.params as ProblemParams);
  if (issue.code === 'too_big') return problem(key, { max: Number(issue.maximum) });
  if (issue.code === 'too_small') return problem(key, { min: Number(issue.minimum) });
  return problem(key);
}

/** Input no form of the app sends (a tampered hidden field, a stale button): a 422 page saying what was wrong. */
export function invalidRequest(t: Translate, error: z.ZodError): HttpError {
  return new HttpError(422, Object.values(translateProblems(t, fieldErrors(error))).join(' '));
}
