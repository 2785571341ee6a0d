import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { problem, type Problem } from '../kernel/i18n/index.ts';

/** NIST SP 800-63B: long enough, not the login, not a password everyone tries first. No composition rules. */
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 200;

/** The demo accounts' password, printed in the README: anyone can read it, so no one may choose it. */
export const DEMO_PASSWORD = 'sasaeai-demo-2024';

/**
 * The common-password list of zxcvbn-ts (about 49,000 passwords from breach corpora, MIT), read once on first use.
 * Compared case-insensitively: "Password123456" is as guessable as "password123456".
 */
let commonPasswords: Set<string> | null = null;
function isCommonPassword(password: string): boolean {
  if (!commonPasswords) {
    const file = createRequire(import.meta.url).resolve('@zxcvbn-ts/language-common/src/passwords.json');
    commonPasswords = new Set((JSON.parse(readFileSync(file, 'utf8')) as string[]).map((p) => p.toLowerCase()));
  }
  return commonPasswords.has(password.toLowerCase());
}

/** Why this password may not be used for this login, or null when it may. */
export function passwordProblem(password: string, login: string): Problem | null {
  if ([...password].length < MIN_PASSWORD_LENGTH) return problem('account.error.passwordShort', { min: MIN_PASSWORD_LENGTH });
  if ([...password].length > MAX_PASSWORD_LENGTH) return problem('account.error.passwordLong', { max: MAX_PASSWORD_LENGTH });
  if (login !== '' && password.toLowerCase().includes(login.toLowerCase())) return problem('account.error.passwordHasLogin');
  if (isCommonPassword(password)) return problem('account.error.passwordCommon');
  if (password === DEMO_PASSWORD) return problem('account.error.passwordPublished');
  return null;
}
