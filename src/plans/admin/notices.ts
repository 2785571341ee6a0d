import { redirectNotices } from '../../kernel/web/notices.ts';

/** The one-line confirmations the tree editor shows after a redirect (`?notice=saved`). */
export type PlanNotice = 'saved' | 'moved' | 'deleted' | 'imported';

export const { noticeOf, withNotice } = redirectNotices<PlanNotice>({ saved: 'admin.saved', moved: 'admin.moved', deleted: 'admin.deleted', imported: 'structure.imported' });
