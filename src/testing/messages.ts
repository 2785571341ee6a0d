import { translateProblem, type Problem } from '../kernel/i18n/index.ts';
import { catalogue, translatorFor } from '../messages.ts';

const japanese = translatorFor('ja');

const isProblem = (value: unknown): value is Problem =>
  typeof value === 'object' && value !== null && 'key' in value && typeof value.key === 'string' && value.key in catalogue;

/**
 * A command's result or a parsed form with every problem in it (refusals, field errors) as the Japanese page shows
 * it, so a test compares the words the user reads.
 */
export function inJapanese(value: unknown): unknown {
  if (isProblem(value)) return translateProblem(japanese, value);
  if (Array.isArray(value)) return value.map(inJapanese);
  if (typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([name, inner]) => [name, inJapanese(inner)]));
  }
  return value;
}
