import { resolve } from 'node:path';
import { z } from 'zod';

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
  COOKIE_SECURE: z.enum(['auto', 'always', 'never']).default('auto'),
  PAGE_CACHE: z.enum(['on', 'off']).default('on'),
  LOAD_DEMO: z.enum(['auto', 'never']).default('auto'),
  LOG_REQUESTS: z.enum(['on', 'off']).default('off'),
});

export type Config = {
  port: number;
  host: string;
  database: { kind: 'pglite'; dataDir: string } | { kind: 'postgres'; url: string; poolSize: number };
  sessionHours: number;
  cookieSecure: 'auto' | 'always' | 'never';
  pageCache: boolean;
  loadDemoWhenEmpty: boolean;
  logRequests: boolean;
};

export class ConfigError extends Error {}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`環境変数の設定に誤りがあります:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    database: e.DATABASE_URL
      ? { kind: 'postgres', url: e.DATABASE_URL, poolSize: e.DATABASE_POOL_SIZE }
      : { kind: 'pglite', dataDir: resolve(e.DATA_DIR) },
    sessionHours: e.SESSION_HOURS,
    cookieSecure: e.COOKIE_SECURE,
    pageCache: e.PAGE_CACHE === 'on',
    loadDemoWhenEmpty: e.LOAD_DEMO === 'auto',
    logRequests: e.LOG_REQUESTS === 'on',
  };
}

/** A configuration for tests and tools that pass their own database. */
export function defaultConfig(overrides: Partial<Config> = {}): Config {
  return { ...readConfig({}), ...overrides };
}
