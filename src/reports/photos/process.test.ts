import { deflateSync } from 'node:zlib';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { pngBomb } from '../../kernel/documents/bounded/testing.ts';
import { translateProblem } from '../../kernel/i18n/index.ts';
import { translatorFor } from '../../messages.ts';
import { inJapanese } from '../../testing/messages.ts';
import { processPhoto } from './process.ts';
import { jpegWithGps, pngOf } from './testing.ts';

/** A PNG whose header claims 100000×100000 pixels: a few hundred bytes that would unpack into 30 GB. */
function pixelBomb(): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes: Buffer) => {
    let c = 0xffffffff;
    for (const b of bytes) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([length, body, sum]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(100_000, 0);
  header.writeUInt32BE(100_000, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), chunk('IHDR', header), chunk('IDAT', deflateSync(Buffer.alloc(1000))), chunk('IEND', Buffer.alloc(0))]);
}

/** Why a file is refused, as the Japanese page says it (null when it is taken). */
async function refusalOf(bytes: Uint8Array, fileName: string): Promise<string | null> {
  const result = await processPhoto(bytes, fileName);
  return result.ok ? null : translateProblem(translatorFor('ja'), result.message);
}

describe('processing an uploaded photo', () => {
  it('keeps no EXIF at all, GPS location in particular', async () => {
    const input = await jpegWithGps(800, 600);
    expect((await sharp(input).metadata()).exif?.toString('latin1')).toContain('GPS');
    const result = await processPhoto(input, 'IMG_0001.jpg');
    if (!result.ok) throw new Error(result.message.key);
    const stored = Buffer.from(result.photo.bytes);
    const metadata = await sharp(stored).metadata();
    expect(metadata.exif).toBeUndefined();
    expect(metadata.xmp).toBeUndefined();
    expect(metadata.iptc).toBeUndefined();
    expect(stored.includes(Buffer.from('Exif\0\0', 'latin1'))).toBe(false);
    expect(stored.includes(Buffer.from('35.47', 'latin1'))).toBe(false);
    expect(result.photo).toMatchObject({ contentType: 'image/jpeg', width: 800, height: 600 });
  });

  it('turns the photo upright by its EXIF orientation, then fits it into 1600×1600 without enlarging', async () => {
    // Orientation 6: the camera was held upright, the pixels are stored lying on their side.
    const sideways = await sharp({ create: { width: 3200, height: 2000, channels: 3, background: '#808080' } }).jpeg().withMetadata({ orientation: 6 }).toBuffer();
    const upright = await processPhoto(sideways, 'side.jpg');
    expect(upright.ok && { width: upright.photo.width, height: upright.photo.height }).toEqual({ width: 1000, height: 1600 });
    const small = await processPhoto(await pngOf(300, 200), 'small.png');
    expect(small.ok && small.photo).toMatchObject({ contentType: 'image/png', width: 300, height: 200 });
  });

  it('makes the copy the handout prints: within 800 px, JPEG or PNG, without metadata; none when the photo prints as it is', async () => {
    const large = await processPhoto(await jpegWithGps(2400, 1800), 'large.jpg');
    if (!large.ok) throw new Error(large.message.key);
    expect(large.photo.print).toMatchObject({ contentType: 'image/jpeg', width: 800, height: 600 });
    const print = await sharp(Buffer.from(large.photo.print!.bytes)).metadata();
    expect(print).toMatchObject({ format: 'jpeg', width: 800, height: 600 });
    expect(print.exif).toBeUndefined();
    const drawing = await processPhoto(await pngOf(1200, 300), 'drawing.png');
    expect(drawing.ok && drawing.photo.print).toMatchObject({ contentType: 'image/png', width: 800, height: 200 });
    const small = await processPhoto(await pngOf(300, 200), 'small.png');
    expect(small.ok && small.photo.print).toBeNull();
    const webp = await processPhoto(await sharp({ create: { width: 40, height: 30, channels: 3, background: '#ff0000' } }).webp().toBuffer(), 'small.webp');
    expect(webp.ok && webp.photo.print).toMatchObject({ contentType: 'image/jpeg', width: 40, height: 30 });
  });

  it('re-encodes WebP as WebP and AVIF (a HEIF) as JPEG', async () => {
    const webp = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#ff0000' } }).webp().toBuffer();
    expect((await processPhoto(webp, 'a.webp')).ok && 'webp').toBe('webp');
    const avif = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#00ff00' } }).avif().toBuffer();
    const result = await processPhoto(avif, 'a.avif');
    expect(result.ok && result.photo.contentType).toBe('image/jpeg');
  });

  it('names the file and what it really is when it is not an image', async () => {
    const pdf = Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n', 'latin1');
    expect(await refusalOf(pdf, '活動写真.jpg')).toContain('「活動写真.jpg」は画像ではありません（PDF ファイルです）');
    expect(await refusalOf(Buffer.from('こんにちは、写真ではありません', 'utf8'), 'memo.jpg')).toContain('テキストファイルです');
    expect(await refusalOf(Buffer.from('PK\u0003\u0004xxxx', 'latin1'), 'a.png')).toContain('Office ファイル');
    expect(await refusalOf(new Uint8Array(), 'empty.jpg')).toContain('空のファイル');
    const gif = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#000' } }).gif().toBuffer();
    expect(await refusalOf(gif, 'anim.gif')).toContain('GIF 形式');
  });

  it('refuses a decompression bomb from its header, before decoding it', async () => {
    const started = Date.now();
    expect(await refusalOf(pixelBomb(), 'bomb.png')).toContain('画素数が多すぎます（100000×100000）');
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('decodes a 100-megapixel PNG of 100 KB (under the pixel limit) row by row, in little memory', async () => {
    const bomb = pngBomb(10_000, 9_984);
    expect(bomb.byteLength).toBeLessThan(200 * 1024);
    const start = process.memoryUsage.rss();
    let peak = start;
    const watch = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 5);
    const result = await processPhoto(bomb, 'bomb.png').finally(() => clearInterval(watch));
    expect(result).toMatchObject({ ok: true, photo: { width: 1600, height: 1597 } });
    expect((peak - start) / 1024 / 1024).toBeLessThan(150);
  });

  it('stops a photo that takes longer than its time limit, and says so', async () => {
    // A billion pixels with the pixel limit raised: no machine decodes that within the one-second limit.
    const result = await processPhoto(pngBomb(40_000, 25_024, 4), 'slow.png', 2_000_000_000, 1);
    expect(inJapanese(result)).toEqual({ ok: false, message: '「slow.png」は処理に時間がかかりすぎるため止めました（上限 1 秒、40000×25024 画素）。画素数の少ない写真にしてください。' });
  });

  it('explains a truncated image', async () => {
    const jpeg = await jpegWithGps(400, 300);
    expect(await refusalOf(jpeg.subarray(0, jpeg.length / 2), 'cut.jpg')).toContain('「cut.jpg」は画像のデータが壊れている');
  });
});
