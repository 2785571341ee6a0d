import type { Context } from 'hono';
import type { ActiveSession, Actor } from '../auth/actor.ts';
import type { Config } from '../config/env.ts';
import type { Database } from '../db/database.ts';
import type { Catalogue, Locale, Translate } from '../i18n/index.ts';
import type { PublishedPasswordWarning } from '../ui/layout.tsx';
import type { PageCache } from './page-cache.ts';

/** What every route can reach: built once by createApp and injected, never imported as a global. */
export type Services = {
  database: Database;
  config: Config;
  pageCache: PageCache;
  /** Every module's interface text, merged above the kernel (src/messages.ts). */
  messages: Catalogue;
};

export type AppEnv = {
  Variables: {
    services: Services;
    /** Names the request in the logs and in the response's X-Request-Id (request-log.ts). */
    requestId: string;
    locale: Locale;
    t: Translate;
    session: ActiveSession | null;
    actor: Actor;
    /** The token every form of this request must send back. */
    csrfToken: string;
    /** Enabled accounts whose password anyone can read (the demo's) exist: every page says so. */
    publishedPasswords: PublishedPasswordWarning | null;
  };
};

export type AppContext = Context<AppEnv>;
