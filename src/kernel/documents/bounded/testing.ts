/**
 * Hostile files for the tests, made in memory and small: a zip bomb Word document, a workbook with more rows than the
 * limit, a zip whose directory lies about its sizes, a PDF whose page content unpacks to a gigabyte, a PNG that
 * decodes to hundreds of megabytes. The large content is one compressed piece repeated (deflate blocks of the same
 * bytes can follow each other), so a gigabyte costs a few hundred kilobytes and no time to make.
 */
import { constants, crc32, deflateRawSync } from 'node:zlib';

export type Deflated = { data: Uint8Array; size: number; crc: number };

/** `chunk` repeated `times`, as raw deflate: one copy compressed and flushed to a byte boundary, then repeated. */
export function repeatedDeflate(chunk: Uint8Array, times: number): Deflated {
  const piece = deflateRawSync(chunk, { level: 9, finishFlush: constants.Z_SYNC_FLUSH });
  const data = new Uint8Array(piece.byteLength * times + 2);
  let crc = 0;
  for (let i = 0; i < times; i++) {
    data.set(piece, i * piece.byteLength);
    crc = crc32(chunk, crc);
  }
  data.set([0x03, 0x00], piece.byteLength * times); // an empty final block
  return { data, size: chunk.byteLength * times, crc };
}

export function deflated(bytes: Uint8Array): Deflated {
  return { data: new Uint8Array(deflateRawSync(bytes)), size: bytes.byteLength, crc: crc32(bytes) };
}

const utf8 = (text: string) => new TextEncoder().encode(text);

/** A zip of deflated parts; `declared` overrides a part's unpacked size as written in its headers (a lying zip). */
export function zipOf(parts: { name: string; content: Deflated; declared?: number }[]): Uint8Array {
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const { name, content, declared } of parts) {
    const nameBytes = utf8(name);
    const header = (size: number, signature: number) => {
      const bytes = new Uint8Array(size + nameBytes.byteLength);
      const view = new DataView(bytes.buffer);
      view.setUint32(0, signature, true);
      return { bytes, view };
    };
    const local = header(30, 0x04034b50);
    local.view.setUint16(4, 20, true);
    local.view.setUint16(8, 8, true);
    local.view.setUint32(14, content.crc, true);
    local.view.setUint32(18, content.data.byteLength, true);
    local.view.setUint32(22, declared ?? content.size, true);
    local.view.setUint16(26, nameBytes.byteLength, true);
    local.bytes.set(nameBytes, 30);
    const central = header(46, 0x02014b50);
    central.view.setUint16(4, 20, true);
    central.view.setUint16(6, 20, true);
    central.view.setUint16(10, 8, true);
    central.view.setUint32(16, content.crc, true);
    central.view.setUint32(20, content.data.byteLength, true);
    central.view.setUint32(24, declared ?? content.size, true);
    central.view.setUint16(28, nameBytes.byteLength, true);
    central.view.setUint32(42, offset, true);
    central.bytes.set(nameBytes, 46);
    locals.push(local.bytes, content.data);
    centrals.push(central.bytes);
    offset += local.bytes.byteLength + content.data.byteLength;
  }
  const directorySize = centrals.reduce((n, c) => n + c.byteLength, 0);
  const end = new Uint8Array(22);
  const view = new DataView(end.buffer);
  view.setUint32(0, 0x06054b50, true);
  view.setUint16(8, parts.length, true);
  view.setUint16(10, parts.length, true);
  view.setUint32(12, directorySize, true);
  view.setUint32(16, offset, true);
  return new Uint8Array(Buffer.concat([...locals, ...centrals, end]));
}

const CONTENT_TYPES = (main: string) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>${main}</Types>`;
const RELS = (target: string) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="${target}"/></Relationships>`;
const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const PARAGRAPH = '<w:p><w:r><w:t>地域の中で顔の見える関係をつくり、困りごとを抱える人に早く気づきます。</w:t></w:r></w:p>';

/** A Word document whose body unpacks to `megabytes` of paragraphs (`declared` lies about the body's size). */
export function docxBomb(megabytes: number, options: { declared?: number } = {}): Uint8Array {
  const chunk = utf8(PARAGRAPH.repeat(Math.ceil((1024 * 1024) / utf8(PARAGRAPH).byteLength)));
  const body = concatDeflated([repeatedDeflate(utf8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}"><w:body>`), 1), repeatedDeflate(chunk, megabytes), repeatedDeflate(utf8('</w:body></w:document>'), 1)]);
  return zipOf([
    { name: '[Content_Types].xml', content: deflated(utf8(CONTENT_TYPES('<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'))) },
    { name: '_rels/.rels', content: deflated(utf8(RELS('word/document.xml'))) },
    { name: 'word/document.xml', content: body, declared: options.declared },
  ]);
}

/** Pieces made by repeatedDeflate one after the other as one stream: each one's empty final block is dropped. */
function concatDeflated(pieces: Deflated[]): Deflated {
  const data = Buffer.concat([...pieces.map((p) => p.data.subarray(0, -2)), new Uint8Array([0x03, 0x00])]);
  // The readers do not check a part's CRC; the whole's is left 0.
  return { data: new Uint8Array(data), size: pieces.reduce((n, p) => n + p.size, 0), crc: 0 };
}

const XLSX_MAIN = '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>';
const S = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A one-sheet workbook of `rows` rows of `columns` numbers each (row numbers written, as Excel does). */
export function xlsxRows(rows: number, columns = 1): Uint8Array {
  const letters = Array.from({ length: columns }, (_, i) => String.fromCharCode(65 + i));
  const lines: string[] = [];
  for (let r = 1; r <= rows; r++) lines.push(`<row r="${r}">${letters.map((l) => `<c r="${l}${r}"><v>${r}</v></c>`).join('')}</row>`);
  return xlsxOf(deflated(utf8(`${SHEET_START}${lines.join('')}${SHEET_END}`)));
}

/** A workbook of about 1 MB whose sheet unpacks to `megabytes` of one-cell rows (about 40,000 rows a megabyte). */
export function xlsxBomb(megabytes: number): Uint8Array {
  const row = '<row><c><v>1</v></c></row>';
  return xlsxOf(concatDeflated([repeatedDeflate(utf8(SHEET_START), 1), repeatedDeflate(utf8(row.repeat(Math.ceil((1024 * 1024) / row.length))), megabytes), repeatedDeflate(utf8(SHEET_END), 1)]));
}

const SHEET_START = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="${S}"><sheetData>`;
const SHEET_END = '</sheetData></worksheet>';

function xlsxOf(sheet: Deflated): Uint8Array {
  return zipOf([
    { name: '[Content_Types].xml', content: deflated(utf8(CONTENT_TYPES(XLSX_MAIN))) },
    { name: '_rels/.rels', content: deflated(utf8(RELS('xl/workbook.xml'))) },
    { name: 'xl/workbook.xml', content: deflated(utf8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="${S}" xmlns:r="${R}"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`)) },
    { name: 'xl/_rels/workbook.xml.rels', content: deflated(utf8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`)) },
    { name: 'xl/worksheets/sheet1.xml', content: sheet },
  ]);
}

/** A one-page PDF whose content stream (FlateDecode) unpacks to `megabytes` of drawing operators. */
export function pdfFlateBomb(megabytes: number): Uint8Array {
  const chunk = utf8('q Q\n'.repeat(256 * 1024));
  const stream = Buffer.concat([Buffer.from([0x78, 0xda]), repeatedDeflate(chunk, megabytes).data, Buffer.alloc(4)]);
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  const offsets: number[] = [];
  const object = (body: Buffer | string) => {
    offsets.push(parts.reduce((n, p) => n + p.byteLength, 0));
    parts.push(Buffer.from(`${offsets.length} 0 obj\n`), typeof body === 'string' ? Buffer.from(body) : body, Buffer.from('\nendobj\n'));
  };
  object('<< /Type /Catalog /Pages 2 0 R >>');
  object('<< /Type /Pages /Kids [3 0 R] /Count 1 >>');
  object('<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << >> >>');
  object(Buffer.concat([Buffer.from(`<< /Length ${stream.byteLength} /Filter /FlateDecode >>\nstream\n`), stream, Buffer.from('\nendstream')]));
  const xref = parts.reduce((n, p) => n + p.byteLength, 0);
  const table = offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  parts.push(Buffer.from(`xref\n0 ${offsets.length + 1}\n0000000000 65535 f \n${table}trailer\n<< /Size ${offsets.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`));
  return new Uint8Array(Buffer.concat(parts));
}

/**
 * A PNG of width × height pixels, all black, grey or RGBA (`channels` 1 or 4): each row is a filter byte and zeros,
 * so the zlib stream repeats.
 */
export function pngBomb(width: number, height: number, channels: 1 | 4 = 1): Uint8Array {
  const rowsPerChunk = 64;
  if (height % rowsPerChunk !== 0) throw new Error(`pngBomb: the height is a multiple of ${rowsPerChunk}`);
  const rowBytes = width * channels + 1;
  const chunk = new Uint8Array(rowBytes * rowsPerChunk);
  const { data } = repeatedDeflate(chunk, Math.ceil(height / rowsPerChunk));
  const rawLength = rowBytes * height;
  // Adler-32 of zeros: a stays 1, b adds 1 per byte.
  const adler = (((rawLength % 65521) << 16) | 1) >>> 0;
  const zlib = Buffer.concat([Buffer.from([0x78, 0xda]), data, Buffer.from([adler >>> 24, (adler >>> 16) & 0xff, (adler >>> 8) & 0xff, adler & 0xff])]);
  const pngChunk = (type: string, body: Uint8Array) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(body.byteLength, 0);
    head.write(type, 4, 'latin1');
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body, crc32(head.subarray(4))) >>> 0, 0);
    return Buffer.concat([head, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, channels === 1 ? 0 : 6, 0, 0, 0], 8); // 8 bits, grey or RGBA, deflate, adaptive filtering, no interlace
  return new Uint8Array(Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), pngChunk('IHDR', header), pngChunk('IDAT', zlib), pngChunk('IEND', new Uint8Array(0))]));
}

/** A Word document of `count` different paragraphs (each numbered), packed as Word packs it. */
export function docxParagraphs(count: number): Uint8Array {
  return docxOf(Array.from({ length: count }, (_, i) => `<w:p><w:r><w:t>第${i + 1}段落：地域の中で${(i * 7919) % 100_003}番目の関係をつくります。</w:t></w:r></w:p>`).join(''));
}

/** A Word document whose body is the given XML, as it is (a broken one too). */
export function docxOf(bodyXml: string): Uint8Array {
  const body = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}"><w:body>${bodyXml}</w:body></w:document>`;
  return zipOf([
    { name: '[Content_Types].xml', content: deflated(utf8(CONTENT_TYPES('<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'))) },
    { name: '_rels/.rels', content: deflated(utf8(RELS('word/document.xml'))) },
    { name: 'word/document.xml', content: deflated(utf8(body)) },
  ]);
}
