import { defineMessages } from '../kernel/i18n/index.ts';

/** The search page and its API's errors. Japanese is the source; English is complete. */
export const searchMessages = defineMessages({
  'search.title': { ja: '検索', en: 'Search' },
  'search.lead': {
    ja: '計画の項目、公開された取組報告などを、言葉で探せます。スペースで区切ると、すべての言葉を含むものを探します。全角と半角、大文字と小文字は区別しません。',
    en: 'Find plan items, published progress reports and more by their words. Words separated by spaces must all be there. Full-width and half-width characters, and upper and lower case, count as the same.',
  },
  'search.staffLead': {
    ja: 'ログインしているので、公開前の報告など、あなたが読めるものも探します。',
    en: 'As you are logged in, what you may read before it is public (reports not yet published, for example) is searched too.',
  },
  'search.query': { ja: '検索する言葉', en: 'Words to search for' },
  'search.submit': { ja: '検索', en: 'Search' },
  'search.filters': { ja: '絞り込み', en: 'Narrow down' },
  'search.filter.kind': { ja: '種類', en: 'Kind' },
  'search.filter.ward': { ja: '区', en: 'Ward' },
  'search.filter.period': { ja: '計画の期', en: 'Plan period' },
  'search.filter.year': { ja: '年度', en: 'Fiscal year' },
  'search.filter.page': { ja: 'ページ', en: 'Page' },
  'search.filter.all': { ja: 'すべて', en: 'All' },
  'search.filter.count': { ja: '{label}（{count}件）', en: '{label} ({count})' },
  'search.clear': { ja: '絞り込みを外す', en: 'Clear the filters' },
  'search.results': { ja: '「{query}」の検索結果', en: 'Results for “{query}”' },
  'search.total': { ja: '{total}件中 {from}〜{to}件目', en: '{from}–{to} of {total}' },
  'search.none': {
    ja: '見つかりませんでした。言葉を短くするか、別の言葉にするか、絞り込みを外してください。',
    en: 'Nothing found. Try fewer or other words, or clear the filters.',
  },
  'search.notPublic': { ja: '公開前', en: 'Not public' },
  'search.pages': { ja: '検索結果のページ', en: 'Result pages' },
  'search.previous': { ja: '前のページ', en: 'Previous page' },
  'search.next': { ja: '次のページ', en: 'Next page' },
  'search.pageOf': { ja: '{page} / {pages}ページ', en: 'Page {page} of {pages}' },
  'search.kind.plan_item': { ja: '計画の項目', en: 'Plan item' },
  'search.kind.report': { ja: '取組報告', en: 'Progress report' },
  'search.kind.meeting': { ja: '推進会議', en: 'Committee meeting' },
  'search.kind.organisation': { ja: '推進主体', en: 'Promoting body' },
  'search.error.empty': { ja: '検索する言葉を入力してください。', en: 'Enter the words to search for.' },
  'search.error.tooLong': {
    ja: '検索する言葉は{max}文字以内にしてください（今は{count}文字です）。',
    en: 'Search with at most {max} characters (there are {count} now).',
  },
  'search.error.parameter': {
    ja: '絞り込みの「{field}」の指定が正しくありません。選び直してください。',
    en: 'The filter “{field}” is not valid. Choose it again.',
  },
});

type SearchMessages = typeof searchMessages;

declare module '../kernel/i18n/index.ts' {
  interface MessageKeys extends SearchMessages {}
}
