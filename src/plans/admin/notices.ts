import type { Translate } from '../../kernel/i18n/index.ts';

/** The one-line confirmations the tree editor shows after a redirect (`?notice=saved`). */
export type NoticeKey = 'saved' | 'moved' | 'deleted' | 'imported';

export function notices(t: Translate): Record<NoticeKey, string> {
  return { saved: t('admin.saved'), moved: t('admin.moved'), deleted: t('admin.deleted'), imported: t('structure.imported') };
}
