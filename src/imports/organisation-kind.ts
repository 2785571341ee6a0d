import type { OrganisationKind } from '../organisations/queries.ts';

/**
 * The kind of 推進主体 a written name most likely is, for a body the registry does not know yet. Checked in order:
 * the more specific endings first (地区社協 before 社協). The preview lists every guess so the user can check it.
 */
const GUESSES: [RegExp, OrganisationKind][] = [
  [/全体|全課|全員/, 'special'],
  [/地区社(会福祉)?協(議会)?$/, 'district_council_of_social_welfare'],
  [/社(会福祉)?協(議会)?$/, 'ward_council_of_social_welfare'],
  [/ケアプラザ$/, 'community_care_plaza'],
  [/(区民|市民)活動(支援)?センター$/, 'civic_activity_center'],
  [/(自治会|町内会|連合会)$/, 'neighbourhood_association'],
  [/(NPO|ＮＰＯ|特定非営利活動法人)/, 'npo'],
  [/(株式会社|有限会社|企業|商店街)/, 'company'],
  [/大学$/, 'university'],
  [/(学校|小学校|中学校|高校|高等学校|PTA|ＰＴＡ)$/, 'school'],
  [/(病院|医院|クリニック|医師会|歯科医師会|薬剤師会|訪問看護)/, 'medical'],
  [/(施設|保育園|保育所|幼稚園|作業所|ホーム|事業所)$/, 'welfare_facility'],
  [/(委員会|協議会|推進会議|部会)$/, 'committee'],
  [/(課|係|センター|区役所)$/, 'ward_office_section'],
];

export function guessOrganisationKind(written: string): OrganisationKind {
  const name = written.normalize('NFKC').replace(/\s+/g, '');
  return GUESSES.find(([pattern]) => pattern.test(name))?.[1] ?? 'other';
}
