/**
 * A zip (.docx, .xlsx) checked before it is unpacked. `checkZipDirectory` reads only the central directory at the
 * end of the file, where every part's packed and unpacked sizes are written: too many parts, a part or the whole too
 * large unpacked, or packed too tightly (a zip bomb) is refused at once. The sizes written there may lie, so
 * `scanZipParts` (in the parsing process) then unpacks each part as a stream, keeping nothing, and stops at the first byte
 * past its written size; on the way it counts the elements the limits are about (rows, cells, paragraphs).
 */
import { Inflate } from 'fflate';
import { FileRefusedError, FileUnreadableError, refusal, ZIP_LIMITS } from './limits.ts';

export type ZipEntry = { name: string; method: number; packed: number; unpacked: number; localOffset: number };

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX_32 = 0xffffffff;

const broken = (file: string, message: string) => new FileUnreadableError(file, { name: 'ZipError', message });

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** The end-of-central-directory record: searched backwards over the comment that may follow it. */
function findEnd(file: string, data: DataView): number {
  for (let at = data.byteLength - 22; at >= Math.max(0, data.byteLength - 22 - 0xffff); at--) {
    if (data.getUint32(at, true) === EOCD) return at;
  }
  throw broken(file, 'no end of central directory');
}

function directoryPlace(file: string, data: DataView, end: number): { offset: number; count: number } {
  const count = data.getUint16(end + 10, true);
  const offset = data.getUint32(end + 16, true);
  if (count !== 0xffff && offset !== MAX_32) return { offset, count };
  const locator = end - 20;
  if (locator < 0 || data.getUint32(locator, true) !== ZIP64_LOCATOR) throw broken(file, 'zip64 locator missing');
  const record = Number(data.getBigUint64(locator + 8, true));
  if (record + 56 > data.byteLength || data.getUint32(record, true) !== ZIP64_EOCD) throw broken(file, 'zip64 record missing');
  return { count: Number(data.getBigUint64(record + 32, true)), offset: Number(data.getBigUint64(record + 48, true)) };
}

/** Sizes a central entry marks 0xFFFFFFFF are in its zip64 extra field, in this order. */
function zip64Sizes(data: DataView, extraStart: number, extraLength: number, entry: ZipEntry): void {
  for (let at = extraStart; at + 4 <= extraStart + extraLength; ) {
    const id = data.getUint16(at, true);
    const size = data.getUint16(at + 2, true);
    if (id === 0x0001) {
      let field = at + 4;
      const next = () => Number(data.getBigUint64((field += 8) - 8, true));
      if (entry.unpacked === MAX_32) entry.unpacked = next();
      if (entry.packed === MAX_32) entry.packed = next();
      if (entry.localOffset === MAX_32) entry.localOffset = next();
      return;
    }
    at += 4 + size;
  }
}

/** Every part named in the central directory, with its sizes as written there. */
export function zipDirectory(file: string, bytes: Uint8Array): ZipEntry[] {
  const data = view(bytes);
  if (data.byteLength < 22) throw broken(file, 'too short');
  const end = findEnd(file, data);
  const { offset, count } = directoryPlace(file, data, end);
  if (count > ZIP_LIMITS.entries) throw new FileRefusedError(file, refusal.entries(count));
  const entries: ZipEntry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > data.byteLength || data.getUint32(at, true) !== CENTRAL) throw broken(file, 'central directory cut off');
    const nameLength = data.getUint16(at + 28, true);
    const extraLength = data.getUint16(at + 30, true);
    const commentLength = data.getUint16(at + 32, true);
    if (at + 46 + nameLength + extraLength > data.byteLength) throw broken(file, 'central directory cut off');
    const entry: ZipEntry = {
      name: new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      method: data.getUint16(at + 10, true),
      packed: data.getUint32(at + 20, true),
      unpacked: data.getUint32(at + 24, true),
      localOffset: data.getUint32(at + 42, true),
    };
    zip64Sizes(data, at + 46 + nameLength, extraLength, entry);
    entries.push(entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Refuses a zip whose directory promises too much; cheap (no unpacking), run before a parsing process is started. */
export function checkZipDirectory(file: string, bytes: Uint8Array): ZipEntry[] {
  const entries = zipDirectory(file, bytes);
  let total = 0;
  for (const entry of entries) {
    if (entry.unpacked > ZIP_LIMITS.entryBytes) throw new FileRefusedError(file, refusal.entryBytes(entry.name, entry.unpacked));
    const ratio = entry.unpacked / Math.max(entry.packed, 1);
    if (entry.unpacked > ZIP_LIMITS.ratioFrom && ratio > ZIP_LIMITS.ratio) throw new FileRefusedError(file, refusal.ratio(entry.name, ratio));
    total += entry.unpacked;
  }
  if (total > ZIP_LIMITS.totalBytes) throw new FileRefusedError(file, refusal.totalBytes(total));
  return entries;
}

/** Counts elements by local name (any namespace prefix) in XML arriving in pieces; a tag cut between pieces is carried over. */
export class ElementCounter {
  readonly counts = new Map<string, number>();
  private carry = '';
  private readonly pattern: RegExp;

  constructor(names: readonly string[]) {
    for (const name of names) this.counts.set(name, 0);
    this.pattern = new RegExp(`<(?:[A-Za-z_][\\w.-]*:)?(${names.join('|')})[\\s>/]`, 'g');
  }

  push(chunk: Uint8Array): void {
    const text = this.carry + Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString('latin1');
    const lastTag = text.lastIndexOf('<');
    // A tag that may still be cut off waits for the next piece (a tag name is short; 64 characters is plenty).
    const split = lastTag >= 0 && text.length - lastTag < 64 ? lastTag : text.length;
    this.count(text.slice(0, split));
    this.carry = text.slice(split);
  }

  /** The end of one part: what was carried over is counted as it is. */
  end(): void {
    this.count(`${this.carry} `);
    this.carry = '';
  }

  private count(text: string): void {
    for (const match of text.matchAll(this.pattern)) this.counts.set(match[1]!, this.counts.get(match[1]!)! + 1);
  }
}

const PIECE = 16 * 1024;

/**
 * Unpacks one part as a stream without keeping it, failing as soon as it grows past the size its directory entry
 * gives (which checkZipDirectory has already held to the limits). `counter`, when given, sees every unpacked piece.
 */
function scanPart(file: string, bytes: Uint8Array, entry: ZipEntry, counter?: ElementCounter): void {
  const data = view(bytes);
  const local = entry.localOffset;
  if (local + 30 > data.byteLength || data.getUint32(local, true) !== LOCAL) throw broken(file, `local header of ${entry.name} missing`);
  const start = local + 30 + data.getUint16(local + 26, true) + data.getUint16(local + 28, true);
  const packed = bytes.subarray(start, Math.min(start + entry.packed, bytes.byteLength));
  if (entry.method === 0) {
    counter?.push(packed);
    return;
  }
  if (entry.method !== 8) return; // the parser will say it cannot read the part
  let unpacked = 0;
  const inflate = new Inflate((piece) => {
    unpacked += piece.byteLength;
    if (unpacked > entry.unpacked) throw new FileRefusedError(file, refusal.inflatesBeyond(entry.name, entry.unpacked));
    counter?.push(piece);
  });
  try {
    for (let at = 0; at < packed.byteLength; at += PIECE) inflate.push(packed.subarray(at, at + PIECE), at + PIECE >= packed.byteLength);
  } catch (error) {
    if (error instanceof FileRefusedError) throw error;
    throw broken(file, `${entry.name}: ${(error as Error).message}`);
  }
}

/** Unpacks every part as a stream (see scanPart); parts the predicate picks are counted by the returned counter. */
export function scanZipParts(file: string, bytes: Uint8Array, counted: (name: string) => boolean, names: readonly string[]): ElementCounter {
  const counter = new ElementCounter(names);
  for (const entry of checkZipDirectory(file, bytes)) {
    const counting = counted(entry.name);
    scanPart(file, bytes, entry, counting ? counter : undefined);
    if (counting) counter.end();
  }
  return counter;
}
