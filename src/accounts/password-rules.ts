import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** NIST SP 800-63B: long enough, not the login, not a password everyone tries first. No composition rules. */
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 200;

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

/** Why this password may not be used for this login, in Japanese, or null when it may. */
export function passwordProblem(password: string, login: string): string | null {
  if ([...password].length < MIN_PASSWORD_LENGTH) return `パスワードは${MIN_PASSWORD_LENGTH}文字以上にしてください`;
  if ([...password].length > MAX_PASSWORD_LENGTH) return `パスワードは${MAX_PASSWORD_LENGTH}文字以内にしてください`;
  if (login !== '' && password.toLowerCase().includes(login.toLowerCase())) return 'パスワードにログインIDを含めないでください';
  if (isCommonPassword(password)) return 'よく使われていて推測されやすいパスワードです。別のものにしてください';
  return null;
}
