import { defineMessages } from '../kernel/i18n/index.ts';

/** Organisations (推進主体): their pages, kinds and the registry. Japanese is the source; English is complete. */
export const organisationMessages = defineMessages({
  'org.owns': { ja: '担当している取組', en: 'Initiatives it carries out' },
  'org.filedUnder': { ja: '計画の項目：', en: 'plan item: ' },
  'org.aliases': { ja: '別名', en: 'Also called' },
  'org.none': { ja: '担当している取組はありません。', en: 'No initiatives.' },
  'org.kind': { ja: '種別', en: 'Kind' },
  'org.kind.ward_office_section': { ja: '区役所の課', en: 'Ward office section' },
  'org.kind.ward_council_of_social_welfare': { ja: '区社会福祉協議会', en: 'Ward council of social welfare' },
  'org.kind.community_care_plaza': { ja: '地域ケアプラザ', en: 'Community care plaza' },
  'org.kind.civic_activity_center': { ja: '区民活動センター', en: 'Civic activity centre' },
  'org.kind.district_council_of_social_welfare': { ja: '地区社会福祉協議会', en: 'District council of social welfare' },
  'org.kind.neighbourhood_association': { ja: '自治会町内会', en: 'Neighbourhood association' },
  'org.kind.npo': { ja: 'NPO法人', en: 'NPO' },
  'org.kind.company': { ja: '企業', en: 'Company' },
  'org.kind.school': { ja: '学校', en: 'School' },
  'org.kind.university': { ja: '大学', en: 'University' },
  'org.kind.medical': { ja: '医療機関', en: 'Medical institution' },
  'org.kind.welfare_facility': { ja: '福祉施設', en: 'Welfare facility' },
  'org.kind.committee': { ja: '会議体', en: 'Committee' },
  'org.kind.special': { ja: 'その他（全体など）', en: 'Other (everyone, all sections)' },
  'org.kind.other': { ja: 'その他', en: 'Other' },
  'registry.title': { ja: '推進主体の登録簿', en: 'Registry of promoting bodies' },
  'registry.add': { ja: '推進主体を追加', en: 'Add a promoting body' },
  'registry.edit': { ja: '推進主体を編集', en: 'Edit promoting body' },
  'registry.wholeCity': { ja: '市全体', en: 'Whole city' },
  'registry.aliasesHint': { ja: '別名（資料での書き方。1行に1つ。例：区社協）', en: 'Other names (as documents write them; one per line)' },
  'registry.collective': {
    ja: '個別の団体ではなく、まとまりを表す（「地域ケアプラザ（各館）」「全体で取り組むもの」など）',
    en: 'Stands for a group rather than one body (all care plazas, everyone …)',
  },
  'registry.manage': { ja: '推進主体の登録簿を編集', en: 'Edit the registry of promoting bodies' },
  'registry.contactEmail': { ja: '督促メールの送り先（任意）', en: 'Email for reminders (optional)' },
  'registry.contactEmailHint': {
    ja: 'ログインしない推進主体にも、報告の督促メールがここに届きます。担当者のアカウントにメールアドレスがあれば、そちらにも送ります。',
    en: 'Report reminders go here, also for owners who do not log in. Staff accounts with an email address get them too.',
  },
  'registry.error.kind': { ja: '種別を選んでください', en: 'Choose the kind' },
  'registry.error.ward': { ja: '区の指定が不正です', en: 'The ward chosen is not valid' },
  'registry.error.wardNotAllowed': { ja: 'この区には登録できません', en: 'You cannot register in this ward' },
});

type OrganisationMessages = typeof organisationMessages;

declare module '../kernel/i18n/index.ts' {
  interface MessageKeys extends OrganisationMessages {}
}
