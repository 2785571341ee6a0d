import { defineMessages } from '../kernel/i18n/index.ts';

/**
 * The English word after a romanised place name, chosen by how the Japanese name ends (as Yokohama's English pages
 * say "Tsurumi Ward", "Yokohama City"). The Japanese pages show the name as it is, so only the English side is read.
 */
export const municipalityMessages = defineMessages({
  'place.suffix.地区': { ja: '地区', en: 'District' },
  'place.suffix.区': { ja: '区', en: 'Ward' },
  'place.suffix.市': { ja: '市', en: 'City' },
  'place.suffix.町': { ja: '町', en: 'Town' },
  'place.suffix.村': { ja: '村', en: 'Village' },
  'place.error.romanisedName': {
    ja: 'ローマ字の名前は、半角英字で始まる半角英字・空白・ハイフン・アポストロフィの{max}文字以内にしてください（例: Tsurumi）',
    en: 'The romanised name takes Latin letters, spaces, hyphens and apostrophes (at most {max}), starting with a letter (for example Tsurumi)',
  },
  'contact.title': { ja: '{ward}の問い合わせ先', en: 'Contact details of {ward}' },
  'contact.adminLink': { ja: '{ward}の公開ページの問い合わせ先', en: "Contact details on {ward}'s public pages" },
  'contact.lead': {
    ja: '区の公開ページ（区・計画・項目・取組報告・推進主体のページ）の下に「問い合わせ先」として載せる、計画の事務局の部署と連絡先です。部署名が空のときは何も載せません。',
    en: "The plan secretariat's department and how to reach it, shown as “Contact” at the foot of the ward's public pages (ward, plans, items, progress reports, promoting bodies). Nothing is shown while the department is empty.",
  },
  'contact.department': { ja: '部署名', en: 'Department' },
  'contact.departmentHint': { ja: '例：○○区役所 区政推進課', en: 'For example: ○○区役所 区政推進課' },
  'contact.phone': { ja: '電話番号（任意）', en: 'Phone (optional)' },
  'contact.phoneHint': { ja: '例：045-000-0000（数字・ハイフン・括弧）', en: 'For example: 045-000-0000 (digits, hyphens, brackets)' },
  'contact.email': { ja: 'メールアドレス（任意）', en: 'Email (optional)' },
  'contact.saved': { ja: '問い合わせ先を保存しました。', en: 'Contact details saved.' },
  'contact.error.department': {
    ja: '電話番号かメールアドレスを載せるときは、部署名も入れてください',
    en: 'Enter the department too when giving a phone number or an email address',
  },
  'contact.error.phone': {
    ja: '電話番号は数字・ハイフン・括弧で入れてください（例：045-000-0000）',
    en: 'Enter the phone number with digits, hyphens and brackets (for example 045-000-0000)',
  },
});

type MunicipalityMessages = typeof municipalityMessages;

declare module '../kernel/i18n/index.ts' {
  interface MessageKeys extends MunicipalityMessages {}
}
