import { defineMessages } from '../kernel/i18n/index.ts';

/** The /admin home. Japanese is the source; English is complete. */
export const adminMessages = defineMessages({
  'admin.title': { ja: '管理', en: 'Admin' },
  'admin.myPlans': { ja: '編集できる計画', en: 'Plans you can edit' },
  'admin.plan.noPeriods': { ja: 'この計画には、まだ期が登録されていません。', en: 'This plan has no period yet.' },
  'admin.role': { ja: '役割', en: 'Role' },
  'admin.lead.committee_member': {
    ja: '推進会議の資料を読み、PDFやWordで保存できます。受理された実績報告も読めます。',
    en: 'Read the committee meetings’ material and download it as PDF or Word, and read the accepted progress reports.',
  },
  'admin.lead.district_support': {
    ja: '担当する地区の活動・支援チーム・統計・地区の歩みを記録し、地区別計画を編集できます（取組目標・推進主体・取組例の追加と変更、変更履歴の確認）。',
    en: 'Record your district’s activities, support team, statistics and milestones, and edit its plan: add and change its goals, owners and examples, and read its history.',
  },
  'admin.lead.owner_staff': {
    ja: '担当する実績報告を書いて提出できます。差し戻された報告は直して出し直します。',
    en: 'Write and hand in the progress reports your organisation owns; correct and resubmit a returned one.',
  },
  'admin.lead.ward_secretariat': {
    ja: '区の計画の編集、実績報告の依頼・督促・確認、推進会議の資料づくり、推進主体とアカウントの管理ができます。',
    en: 'Edit the ward’s plans, ask for progress reports, remind and review, prepare committee material, and manage owners and accounts.',
  },
  'admin.lead.city_admin': {
    ja: '市の全区の計画・実績報告・推進会議と、アカウント・推進主体を管理できます。',
    en: 'Manage every ward’s plans, progress reports and committee meetings, and the accounts and owners of the city.',
  },
  'admin.meetings': { ja: '推進会議と資料', en: 'Committee meetings and material' },
  'admin.meetings.none': {
    ja: '共有された会議はまだありません。事務局が会議の資料を共有すると、ここに表示されます。',
    en: 'No meeting has been shared yet. Meetings appear here once the secretariat shares their material.',
  },
  'admin.meetings.noneToPrepare': { ja: '会議はまだありません。各区の推進会議のページから作成できます。', en: 'No meetings yet. Create one from a ward’s committee meetings page.' },
  'admin.acceptedReports': { ja: '受理された実績報告', en: 'Accepted progress reports' },
  'admin.acceptedReports.none': { ja: '受理された実績報告はまだありません。', en: 'No progress report has been accepted yet.' },
  'admin.dueReports': { ja: '提出が必要な実績報告', en: 'Progress reports to hand in' },
  'admin.dueReports.none': { ja: '今、提出が必要な報告はありません。', en: 'No report needs handing in now.' },
  'admin.openRounds': { ja: '受付中の実績報告', en: 'Open report rounds' },
  'admin.openRounds.none': { ja: '受付中の報告の回はありません。', en: 'No report round is open.' },
  'admin.wardsOverview': { ja: '区ごとの状況', en: 'Wards at a glance' },
  'admin.wardsOverview.none': { ja: '区はまだ登録されていません。', en: 'No ward has been registered yet.' },
  'admin.wardSummary': { ja: '計画 {plans}件・受付中の報告の回 {openRounds}件・推進会議 {meetings}件', en: '{plans} plan(s), {openRounds} open round(s), {meetings} meeting(s)' },
  'admin.accounts': { ja: 'アカウントと推進主体', en: 'Accounts and owners' },
  'admin.more': { ja: 'そのほかにできること', en: 'More you can do' },
  'admin.noPlans': { ja: '計画はまだありません。', en: 'There are no plans yet.' },
  'admin.noDistrictPlan': {
    ja: '{district}の地区計画はまだありません。「次に記録すること」の「地区別計画を登録する」から作成でき、作成されると、ここから編集できます。',
    en: 'There is no plan for {district} yet. Create it with “Enter the district plan” under “What to record next”; once it exists, you edit it from here.',
  },
});

type AdminMessages = typeof adminMessages;

declare module '../kernel/i18n/index.ts' {
  interface MessageKeys extends AdminMessages {}
}
