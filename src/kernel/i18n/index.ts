import { en, ja, type MessageKey, type Messages } from './messages.ts';

export const locales = ['ja', 'en'] as const;
export type Locale = (typeof locales)[number];
export type { MessageKey };

const catalogues: Record<Locale, Messages> = { ja, en };

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export function translator(locale: Locale): Translate {
  const messages = catalogues[locale];
  return (key, params) =>
    params ? messages[key].replace(/\{(\w+)\}/g, (whole, name: string) => String(params[name] ?? whole)) : messages[key];
}

export function isLocale(value: unknown): value is Locale {
  return value === 'ja' || value === 'en';
}
