/** Kanji, hiragana or katakana: a text written in Japanese (full-width punctuation alone is not). */
const japaneseCharacters = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

/** Elements that have no end tag, so they are never ancestors of a text. */
const voidElements = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

/**
 * The texts of a page's body written in Japanese whose nearest element with a `lang` does not say "ja" (WCAG 3.1.2):
 * on an English page, Japanese content outside `<Ja>` / `lang={useContentLang()}`. A small reader of the server's own
 * markup (quoted attributes, no comments in the body), enough for the pages the app renders.
 */
export function japaneseOutsideLangJa(html: string): string[] {
  const body = html.slice(html.indexOf('<body'));
  const langs: (string | null)[] = [];
  const found: string[] = [];
  for (const [, tag, text] of body.matchAll(/(<[^>]*>)|([^<]+)/g)) {
    if (text !== undefined) {
      const inLang = langs.findLast((lang) => lang !== null);
      if (japaneseCharacters.test(text) && inLang !== 'ja') found.push(text.trim());
      continue;
    }
    const closing = /^<\/([a-z0-9]+)/i.exec(tag!);
    if (closing) {
      langs.pop();
      continue;
    }
    const opening = /^<([a-z0-9]+)/i.exec(tag!);
    if (!opening || voidElements.has(opening[1]!.toLowerCase()) || tag!.endsWith('/>')) continue;
    langs.push(/\slang="([^"]*)"/.exec(tag!)?.[1] ?? null);
  }
  return found;
}
