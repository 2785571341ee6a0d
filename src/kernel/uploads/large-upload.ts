/**
 * Routes that take files larger than the app's general body limit (5 MB): report photos (30 MB), documents to import
 * (50 MB). A larger upload is refused without reading it whole: its size comes from Content-Length (or from counting,
 * when the client streams), the typed text from the start of the body, and the request goes on to the route with only
 * that text and a marker field naming the file, so the route shows its form again with the error beside the file
 * field and nothing typed lost.
 */
import { createMiddleware } from 'hono/factory';
import type { AppContext, AppEnv } from '../web/context.ts';

/** One route's rule: which requests it covers and how large they may be (the whole body, text fields included). */
export type LargeUploadRule = { maxBytes: number; applies: (c: AppContext) => boolean };

/** The field the limit adds to a refused upload, for the route to explain: "name\tsize in bytes" (0: unknown). */
export const TOO_LARGE_FIELD = '__uploadTooLarge';
/** How much of a refused upload is read to recover the typed text before the file (text fields come first). */
const HEAD_BYTES = 1024 * 1024;

/** A multipart POST to a path the pattern matches. */
export const isMultipartPost = (c: AppContext, path: RegExp) =>
  c.req.method === 'POST' && (c.req.header('content-type') ?? '').startsWith('multipart/form-data') && path.test(c.req.path);

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

/** Reads the body until it ends or passes `limit` bytes (then stops reading it). */
async function readUpTo(body: ReadableStream<Uint8Array>, limit: number): Promise<{ bytes: Uint8Array<ArrayBuffer>; size: number; over: boolean }> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return { bytes: concat(chunks), size, over: false };
    chunks.push(value);
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return { bytes: concat(chunks), size, over: true };
    }
  }
}

const concat = (chunks: Uint8Array[]): Uint8Array<ArrayBuffer> => new Uint8Array(Buffer.concat(chunks));

/** The same request with a small body: the typed text, and the marker saying which file was refused. */
function refusedRequest(c: AppContext, head: HeadParts, size: number): Request {
  const form = new FormData();
  for (const [name, value] of head.fields) if (name !== TOO_LARGE_FIELD) form.append(name, value);
  form.append(TOO_LARGE_FIELD, `${head.fileName}\t${size}`);
  const headers = new Headers(c.req.raw.headers);
  headers.delete('content-length');
  headers.delete('content-type');
  headers.delete('transfer-encoding');
  return new Request(c.req.raw.url, { method: 'POST', headers, body: form });
}

/** The rule covering this request, if any. */
export const largeUploadRule = (rules: readonly LargeUploadRule[], c: AppContext) => rules.find((rule) => rule.applies(c)) ?? null;

/** Applies each rule's limit to the requests it covers; every other request keeps the app's general limit. */
export function largeUploadLimit(rules: readonly LargeUploadRule[]) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const rule = largeUploadRule(rules, c);
    const body = c.req.raw.body;
    if (!rule || !body) return next();
    const boundary = /boundary=("?)([^";]+)\1/i.exec(c.req.header('content-type') ?? '')?.[2];
    if (!boundary) return next();
    const declared = Number(c.req.header('content-length') ?? NaN);
    const tooLarge = Number.isFinite(declared) && declared > rule.maxBytes;
    const read = await readUpTo(body, tooLarge ? HEAD_BYTES : rule.maxBytes);
    if (tooLarge || read.over) {
      // A streamed body (no Content-Length) was only counted up to the limit: its real size is not known.
      c.req.raw = refusedRequest(c, multipartHead(read.bytes.subarray(0, HEAD_BYTES), boundary), tooLarge ? declared : 0);
      return next();
    }
    c.req.raw = new Request(c.req.raw, { body: read.bytes });
    return next();
  });
}

/** The refused file's name and size from the marker, when the limit refused this request's file. */
export function refusedFile(marker: unknown): { name: string; size: number } | null {
  if (typeof marker !== 'string' || marker === '') return null;
  const [name = '', size = '0'] = marker.split('\t');
  return { name, size: Number(size) || 0 };
}
