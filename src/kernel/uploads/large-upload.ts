/**
 * Routes that take files larger than the app's general body limit (5 MB): report photos (30 MB), documents to import
 * (50 MB), 庁内照会 workbooks and plan structure files (10 MB). Nothing of such a body is kept before its sender has
 * shown who they are: the request must come with a session, and with the session's CSRF token in the header
 * (x-csrf-token), the query (?_csrf=) or the first part of the multipart body (every upload form sends `_csrf` first);
 * otherwise it ends there, a few kilobytes read. What is then read goes to a temporary file, not memory, and the route
 * gets the body from that file (removed when the response is made).
 *
 * A larger upload is refused without reading it whole: its size comes from Content-Length (or from counting, when the
 * client streams), the typed text from the start of the body, and the request goes on to the route with only that
 * text and a marker field naming the file, so the route shows its form again with the error beside the file field
 * and nothing typed lost.
 */
import { openAsBlob } from 'node:fs';
import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMiddleware } from 'hono/factory';
import { LoginRequiredError } from '../auth/policy.ts';
import { problem, type Problem } from '../i18n/index.ts';
import type { AppContext, AppEnv } from '../web/context.ts';
import { HttpError } from '../web/errors.ts';
import { isCsrfToken } from '../web/request.ts';

/** One route's rule: which requests it covers and how large they may be (the whole body, text fields included). */
export type LargeUploadRule = { maxBytes: number; applies: (c: AppContext) => boolean };

/** The field the limit adds to a refused upload, for the route to explain: "name\tsize in bytes" (0: unknown). */
export const TOO_LARGE_FIELD = '__uploadTooLarge';
/** How much of a refused upload is read to recover the typed text before the file (text fields come first). */
const HEAD_BYTES = 1024 * 1024;
/** How much is read to find the CSRF token in the first part before giving up on it. */
const FIRST_PART_BYTES = 16 * 1024;

/** A multipart POST to a path the pattern matches. */
export const isMultipartPost = (c: AppContext, path: RegExp) =>
  c.req.method === 'POST' && (c.req.header('content-type') ?? '').startsWith('multipart/form-data') && path.test(c.req.path);

/** The rule of a form that sends one file and its CSRF token: the file's limit, and room for the token and the framing. */
export const fileUploadRule = (maxFileBytes: number, path: RegExp): LargeUploadRule => ({ maxBytes: maxFileBytes + 64 * 1024, applies: (c) => isMultipartPost(c, path) });

type HeadParts = { fields: [string, string][]; fileName: string };

function dispositionParam(headers: string, param: string): string | null {
  const match = new RegExp(`;\\s*${param}="((?:[^"\\\\]|\\\\.)*)"`, 'i').exec(headers);
  return match ? match[1]!.replace(/%22/g, '"') : null;
}

/** The text fields before the first file, and that file's name, from the start of a multipart body. */
export function multipartHead(head: Uint8Array, boundary: string): HeadParts {
  const text = new TextDecoder('utf-8').decode(head);
  const parts = text.split(`--${boundary}`).slice(1);
  const fields: [string, string][] = [];
  for (const part of parts) {
    const split = part.indexOf('\r\n\r\n');
    if (split < 0) break;
    const headers = part.slice(0, split);
    const name = dispositionParam(headers, 'name');
    const fileName = dispositionParam(headers, 'filename');
    if (fileName !== null) return { fields, fileName };
    // The last part read may be cut off: only parts followed by a boundary are whole.
    if (part === parts.at(-1)) break;
    if (name !== null) fields.push([name, part.slice(split + 4, part.endsWith('\r\n') ? -2 : undefined)]);
  }
  return { fields, fileName: '' };
}

/** The body as it arrives: what has been read so far is kept (`head`) until it is handed on. */
class BodyReader {
  private readonly reader: ReadableStreamDefaultReader<Uint8Array>;
  private chunks: Uint8Array[] = [];
  size = 0;
  done = false;

  constructor(body: ReadableStream<Uint8Array>) {
    this.reader = body.getReader();
  }

  /** Reads one more piece into the kept head; false at the end of the body. */
  async more(): Promise<boolean> {
    const { done, value } = await this.reader.read();
    if (done) return !(this.done = true);
    this.chunks.push(value);
    this.size += value.byteLength;
    return true;
  }

  head(): Uint8Array {
    const whole = Buffer.concat(this.chunks);
    this.chunks = [whole];
    return whole;
  }

  /** Hands the kept pieces over and forgets them (they are written elsewhere). */
  take(): Uint8Array[] {
    const taken = this.chunks;
    this.chunks = [];
    return taken;
  }

  async stop(): Promise<void> {
    if (!this.done) await this.reader.cancel();
  }
}

/** The CSRF token the upload brings: in the header, the query, or the first part of the body (read for it). */
async function sentToken(c: AppContext, body: BodyReader, boundary: string): Promise<string> {
  const outside = c.req.header('x-csrf-token') ?? c.req.query('_csrf');
  if (outside) return outside;
  for (;;) {
    const head = multipartHead(body.head(), boundary);
    const first = head.fields[0];
    if (first) return first[0] === '_csrf' ? first[1] : '';
    if (head.fileName !== '' || body.size > FIRST_PART_BYTES || !(await body.more())) return '';
  }
}

/** Reads up to `limit` bytes of the body into the kept head (enough to recover the typed text of a refused upload). */
async function readHead(body: BodyReader, limit: number): Promise<Uint8Array> {
  while (body.size < limit && (await body.more()));
  return body.head().subarray(0, limit);
}

/** Writes the body to `path` as it arrives, up to `maxBytes`; past it, gives back the first HEAD_BYTES for a refusal. */
async function spool(body: BodyReader, path: string, maxBytes: number): Promise<{ over: false } | { over: true; head: Uint8Array }> {
  const file = await open(path, 'w+');
  try {
    for (;;) {
      for (const chunk of body.take()) await file.write(chunk);
      if (body.size > maxBytes) {
        const { buffer, bytesRead } = await file.read(Buffer.alloc(HEAD_BYTES), 0, HEAD_BYTES, 0);
        return { over: true, head: buffer.subarray(0, bytesRead) };
      }
      if (!(await body.more())) return { over: false };
    }
  } finally {
    await file.close();
  }
}

/** The same request with a small body: the typed text, and the marker saying which file was refused. */
function refusedRequest(c: AppContext, head: HeadParts, size: number): Request {
  const form = new FormData();
  for (const [name, value] of head.fields) if (name !== TOO_LARGE_FIELD) form.append(name, value);
  form.append(TOO_LARGE_FIELD, `${head.fileName}\t${size}`);
  return new Request(c.req.raw.url, { method: 'POST', headers: withoutBodyHeaders(c), body: form });
}

function withoutBodyHeaders(c: AppContext): Headers {
  const headers = new Headers(c.req.raw.headers);
  headers.delete('content-length');
  headers.delete('content-type');
  headers.delete('transfer-encoding');
  return headers;
}

/** The rule covering this request, if any. */
export const largeUploadRule = (rules: readonly LargeUploadRule[], c: AppContext) => rules.find((rule) => rule.applies(c)) ?? null;

/**
 * Applies each rule's limit to the requests it covers; every other request keeps the app's general limit. Runs after
 * the session is loaded and before anything else reads the body.
 */
export function largeUploadLimit(rules: readonly LargeUploadRule[]) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const rule = largeUploadRule(rules, c);
    const stream = c.req.raw.body;
    if (!rule || !stream) return next();
    const boundary = /boundary=("?)([^";]+)\1/i.exec(c.req.header('content-type') ?? '')?.[2];
    if (!boundary) return next();
    if (!c.var.session) throw new LoginRequiredError();
    const body = new BodyReader(stream);
    if (!isCsrfToken(c, await sentToken(c, body, boundary))) {
      await body.stop();
      throw new HttpError(403, c.var.t('error.csrf'));
    }
    const declared = Number(c.req.header('content-length') ?? NaN);
    if (Number.isFinite(declared) && declared > rule.maxBytes) {
      const head = await readHead(body, HEAD_BYTES);
      await body.stop();
      c.req.raw = refusedRequest(c, multipartHead(head, boundary), declared);
      return next();
    }
    const folder = await mkdtemp(join(tmpdir(), 'sasaeai-upload-'));
    try {
      const path = join(folder, 'body');
      const spooled = await spool(body, path, rule.maxBytes);
      if (spooled.over) {
        await body.stop();
        // A streamed body (no Content-Length) was only counted up to the limit: its real size is not known.
        c.req.raw = refusedRequest(c, multipartHead(spooled.head, boundary), 0);
        return next();
      }
      const headers = new Headers(c.req.raw.headers);
      headers.delete('transfer-encoding');
      c.req.raw = new Request(c.req.raw.url, { method: 'POST', headers, body: await openAsBlob(path) });
      return await next();
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
}

/** The refused file's name and size from the marker, when the limit refused this request's file. */
export function refusedFile(marker: unknown): { name: string; size: number } | null {
  if (typeof marker !== 'string' || marker === '') return null;
  const [name = '', size = '0'] = marker.split('\t');
  return { name, size: Number(size) || 0 };
}

export const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** Which file was too large and by how much (unknown when the browser streamed it; not said when it rounds to the limit). */
export function tooLargeProblem(refused: { name: string; size: number }, maxBytes: number): Problem {
  const file = refused.name || problem('upload.chosenFile');
  const max = megabytes(maxBytes);
  const size = megabytes(refused.size);
  return refused.size > 0 && size !== max ? problem('upload.tooLarge', { file, size, max }) : problem('upload.overLimit', { file, max });
}
