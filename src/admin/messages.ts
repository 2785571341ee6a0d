import { defineMessages } from '../kernel/i18n/index.ts';

/** The /admin home. Japanese is the source; English is complete. */
export const adminMessages = defineMessages({
  'admin.title': { ja: '管理', en: 'Admin' },
  'admin.myPlans': { ja: '編集できる計画', en: 'Plans you can edit' },
  'admin.role': { ja: '役割', en: 'Role' },
  'admin.noPermission': { ja: '編集できる計画はありません。', en: 'There are no plans you can edit.' },
});

type AdminMessages = typeof adminMessages;

declare module '../kernel/i18n/index.ts' {
  interface MessageKeys extends AdminMessages {}
}
