/**
 * Words of the genre (地域福祉保健計画 and their committee handouts) that the recognisers look for. Only the genre's
 * vocabulary lives here: no ward's, plan's or place's own name.
 */
import { NUMBER_SOURCE } from './text.ts';

/** Names of plan levels: 基本目標, 取組目標, 行動目標, 施策目標, 目指す姿, 推進の柱, 方向性, 基本方針, 主な取組 … */
export const LEVEL_NAME_SOURCE =
  '[^\\s\\u3000\\d０-９【】［］\\[\\]（）()「」『』、。，,・:：◆◇■□●○★☆※<>＜＞]{0,6}?' +
  '(?:目標|方針|施策|の柱|柱|目指す姿|の姿|方向性|の方向|取組|取り組み|重点項目|推進項目)';

const LEVEL_NAME_ONLY = new RegExp(`^${LEVEL_NAME_SOURCE}$`, 'u');

/** A bare level name, as legends and section titles print it: 基本目標, 取組目標, 主な取組. */
export function isLevelName(text: string): boolean {
  return LEVEL_NAME_ONLY.test(text);
}

/** Level headings: 【取組目標1-1】…, ◆取組目標1 …, 目指す姿1 …, 推進の柱１ …, 基本目標2, 施策目標(1), 方向性① … */
export const LEVEL_HEADING = new RegExp(
  `^(?:[【［\\[〔◆◇■□●○・][\\s\\u3000]*)?(?<name>${LEVEL_NAME_SOURCE})[\\s\\u3000]*(?<num>${NUMBER_SOURCE})` +
    `(?<gap>[\\s\\u3000]*)(?<close>[】］\\]〕])?(?<rest>.*)$`,
  'u',
);

/** What may not follow a level number: units and particles show the number is a quantity or the line a sentence. */
export const NOT_AFTER_LEVEL_NUMBER = /^(?:[,，.．%％0-9０-９]|人|名|件|回|か所|ヶ所|箇所|年|月|日|歳|割|点|位|世帯|[のはがをにでともへやか](?![\s\u3000]))/u;

/** Separators between a heading's number and its title, including stray brackets left by extraction (｠). */
export const TITLE_SEPARATORS = /^[\s\u3000:：．.、,，｠｟〕〔)）]+/u;

export const SITUATION_LABEL = /^[【［■◆]?\s*現状(?:と|及び|・)課題\s*[】］]?$/u;
export const VISION_LABEL = /^[【［■◆]?\s*(?:[0-9０-９一二三四五六七八九十]+年後の)?(?:地域の|まちの)?目指す姿\s*[】］]?$/u;
export const KEYWORDS_LABEL = /^[【［■◆]?\s*キーワード\s*[】］]?(?:[\s\u3000]*[:：][\s\u3000]*(?<inline>.*))?$/u;
export const PHILOSOPHY_LABEL = /^(?:[0-9０-９]+[\s\u3000.．]*)?(?<open>[【［■◆<＜〈])?\s*(?:計画の)?基本理念\s*[】］>＞〉]?(?<inline>.*)$/u;

/**
 * 基本理念 as a label: alone on its line (the text follows), bracketed (【基本理念】…, <基本理念> …) or before the text in
 * 「」. Answers the text printed on the label's line ("" when none), or null when the line is no label (基本理念と方向性…).
 */
export function philosophyLabel(text: string): string | null {
  const m = PHILOSOPHY_LABEL.exec(text);
  if (!m?.groups) return null;
  const inline = m.groups['inline']!.replace(/^[\s\u3000:：]+/u, '');
  return inline === '' || m.groups['open'] !== undefined || /^[「『]/u.test(inline) ? inline : null;
}
export const BRACKET_LABEL = /^[【［](?<label>[^】］]{1,20})[】］](?<rest>.*)$/u;
export const EXAMPLES_LABEL = /^(?:[0-9０-９]+[\s\u3000]*)?(?:主な|代表的な|具体的な)?(?:取り?組み?|事業|活動)(?:の)?(?:例|事例)$/u;
/** 区役所の取組, 区社会福祉協議会の取組, 地域ケアプラザの取り組み … */
export const ACTOR_LABEL = /^(?<actor>[^\s\u3000、。「」【】（）()]{2,16}?)の(?:主な)?取り?組み?$/u;
/** 第3期計画に向けた主な課題, 今後の課題, 次期計画に向けた課題 … */
export const ISSUES_LABEL = /^[^\s\u3000。]{0,16}(?:に向けた|今後の|残された)(?:主な)?課題$/u;

/** Owner lines: 推進主体／区社協、地域ケアプラザ; also 担当：…, 所管課：… */
export const OWNER_LINE = /^[\s\u3000]*[【［(（]?(?:推進主体|実施主体|担当課?|所管課?|主体)[】］)）]?[\s\u3000]*[／/:：][\s\u3000]*(?<owners>.+)$/u;

/** Words in a heading that make its section a review (振り返り). */
export const REVIEW_WORDS = /振り返り|取組・成果|取組と成果|成果と課題|継続したい|注力ポイント|評価/u;

/** Words in a title that name a meeting. */
export const MEETING_WORDS = /会議|部会|分科会|委員会|協議会|懇談会|連絡会|フォーラム|検討会|審議会/u;

/** A person's role ending the first word of a speaker: 区長, 福祉保健センター長, 座長, 事務局 … */
export const SPEAKER_ROLE = /(?:長|委員|事務局|担当|理事|顧問|講師|教授|係)$/u;

/** Names of organisations by how they end. */
export const ORGANISATION_NAME = /(?:区役所|市役所|役場|社協|社会福祉協議会|ケアプラザ|センター|協議会|連合会|自治会|町内会|課|係|局|部|室|会|法人|大学|病院|株式会社|事業所|団体|施設|機構|クラブ|ポート)(?:（[^）]*）)?$/u;

/** The four fields of a yearly progress report, with other wordings seen for each. */
const REPORT_FIELDS: readonly (readonly [RegExp, 'issue' | 'content' | 'collaboration' | 'outcome'])[] = [
  [/^(?:地域と共有した)?課題$|^共有した課題$|^地域の課題$/u, 'issue'],
  [/^取り?組み?(?:の)?内容$|^実施内容$|^活動内容$/u, 'content'],
  [/^(?:地域と)?連携した(?:ポイント|点)$|^連携のポイント$|^協働のポイント$/u, 'collaboration'],
  [/^成果(?:・効果)?$|^効果$|^結果$/u, 'outcome'],
];

export function reportField(cell: string): 'issue' | 'content' | 'collaboration' | 'outcome' | undefined {
  const key = cell.normalize('NFKC').replace(/[\s★※]/gu, '');
  return REPORT_FIELDS.find(([pattern]) => pattern.test(key))?.[1];
}

/** Indicator rows that name the kind of value: 見込量, 計画値, 実績値, 目標値, 基準値. */
export function valueKind(cell: string): 'actual' | 'planned' | 'target' | 'baseline' | undefined {
  const text = cell.replace(/[\s\u3000（）()]/gu, '');
  if (/^(?:見込(?:み|量|値)?|計画(?:値|量)?|予定(?:値|量)?|予算)$/u.test(text)) return 'planned';
  if (/^(?:実績(?:値|量)?|現状値|結果|決算)$/u.test(text)) return 'actual';
  if (/^目標(?:値|量)?$/u.test(text)) return 'target';
  if (/^(?:基準値?|策定時|当初値?)$/u.test(text)) return 'baseline';
  return undefined;
}

/** Plan tiers as documents name a plan without its proper name: 区計画, 市計画, 地区別計画. */
export const TIER_WORDS: Readonly<Record<string, 'city' | 'ward' | 'district'>> = {
  市計画: 'city', 区計画: 'ward', 区全体計画: 'ward', 区全域計画: 'ward', 地区別計画: 'district', 地区計画: 'district',
};
