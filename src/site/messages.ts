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
  'ward.noPlans': { ja: 'この区の計画はまだ登録されていません。', en: 'No plans for this ward yet.' },
});

type SiteMessages = typeof siteMessages;

declare module '../kernel/i18n/index.ts' {
  interface MessageKeys extends SiteMessages {}
}
