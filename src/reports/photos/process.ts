import sharp, { type Metadata } from 'sharp';
import { problem, type MessageKey, type Problem, type ProblemParams } from '../../kernel/i18n/index.ts';
import type { PhotoContentType, PrintContentType } from '../schema.ts';

/** Photos are stored resized to fit this box, never enlarged. */
export const PHOTO_MAX_SIDE = 1600;
/** A file's size limit, checked before its bytes are read (see upload-limit.ts). */
export const PHOTO_MAX_BYTES = 30 * 1024 * 1024;
/** A photo with more pixels than this is refused before decoding: a small file can unpack into gigabytes. */
export const PHOTO_MAX_PIXELS = 100_000_000;
/**
 * libvips decodes row by row, so a photo within the pixel limit costs little memory (a 100-megapixel PNG about 30 MB)
 * but can take seconds of a core; one that takes longer than this is stopped.
 */
export const PHOTO_TIME_LIMIT_S = 30;
export const JPEG_QUALITY = 82;
/**
 * The committee handout prints a photo about 85 mm wide: 800 px is over 230 dpi. The print copy is made once, at
 * upload, and keeps a 100-report handout a few megabytes that print in seconds.
 */
export const PRINT_SIDE = 800;
const PRINT_JPEG_QUALITY = 80;

/** The copy a handout prints: JPEG or PNG (what both Chromium and Word take), at most PRINT_SIDE a side. */
export type PrintCopy = { bytes: Uint8Array; contentType: PrintContentType; width: number; height: number };
/** The stored photo, with its print copy; `print` is null when the photo prints as it is. */
export type ProcessedPhoto = { bytes: Uint8Array; contentType: PhotoContentType; width: number; height: number; print: PrintCopy | null };
export type PhotoProblem = { ok: false; message: Problem };

/** What a file that is not an image is, by its first bytes, so the message can say "it is a PDF". */
const notImageSignatures: { message: MessageKey; test: (head: Buffer) => boolean }[] = [
  { message: 'report.photo.notImage.pdf', test: (h) => h.subarray(0, 5).toString('latin1') === '%PDF-' },
  { message: 'report.photo.notImage.office', test: (h) => h.subarray(0, 4).toString('latin1') === 'PK\u0003\u0004' },
  { message: 'report.photo.notImage.oldOffice', test: (h) => h.subarray(0, 4).toString('hex') === 'd0cf11e0' },
  { message: 'report.photo.notImage.text', test: (h) => isText(h) },
];

function isText(head: Buffer): boolean {
  const sample = head.subarray(0, 512);
  if (sample.length === 0) return false;
  const text = new TextDecoder('utf-8', { fatal: false }).decode(sample);
  return !text.includes('\uFFFD') && !/[\u0000-\u0008\u000E-\u001F]/.test(text);
}

const formatNames: Record<string, string> = { gif: 'GIF', tiff: 'TIFF', svg: 'SVG', heif: 'HEIF', jp2k: 'JPEG 2000', jxl: 'JPEG XL', raw: 'RAW' };

/**
 * Reads an uploaded photo and makes the stored version: the real format found from the bytes (the name may lie),
 * turned upright by its EXIF orientation, fit into 1600×1600, re-encoded, and with every piece of metadata (GPS
 * location, camera, date) left out: sharp writes none unless asked to keep it.
 */
export async function processPhoto(input: Uint8Array, fileName: string, maxPixels = PHOTO_MAX_PIXELS, timeLimitS = PHOTO_TIME_LIMIT_S): Promise<{ ok: true; photo: ProcessedPhoto } | PhotoProblem> {
  const refused = (key: MessageKey, params: ProblemParams = {}): PhotoProblem => ({ ok: false, message: problem(key, { file: fileName, ...params }) });
  const head = Buffer.from(input.buffer, input.byteOffset, Math.min(input.byteLength, 4096));
  if (input.byteLength === 0) return refused('report.photo.empty');
  const notImage = notImageSignatures.find((s) => s.test(head));
  if (notImage) return refused(notImage.message);
  let metadata: Metadata;
  try {
    metadata = await sharp(input, { limitInputPixels: false }).metadata();
  } catch {
    return refused('report.photo.unreadable');
  }
  if ((metadata.width ?? 0) * (metadata.height ?? 0) > maxPixels) {
    return refused('report.photo.tooManyPixels', { width: metadata.width ?? 0, height: metadata.height ?? 0, pixels: maxPixels.toLocaleString('ja-JP') });
  }
  const output = outputFormatOf(metadata);
  if (!output) {
    const format = formatNames[metadata.format ?? ''] ?? metadata.format;
    return format ? refused('report.photo.format', { format }) : refused('report.photo.formatUnknown');
  }
  try {
    const stored = await encode(input, output, maxPixels, timeLimitS);
    return { ok: true, photo: { ...stored, print: await makePrintCopy(stored) } };
  } catch (error) {
    if (/timeout/i.test((error as Error).message)) {
      return refused('report.photo.tooSlow', { limit: timeLimitS, width: metadata.width ?? 0, height: metadata.height ?? 0 });
    }
    if (metadata.format === 'heif') {
      return refused('report.photo.heic');
    }
    return refused('report.photo.broken');
  }
}

/** JPEG and WebP stay as they are, PNG stays PNG (screenshots, drawings); HEIF and AVIF from phones become JPEG. */
function outputFormatOf(metadata: Metadata): PhotoContentType | null {
  switch (metadata.format) {
    case 'jpeg':
    case 'heif':
      return 'image/jpeg';
    case 'png':
      return 'image/png';
    case 'webp':
      return 'image/webp';
    default:
      return null;
  }
}

async function encode(input: Uint8Array, contentType: PhotoContentType, maxPixels: number, timeLimitS: number): Promise<Omit<ProcessedPhoto, 'print'>> {
  const pipeline = sharp(input, { limitInputPixels: maxPixels, failOn: 'error' })
    .timeout({ seconds: timeLimitS })
    .autoOrient()
    .resize(PHOTO_MAX_SIDE, PHOTO_MAX_SIDE, { fit: 'inside', withoutEnlargement: true });
  const encoded =
    contentType === 'image/png' ? pipeline.png({ compressionLevel: 9 }) : contentType === 'image/webp' ? pipeline.webp({ quality: JPEG_QUALITY }) : pipeline.jpeg({ quality: JPEG_QUALITY });
  const { data, info } = await encoded.toBuffer({ resolveWithObject: true });
  return { bytes: new Uint8Array(data), contentType, width: info.width, height: info.height };
}

/** Whether a stored photo prints as it is: a JPEG or PNG within PRINT_SIDE. */
export function printsAsStored(photo: { contentType: PhotoContentType; width: number; height: number }): photo is { contentType: PrintContentType; width: number; height: number } {
  return photo.contentType !== 'image/webp' && photo.width <= PRINT_SIDE && photo.height <= PRINT_SIDE;
}

/** The print copy of a stored photo: PNG stays PNG (drawings, screenshots), the rest becomes JPEG; null when not needed. */
export async function makePrintCopy(photo: Omit<ProcessedPhoto, 'print'>): Promise<PrintCopy | null> {
  if (printsAsStored(photo)) return null;
  const resized = sharp(photo.bytes).resize(PRINT_SIDE, PRINT_SIDE, { fit: 'inside', withoutEnlargement: true });
  const png = photo.contentType === 'image/png';
  const { data, info } = await (png ? resized.png() : resized.jpeg({ quality: PRINT_JPEG_QUALITY })).toBuffer({ resolveWithObject: true });
  return { bytes: new Uint8Array(data), contentType: png ? 'image/png' : 'image/jpeg', width: info.width, height: info.height };
}
