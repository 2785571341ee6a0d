import { createApp } from '../app.tsx';
import { defaultConfig, type Config } from '../kernel/config/env.ts';
import { DEMO_PASSWORD } from '../demo/accounts.ts';
import type { Database } from '../kernel/db/database.ts';
import { PageCache } from '../kernel/web/page-cache.ts';

export type TestClient = {
  request(path: string, init?: RequestInit & { form?: Record<string, string | string[]> }): Promise<Response>;
  /** The CSRF token of the current session (or of the anonymous cookie). */
  csrf(): Promise<string>;
  login(login: string, password?: string): Promise<Response>;
  /** Posts a file as a browser's upload form does: the session's CSRF token, then `fields`, the file last. */
  postFile(path: string, file: UploadedFile, fields?: Record<string, string>): Promise<Response>;
};

/** A file chosen in a form's file input named `field`. */
export type UploadedFile = { field: string; name: string; bytes: Uint8Array; type?: string };

function cookieJar() {
  const jar = new Map<string, string>();
  return {
    header: () => [...jar.entries()].map(([k, v]) => `${k}=${v}`).join('; '),
    store(response: Response) {
      for (const line of response.headers.getSetCookie()) {
        const [pair] = line.split(';');
        const [name, ...value] = pair!.split('=');
        const v = value.join('=');
        if (/max-age=0/i.test(line) || v === '') jar.delete(name!.trim());
        else jar.set(name!.trim(), v);
      }
    },
  };
}

function formBody(form: Record<string, string | string[]>): URLSearchParams {
  const body = new URLSearchParams();
  for (const [key, value] of Object.entries(form)) for (const v of Array.isArray(value) ? value : [value]) body.append(key, v);
  return body;
}

/** A browser-like client (cookie jar, form posting) over whatever answers a request: the app in process, or a server. */
function clientOver(send: (path: string, init: RequestInit) => Promise<Response>): TestClient {
  const jar = cookieJar();
  const request: TestClient['request'] = async (path, init = {}) => {
    const headers = new Headers(init.headers);
    headers.set('cookie', jar.header());
    const { form, ...rest } = init;
    const body = form ? formBody(form) : rest.body;
    if (form) headers.set('content-type', 'application/x-www-form-urlencoded');
    const response = await send(path, { ...rest, method: rest.method ?? (form ? 'POST' : 'GET'), headers, ...(body ? { body } : {}) });
    jar.store(response);
    return response;
  };
  const csrf = async () => {
    const page = await (await request('/login')).text();
    const match = /name="_csrf" value="([^"]+)"/.exec(page);
    if (match) return match[1]!;
    const admin = await (await request('/admin')).text();
    return /name="_csrf" value="([^"]+)"/.exec(admin)?.[1] ?? '';
  };
  const postFile: TestClient['postFile'] = async (path, file, fields = {}) => {
    const form = new FormData();
    form.set('_csrf', await csrf());
    for (const [name, value] of Object.entries(fields)) form.set(name, value);
    form.set(file.field, new File([file.bytes as Uint8Array<ArrayBuffer>], file.name, file.type ? { type: file.type } : {}));
    return request(path, { method: 'POST', body: form });
  };
  return {
    request,
    csrf,
    login: async (login, password = DEMO_PASSWORD) => request('/login', { form: { _csrf: await csrf(), login, password, next: '' } }),
    postFile,
  };
}

/**
 * A client of running servers (built ones in child processes), following no redirects, as the in-process one. Given
 * several, it sends each request to the next in turn, as a load balancer without sticky sessions does.
 */
export function httpClient(...baseUrls: [string, ...string[]]): TestClient {
  let turn = 0;
  return clientOver((path, init) => fetch(`${baseUrls[turn++ % baseUrls.length]}${path}`, { ...init, redirect: 'manual' }));
}

/** The real app, in process (no port), with a browser-like cookie jar and form posting. */
export async function createTestApp(database: Database, options: { pageCache?: boolean; config?: Partial<Config> } = {}) {
  const pageCache = new PageCache(options.pageCache ?? true);
  await pageCache.attach(database);
  const { app } = createApp({ database, config: defaultConfig({ pageCache: options.pageCache ?? true, ...options.config }) }, pageCache);
  const client = (): TestClient => clientOver(async (path, init) => app.request(path, init));
  return { app, pageCache, client, close: () => pageCache.detach() };
}
