import type { MessageKey } from '../i18n/index.ts';
import type { AppContext } from './context.ts';

/**
 * A module's one-line confirmations shown after a redirect (`?notice=saved`): `withNotice` adds one to a URL (before
 * its #anchor), `noticeOf` reads it back in the reader's language; a key not in `keys` shows nothing.
 */
export function redirectNotices<K extends string>(keys: Record<K, MessageKey>) {
  return {
    noticeOf(c: AppContext): string | null {
      const key = c.req.query('notice');
      return key && Object.hasOwn(keys, key) ? c.var.t(keys[key as K]) : null;
    },
    withNotice(path: string, notice: K, anchor = ''): string {
      return `${path}?notice=${notice}${anchor}`;
    },
  };
}
