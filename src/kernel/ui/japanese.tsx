import { useContext, type Child } from 'hono/jsx';
import { PageLocale } from './forms.tsx';
import type { Locale } from '../i18n/index.ts';

/**
 * Text in Japanese whatever the page's language: the records' and documents' own words (plan titles, node texts,
 * organisation names, reports, meetings, a place without a romanised name). On an English page it is marked
 * `lang="ja"` (WCAG 3.1.2, language of parts), so that screen readers read it in Japanese; a Japanese page adds nothing.
 */
export type JapaneseText = { readonly ja: string; readonly after?: string };

/** Japanese content, and after it words in the page's language, if any (a plan's name, then its period's title). */
export function japanese(text: string, after?: string): JapaneseText {
  return after === undefined ? { ja: text } : { ja: text, after };
}

/** A label a page shows: interface text in the page's language (a plain string), or Japanese content. */
export type Label = string | JapaneseText;

/** The label's words, for where no element can mark them (the page's `<title>`, an attribute, a sentence). */
export function labelString(label: Label): string {
  return typeof label === 'string' ? label : label.ja + (label.after ?? '');
}

/**
 * The `lang` attribute of an element that holds Japanese content (a plan's text, a report's answers): "ja" on an
 * English page, none on a Japanese one. A hook: it reads the page's language from the Layout, so it works in a
 * component drawn inside the Layout (NodeContent, ReportTable), not in the body of the page component that draws the
 * Layout itself (its JSX is made before the Layout is); there, wrap the content in `<Ja>`.
 */
export function useContentLang(): 'ja' | undefined {
  return contentLangOf(useContext(PageLocale));
}

/** `useContentLang` for the body of a page component, which knows its page's language from its chrome. */
export function contentLangOf(locale: Locale): 'ja' | undefined {
  return locale === 'ja' ? undefined : 'ja';
}

/** Japanese content inline: a `<span lang="ja">` on an English page, the content alone on a Japanese one. */
export function Ja({ children }: { children?: Child }) {
  const lang = useContentLang();
  return lang ? <span lang={lang}>{children}</span> : <>{children}</>;
}

/** A label as it is shown: interface text as it is, Japanese content through `<Ja>`. */
export function LabelText({ label }: { label: Label }) {
  return typeof label === 'string' ? (
    <>{label}</>
  ) : (
    <>
      <Ja>{label.ja}</Ja>
      {label.after}
    </>
  );
}

/** Where a sentence names Japanese content; not a character any message or record uses. */
const slot = '\u{E000}';

/**
 * A sentence in the page's language that names Japanese content (“Choose “通学支援””): `say` makes the sentence around
 * the placeholder it is given, and the content takes its place through `<Ja>`.
 */
export function withJapanese(say: (placeholder: string) => string, content: string): Child {
  const [before, after] = say(slot).split(slot);
  return (
    <>
      {before}
      <Ja>{content}</Ja>
      {after}
    </>
  );
}
