import { defineMessages } from '../kernel/i18n/index.ts';

/** The public pages that show several modules' records together: home, municipality, ward. Japanese is the source; English is complete. */
export const siteMessages = defineMessages({
  'home.title': { ja: '地域福祉保健計画', en: 'Community welfare and health plans' },
  'home.lead': {
    ja: '各区の地域福祉保健計画の基本理念・目標・取組と推進主体をご覧いただけます。',
    en: "Read each ward's plan: its philosophy, goals, initiatives and the bodies that carry them out.",
  },
  'home.wards': { ja: '区', en: 'Wards' },
  'home.cityPlans': { ja: '市の計画', en: 'City plans' },
  'home.empty': { ja: 'まだ計画が登録されていません。', en: 'No plans yet.' },
  'ward.plans': { ja: '計画', en: 'Plans' },
  'ward.districts': { ja: '地区', en: 'Districts' },
  'ward.organisations': { ja: '推進主体', en: 'Promoting bodies' },
  'node.plan': { ja: '計画', en: 'Plan' },
  'node.parent': { ja: '上位の項目', en: 'Item above' },
  'node.beside': { ja: '同じ階層の項目', en: 'Items at the same level' },
  'node.previous': { ja: '前の項目：', en: 'Previous: ' },
  'node.next': { ja: '次の項目：', en: 'Next: ' },
  'node.reports': { ja: '取組報告', en: 'Progress reports' },
  'node.reportsLead': {
    ja: 'この項目と下位の項目について、推進主体が報告し公開された取組です（新しい年度から）。',
    en: 'What the promoting bodies reported on this item and the items below it, as published (newest year first).',
  },
  'ward.noPlans': { ja: 'この区の計画はまだ登録されていません。', en: 'No plans for this ward yet.' },
});

type SiteMessages = typeof siteMessages;

declare module '../kernel/i18n/index.ts' {
  interface MessageKeys extends SiteMessages {}
}
