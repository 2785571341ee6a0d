import { defineMessages } from '../kernel/i18n/index.ts';

/** Logging in. Japanese is the source; English is complete. */
export const accountMessages = defineMessages({
  'login.title': { ja: 'ログイン', en: 'Log in' },
  'login.login': { ja: 'ログインID', en: 'Login ID' },
  'login.password': { ja: 'パスワード', en: 'Password' },
  'login.submit': { ja: 'ログインする', en: 'Log in' },
  'login.failed': { ja: 'ログインIDまたはパスワードが正しくありません。', en: 'The login ID or password is not correct.' },
  'login.throttled': {
    ja: 'ログインの失敗が続いたため、しばらくログインできません。{minutes}分ほどおいてから再度お試しください。',
    en: 'Too many failed attempts. Try again in about {minutes} minutes.',
  },
  'login.required': { ja: 'ログインIDを入力してください', en: 'Enter your login ID' },
  'login.passwordRequired': { ja: 'パスワードを入力してください', en: 'Enter your password' },
});

type AccountMessages = typeof accountMessages;

declare module '../kernel/i18n/index.ts' {
  interface MessageKeys extends AccountMessages {}
}
