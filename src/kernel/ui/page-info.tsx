import type { Locale, Translate } from '../i18n/index.ts';
import { Ja } from './japanese.tsx';
import { dateInJapan, formatDay } from './time.ts';

/** Whom a reader asks about a page: a department, and its phone and email when known. */
export type Contact = { department: string; phone: string | null; email: string | null };

/** The foot of a public page, as Japanese municipal pages end: when what it shows last changed, and whom to ask. */
export type PageInfoValues = { updated: Date | null; contact: Contact | null };

/** The latest of some moments (none known: null). */
export function latest(moments: (Date | null | undefined)[]): Date | null {
  return moments.reduce<Date | null>((last, moment) => (moment && (!last || moment > last) ? moment : last), null);
}

/** 更新日 and 問い合わせ先 under a page's content; what is not known is left out, heading and all. */
export function PageInfo({ t, locale, info }: { t: Translate; locale: Locale; info: PageInfoValues }) {
  const { updated, contact } = info;
  if (!updated && !contact) return null;
  return (
    <footer class="page-info">
      {updated ? (
        <p class="page-info__updated">
          {t('site.updated')}
          <time datetime={dateInJapan(updated)}>{formatDay(updated, locale)}</time>
        </p>
      ) : null}
      {contact ? (
        <section class="page-info__contact" aria-labelledby="page-contact">
          <h2 id="page-contact">{t('site.contact')}</h2>
          <p>
            <Ja>{contact.department}</Ja>
          </p>
          {contact.phone || contact.email ? (
            <dl class="meta">
              {contact.phone ? (
                <>
                  <dt>{t('site.contactPhone')}</dt>
                  <dd>
                    <a href={`tel:${contact.phone.replace(/[^0-9+]/g, '')}`}>{contact.phone}</a>
                  </dd>
                </>
              ) : null}
              {contact.email ? (
                <>
                  <dt>{t('site.contactEmail')}</dt>
                  <dd>
                    <a href={`mailto:${contact.email}`}>{contact.email}</a>
                  </dd>
                </>
              ) : null}
            </dl>
          ) : null}
        </section>
      ) : null}
    </footer>
  );
}
