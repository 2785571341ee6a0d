import { redirectNotices } from '../../kernel/web/notices.ts';

export type EvaluationNotice = 'scaleSaved' | 'saved' | 'published' | 'unpublished';

/** The one-line confirmations shown after a redirect (`?notice=saved`). */
export const { noticeOf, withNotice } = redirectNotices<EvaluationNotice>({
  scaleSaved: 'evaluation.notice.scaleSaved',
  saved: 'evaluation.notice.saved',
  published: 'evaluation.notice.published',
  unpublished: 'evaluation.notice.unpublished',
});
