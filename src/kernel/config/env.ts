import { isIP } from 'node:net';
import { isAbsolute, resolve } from 'node:path';
import { z } from 'zod';
import { OperatorError } from '../process/operator-error.ts';

/** An address or a network (`10.0.0.0/8`, `fd00::/8`) in TRUST_PROXY. */
function isAddressOrNetwork(entry: string): boolean {
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  return prefix === undefined || (/^\d+$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128));
}

/** `off`, a number of proxies in front of the app, or a comma-separated list of their addresses and networks. */
const trustProxy = z
  .string()
  .trim()
  .default('off')
  .transform((value, ctx): TrustProxy => {
    if (value === '' || value === 'off') return { kind: 'none' };
    if (/^\d+$/.test(value)) return { kind: 'hops', hops: Number(value) };
    const entries = value.split(',').map((entry) => entry.trim());
    const wrong = entries.filter((entry) => !isAddressOrNetwork(entry));
    if (wrong.length === 0) return { kind: 'addresses', entries };
    ctx.addIssue({ code: 'custom', message: `プロキシのアドレスかネットワーク（例 10.0.0.5,192.168.0.0/24）か、アプリの前にあるプロキシの数（例 1）か、off を指定してください（読めないもの: ${wrong.join(', ')}）` });
    return z.NEVER;
  });

/** Configuration, read once from the environment and checked before anything starts. */
const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'postgres:// で始まる接続文字列を指定してください')
    .optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  SESSION_HOURS: z.coerce.number().positive().default(12),
  IMPORT_PREVIEW_DAYS: z.coerce.number().positive().default(14),
  COOKIE_SECURE: z.enum(['auto', 'always', 'never']).default('auto'),
  TRUST_PROXY: trustProxy,
  HSTS: z.enum(['include-subdomains', 'this-host', 'off']).default('include-subdomains'),
  PAGE_CACHE: z.enum(['on', 'off']).default('on'),
  LOAD_DEMO: z.enum(['auto', 'never']).default('auto'),
  LOG_REQUESTS: z.enum(['on', 'off', 'with-address']).default('off'),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^/]+/, 'smtp://ユーザー:パスワード@ホスト:587 の形で指定してください（TLS で接続するときは smtps://）')
    .optional(),
  MAIL_FROM: z.string().min(3).optional(),
  CHROMIUM_PATH: z.string().trim().refine(isAbsolute, 'Chromium の実行ファイルを絶対パスで指定してください（例 /usr/bin/chromium）').optional(),
});

export type Config = {
  port: number;
  host: string;
  database: { kind: 'pglite'; dataDir: string } | { kind: 'postgres'; url: string; poolSize: number };
  sessionHours: number;
  /** How long a document import read but never confirmed (previewed or discarded) is kept, with its file, before the daily clean-up removes it. */
  importPreviewDays: number;
  cookieSecure: 'auto' | 'always' | 'never';
  /** Whose X-Forwarded-For names the client (for login throttling) and whose X-Forwarded-Proto says HTTPS: nobody's, the last `hops` proxies', or these proxies'. */
  trustProxy: TrustProxy;
  /** Strict-Transport-Security on HTTPS responses (judged as for cookies): for this host and its subdomains, this host only, or none. */
  hsts: 'include-subdomains' | 'this-host' | 'off';
  pageCache: boolean;
  loadDemoWhenEmpty: boolean;
  /** One JSON line per request on stdout (kernel/web/request-log.ts); `with-address` adds the client's address. */
  logRequests: 'on' | 'off' | 'with-address';
  /** Reminder mail; null without SMTP_URL (the dashboard then offers the reminder list as CSV only). */
  mail: MailConfig | null;
  /** The browser PDFs are printed with: this one only; null to search for one (kernel/documents/chromium.ts). */
  chromiumPath: string | null;
};

export type MailConfig = { smtpUrl: string; from: string };

export type TrustProxy = { kind: 'none' } | { kind: 'hops'; hops: number } | { kind: 'addresses'; entries: string[] };

export class ConfigError extends OperatorError {}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`環境変数の設定に誤りがあります:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  if (e.SMTP_URL && !e.MAIL_FROM) throw new ConfigError('環境変数の設定に誤りがあります:\n  MAIL_FROM: SMTP_URL を指定したときは、送信元のメールアドレス（例 "旭区 事務局 <asahi@example.jp>"）も指定してください');
  return {
    port: e.PORT,
    host: e.HOST,
    database: e.DATABASE_URL
      ? { kind: 'postgres', url: e.DATABASE_URL, poolSize: e.DATABASE_POOL_SIZE }
      : { kind: 'pglite', dataDir: resolve(e.DATA_DIR) },
    sessionHours: e.SESSION_HOURS,
    importPreviewDays: e.IMPORT_PREVIEW_DAYS,
    cookieSecure: e.COOKIE_SECURE,
    trustProxy: e.TRUST_PROXY,
    hsts: e.HSTS,
    pageCache: e.PAGE_CACHE === 'on',
    loadDemoWhenEmpty: e.LOAD_DEMO === 'auto',
    logRequests: e.LOG_REQUESTS,
    mail: e.SMTP_URL && e.MAIL_FROM ? { smtpUrl: e.SMTP_URL, from: e.MAIL_FROM } : null,
    chromiumPath: e.CHROMIUM_PATH ?? null,
  };
}

/** A configuration for tests and tools that pass their own database. */
export function defaultConfig(overrides: Partial<Config> = {}): Config {
  return { ...readConfig({}), ...overrides };
}
