import { createMiddleware } from 'hono/factory';
import type { AppContext, AppEnv } from '../../kernel/web/context.ts';
import { PHOTO_MAX_BYTES } from './process.ts';

/** Room for the report's typed text that travels in the same form as the photo. */
const FORM_ALLOWANCE = 2 * 1024 * 1024;
export const PHOTO_UPLOAD_MAX_BYTES = PHOTO_MAX_BYTES + FORM_ALLOWANCE;
/** How much of a refused upload is read to recover the typed text before the file (text fields come first). */
const HEAD_BYTES = 1024 * 1024;
/** The field the limit adds to a refused upload, for the route to explain: "name\tsize in bytes" (0: unknown). */
export const TOO_LARGE_FIELD = '__photoTooLarge';

/** The owner's report form (save and submit), which carries its photos. */
const reportFormPath = /^\/admin\/m\/[^/]+\/reports\/[0-9a-f-]{36}(\/submit)?$/;

/** A multipart post of the report form; any other body there keeps the app's general limit. */
export const isPhotoUpload = (c: AppContext) => c.req.method === 'POST' && (c.req.header('content-type') ?? '').startsWith('multipart/form-data') && reportFormPath.test(c.req.path);

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

/**
 * A photo upload may be up to 30 MB (the rest of the app takes 5 MB). A larger one is refused without reading it
 * whole: its size comes from Content-Length (or from counting, when the client streams), the typed text from the
 * start of the body, and the request goes on to the route with only that text, which shows the form again with the
 * error beside the file field and nothing typed lost.
 */
export const photoUploadLimit = createMiddleware<AppEnv>(async (c, next) => {
  const body = c.req.raw.body;
  if (!isPhotoUpload(c) || !body) return next();
  const boundary = /boundary=("?)([^";]+)\1/i.exec(c.req.header('content-type') ?? '')?.[2];
  if (!boundary) return next();
  const declared = Number(c.req.header('content-length') ?? NaN);
  const tooLarge = Number.isFinite(declared) && declared > PHOTO_UPLOAD_MAX_BYTES;
  const read = await readUpTo(body, tooLarge ? HEAD_BYTES : PHOTO_UPLOAD_MAX_BYTES);
  if (tooLarge || read.over) {
    // A streamed body (no Content-Length) was only counted up to the limit: its real size is not known.
    c.req.raw = refusedRequest(c, multipartHead(read.bytes.subarray(0, HEAD_BYTES), boundary), tooLarge ? declared : 0);
    return next();
  }
  c.req.raw = new Request(c.req.raw, { body: read.bytes });
  return next();
});
