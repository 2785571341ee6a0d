import { defineMessages } from '../kernel/i18n/index.ts';

/** The first start's setup: the municipality, its wards and the first administrator. */
export const setupMessages = defineMessages({
  'setup.title': { ja: '初期設定', en: 'First setup' },
  'setup.lead': {
    ja: 'このサーバーにはまだ市町村もアカウントもありません。市町村と区、最初の管理者（市の管理者）を登録します。最初にこのページを送信した人の設定だけが使われ、そのあとこのページは使えなくなります。',
    en: 'This server has no municipality and no account yet. Register the municipality, its wards and the first administrator (the city administrator). Only the first setup sent is used; after it this page is closed.',
  },
  'setup.municipality': { ja: '市町村', en: 'Municipality' },
  'setup.municipalityName': { ja: '市町村の名前', en: 'Name of the municipality' },
  'setup.municipalityNameHint': { ja: '例: 横浜市', en: 'For example 横浜市' },
  'setup.romanisedName': { ja: 'ローマ字の名前（任意・英語のページに使います）', en: 'Romanised name (optional, for the English pages)' },
  'setup.romanisedNameHint': {
    ja: '例: Yokohama（英語のページでは Yokohama City）。空欄なら英語のページにも漢字の名前を出します。',
    en: 'For example Yokohama (the English pages then say Yokohama City). Left blank, the English pages show the Japanese name.',
  },
  'setup.slug': { ja: 'URL に使う名前（英小文字・数字・ハイフン）', en: 'Name used in URLs (lower-case letters, digits, hyphens)' },
  'setup.slugHint': { ja: '例: yokohama（ページの URL が /m/yokohama になります）', en: 'For example yokohama (pages are then at /m/yokohama)' },
  'setup.prefecture': { ja: '都道府県', en: 'Prefecture' },
  'setup.prefectureHint': { ja: '例: 神奈川県', en: 'For example 神奈川県' },
  'setup.kind': { ja: '種類', en: 'Kind' },
  'setup.kind.designated_city': { ja: '政令指定都市', en: 'Designated city' },
  'setup.kind.city': { ja: '市', en: 'City' },
  'setup.kind.town': { ja: '町', en: 'Town' },
  'setup.kind.village': { ja: '村', en: 'Village' },
  'setup.wards': {
    ja: '区（1行に1つ: URL に使う名前、空白、区の名前、任意で空白とローマ字の名前）',
    en: 'Wards (one a line: the name used in URLs, a space, the ward’s name, optionally a space and its romanised name)',
  },
  'setup.wardsHint': {
    ja: '例: 「asahi 旭区 Asahi」（英語のページでは Asahi Ward）。区のない市町村は、市町村そのものを一つの区として書いてください（例: 「kamakura 鎌倉市 Kamakura」）。',
    en: 'For example “asahi 旭区 Asahi” (the English pages then say Asahi Ward). A municipality without wards enters itself as its one ward (for example “kamakura 鎌倉市 Kamakura”).',
  },
  'setup.admin': { ja: '最初の管理者', en: 'First administrator' },
  'setup.login': { ja: 'ログインID', en: 'Login ID' },
  'setup.displayName': { ja: '表示名', en: 'Display name' },
  'setup.password': { ja: 'パスワード', en: 'Password' },
  'setup.passwordConfirmation': { ja: 'パスワード（確認のため、もう一度）', en: 'Password (again, to confirm)' },
  'setup.submit': { ja: 'この内容で設定する', en: 'Set up' },
  'setup.error.alreadySetUp': {
    ja: 'このサーバーは既に設定されています（市町村かアカウントがあります）。管理者としてログインしてください。',
    en: 'This server is set up already (it has a municipality or an account). Log in as an administrator.',
  },
  'setup.error.nameRequired': { ja: '市町村の名前を入力してください', en: 'Enter the name of the municipality' },
  'setup.error.nameLong': { ja: '{max}文字以内にしてください', en: 'Use at most {max} characters' },
  'setup.error.slug': {
    ja: 'URL に使う名前は、英小文字か数字で始まる英小文字・数字・ハイフンの50文字以内にしてください',
    en: 'The URL name takes lower-case letters, digits and hyphens (at most 50), starting with a letter or digit',
  },
  'setup.error.prefectureRequired': { ja: '都道府県を入力してください', en: 'Enter the prefecture' },
  'setup.error.kind': { ja: '種類を選んでください', en: 'Choose the kind' },
  'setup.error.wardsRequired': { ja: '区を一つ以上入力してください', en: 'Enter at least one ward' },
  'setup.error.wardLine': {
    ja: '{line}行目「{text}」: URL に使う名前（英小文字・数字・ハイフン）と区の名前（任意でローマ字の名前も）を空白で区切って書いてください',
    en: 'Line {line} “{text}”: write the URL name (lower-case letters, digits, hyphens) and the ward’s name (and optionally its romanised name), separated by spaces',
  },
  'setup.error.passwordMismatch': {
    ja: '確認のパスワードが上のパスワードと違います。同じパスワードをもう一度入力してください',
    en: 'This is not the password above. Type the same password again',
  },
  'setup.error.wardTwice': { ja: '{line}行目: 「{slug}」が二度あります', en: 'Line {line}: “{slug}” comes twice' },
});

type SetupMessages = typeof setupMessages;

declare module '../kernel/i18n/index.ts' {
  interface MessageKeys extends SetupMessages {}
}
