import type { Child } from 'hono/jsx';
import type { SessionUser } from '../auth/actor.ts';
import type { Locale, Translate } from '../i18n/index.ts';
import { PageLocale } from './forms.tsx';
import { Ja, LabelText, labelString, type Label } from './japanese.tsx';
import { PageInfo, type PageInfoValues } from './page-info.tsx';

/** Enabled accounts whose password anyone can read exist (the demo's); they are managed at `accountsPath`. */
export type PublishedPasswordWarning = { accountsPath: string };

/** What every page needs from its request to draw the frame around its content. */
export type Chrome = {
  t: Translate;
  locale: Locale;
  /** The request path with its query, for the language switch. */
  path: string;
  user: SessionUser | null;
  csrfToken: string;
  publishedPasswords: PublishedPasswordWarning | null;
};

/** A step of the breadcrumbs; a record's name is Japanese content (`japanese(plan.name)`). */
export type Crumb = { label: Label; href?: string };

function languageSwitchHref(path: string, locale: Locale): string {
  const url = new URL(path, 'http://x');
  url.searchParams.set('lang', locale === 'ja' ? 'en' : 'ja');
  return `${url.pathname}${url.search}`;
}

export function Breadcrumbs({ t, items }: { t: Translate; items: Crumb[] }) {
  if (items.length === 0) return null;
  return (
    <nav aria-label={t('nav.breadcrumb')} class="breadcrumbs">
      <ol>
        {items.map((item, index) => (
          <li>
            {item.href && index < items.length - 1 ? (
              <a href={item.href}>
                <LabelText label={item.label} />
              </a>
            ) : (
              <span aria-current="page">
                <LabelText label={item.label} />
              </span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}

/** On every page while the demo's accounts can sign in: not for real data, and (folded, to keep phones' screens for the page) how to end it. Never printed. */
function PublishedPasswordBanner({ t, warning, container }: { t: Translate; warning: PublishedPasswordWarning; container: string }) {
  return (
    <section class="published-passwords no-print" aria-labelledby="published-passwords-title">
      <div class={container}>
        <p>
          <strong id="published-passwords-title">{t('site.publishedPasswords.title')}</strong> {t('site.publishedPasswords.body')}
        </p>
        <details>
          <summary>{t('site.publishedPasswords.howToSummary')}</summary>
          <p>
            {t('site.publishedPasswords.howTo')} <a href={warning.accountsPath}>{t('site.publishedPasswords.accounts')}</a>
            {t('site.publishedPasswords.orCommand')} <code>./bin/sasaeai user disable --login ID</code>
          </p>
        </details>
      </div>
    </section>
  );
}

/** `info`: a public page's 更新日 and 問い合わせ先, shown under its content. */
export function Layout(props: { chrome: Chrome; title: Label; crumbs?: Crumb[]; children?: Child; wide?: boolean; info?: PageInfoValues }) {
  const { chrome, title } = props;
  const { t, locale, user } = chrome;
  // A wide page (a table of many columns) widens the bars above and below it too, so that their edges line up.
  const container = props.wide ? 'container container--wide' : 'container';
  return (
    <PageLocale.Provider value={locale}>
      <html lang={locale}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>{`${labelString(title)} | ${t('site.name')}`}</title>
          <link rel="stylesheet" href="/assets/site.css" />
          <link rel="icon" href="/assets/favicon.svg" type="image/svg+xml" />
          <script src="/assets/enhance.js" defer></script>
        </head>
        <body>
          <a class="skip-link" href="#main">
            {t('nav.skip')}
          </a>
          {chrome.publishedPasswords && <PublishedPasswordBanner t={t} warning={chrome.publishedPasswords} container={container} />}
          <header class="site-header">
            <div class={`${container} site-header__inner`}>
              <a class="site-name" href="/">
                <span class="site-name__main">{t('site.name')}</span>
                <span class="site-name__sub">{t('site.tagline')}</span>
              </a>
              <form method="get" action="/search" role="search" class="site-search">
                <label for="site-search-q" class="visually-hidden">
                  {t('nav.search')}
                </label>
                <input type="search" id="site-search-q" name="q" maxlength={100} />
                <button type="submit" class="button button--small">
                  {t('nav.searchButton')}
                </button>
              </form>
              <nav aria-label={t('nav.main')} class="site-nav">
                <ul>
                  <li>
                    <a href="/">{t('nav.home')}</a>
                  </li>
                  {user ? (
                    <>
                      <li>
                        <a href="/admin">{t('nav.admin')}</a>
                      </li>
                      <li>
                        <form method="post" action="/logout" class="inline-form">
                          <input type="hidden" name="_csrf" value={chrome.csrfToken} />
                          <button type="submit" class="link-button">
                            {t('nav.logout')}（<Ja>{user.displayName}</Ja>）
                          </button>
                        </form>
                      </li>
                    </>
                  ) : (
                    <li>
                      <a href="/login">{t('nav.login')}</a>
                    </li>
                  )}
                  <li>
                    <a href={languageSwitchHref(chrome.path, locale)} lang={locale === 'ja' ? 'en' : 'ja'} hreflang={locale === 'ja' ? 'en' : 'ja'}>
                      {t('nav.language')}
                    </a>
                  </li>
                </ul>
              </nav>
            </div>
          </header>
          <div class={container}>
            <Breadcrumbs t={t} items={props.crumbs ?? []} />
            <main id="main" tabindex={-1}>
              {props.children}
              {props.info ? <PageInfo t={t} locale={locale} info={props.info} /> : null}
            </main>
          </div>
          <footer class="site-footer">
            <div class={container}>
              <p>
                {t('site.name')}（{t('site.tagline')}） · <a href="/api/v1/openapi.json">{t('api.title')}</a>
              </p>
            </div>
          </footer>
        </body>
      </html>
    </PageLocale.Provider>
  );
}
