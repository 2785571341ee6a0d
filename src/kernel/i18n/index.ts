export const locales = ['ja', 'en'] as const;
export type Locale = (typeof locales)[number];

/** One piece of interface text in every locale: Japanese is the source, English must be there too (checked by type). */
export type Message = Readonly<Record<Locale, string>>;

/**
 * Every message key of the application, each with its `Message`. The kernel declares its own keys here
 * (./messages.ts); each module adds its keys from its own `messages.ts` by declaration merging
 * (`declare module '…/kernel/i18n/index.ts' { interface MessageKeys extends … {} }`), so `t('plan.vision')` is checked
 * everywhere, kernel included, without the kernel importing any module.
 */
export interface MessageKeys {}

export type MessageKey = keyof MessageKeys;

/** The whole catalogue, merged above the kernel (src/messages.ts) and handed to it through its services. */
export type Catalogue = { readonly [K in MessageKey]: Message };

/** A part of the catalogue (the kernel's or one module's), its keys inferred from the object written. */
export function defineMessages<K extends string>(messages: Record<K, Message>): Record<K, Message> {
  return messages;
}

type Merged<Parts extends readonly object[]> = Parts extends readonly [infer First, ...infer Rest extends readonly object[]] ? First & Merged<Rest> : unknown;

/** The parts as one catalogue; a key defined by two parts is a mistake, found at start. */
export function mergeMessages<const Parts extends readonly Record<string, Message>[]>(...parts: Parts): Merged<Parts> {
  const merged: Record<string, Message> = {};
  for (const part of parts) {
    for (const [key, message] of Object.entries(part)) {
      if (key in merged) throw new Error(`The message key ${key} is defined twice`);
      merged[key] = message;
    }
  }
  return merged as Merged<Parts>;
}

export type Params = Record<string, string | number>;

export type Translate = (key: MessageKey, params?: Params) => string;

/**
 * Text decided before the reader's language is known — a validation error, a command's refusal: its key and
 * parameters, translated where it is shown.
 */
export type Problem = { readonly key: MessageKey; readonly params?: ProblemParams };

/** A problem's parameters; one may be a problem itself (a sentence inside a sentence), translated with it. */
export type ProblemParams = Record<string, string | number | Problem>;

export function problem(key: MessageKey, params?: ProblemParams): Problem {
  return params ? { key, params } : { key };
}

/** Problems by field (or by any name a form gives them). */
export type Problems = Record<string, Problem>;

export function translateProblem(t: Translate, p: Problem): string {
  if (!p.params) return t(p.key);
  return t(p.key, Object.fromEntries(Object.entries(p.params).map(([name, value]) => [name, typeof value === 'object' ? translateProblem(t, value) : value])));
}

export function translateProblems(t: Translate, problems: Problems): Record<string, string> {
  return Object.fromEntries(Object.entries(problems).map(([name, p]) => [name, translateProblem(t, p)]));
}

/** A message's text with its `{name}` placeholders filled in. */
export function fillMessage(text: string, params?: Params): string {
  return params ? text.replace(/\{(\w+)\}/g, (whole, name: string) => String(params[name] ?? whole)) : text;
}

export function translator(catalogue: Catalogue, locale: Locale): Translate {
  return (key, params) => fillMessage(catalogue[key][locale], params);
}

export function isLocale(value: unknown): value is Locale {
  return value === 'ja' || value === 'en';
}
