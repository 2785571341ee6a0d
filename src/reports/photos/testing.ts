import sharp from 'sharp';
import { runCommand } from '../../kernel/db/command.ts';
import type { Database } from '../../kernel/db/database.ts';
import { reportPhotos } from '../schema.ts';
import { changePhoto } from './commands.ts';
import { processPhoto } from './process.ts';
import { photosOfReports, type PhotoMeta } from './queries.ts';

/** A camera-like JPEG: EXIF with the camera's make and a GPS position (Asahi ward office), as phones write it. */
export function jpegWithGps(width: number, height: number): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: '#3a7bd5' } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'TestCam', Model: 'GPS-1' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '35/1 28/1 1000/100', GPSLongitudeRef: 'E', GPSLongitude: '139/1 32/1 1500/100', GPSMapDatum: 'WGS-84 35.47' },
    })
    .toBuffer();
}

export function pngOf(width: number, height: number): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: '#e0a000' } }).png().toBuffer();
}

type TestPhoto = { file?: Buffer; caption?: string; alt?: string };

/** Attaches a real photo (by default a small PNG) to a report, as its owners would, for tests that need one stored. */
export async function attachTestPhoto(database: Database, municipalityId: string, reportId: string, wanted: TestPhoto = {}): Promise<PhotoMeta> {
  const processed = await processPhoto(wanted.file ?? (await pngOf(120, 80)), 'test.png');
  if (!processed.ok) throw new Error(processed.message.key);
  const photo = { photo: processed.photo, caption: wanted.caption ?? 'テストの写真', alt: wanted.alt ?? 'テストの写真の説明', originalName: 'test.png' };
  await runCommand(database, { kind: 'system', name: 'テスト' }, (scope) => changePhoto(scope, { municipalityId, id: reportId }, { kind: 'add', add: photo }));
  const photos = await photosOfReports(database.db, municipalityId, [reportId]);
  return photos.get(reportId)!.at(-1)!;
}

/**
 * A photo as stored before migration 0003: the JPEG as uploaded, 1600 × 1200, without a print copy. No command
 * stores one any more, so the handout's test writes it as that migration found it.
 */
export async function storePhotoWithoutPrintCopy(database: Database, municipalityId: string, reportId: string, position: number): Promise<void> {
  await database.db.insert(reportPhotos).values({
    municipalityId, reportId, position, alt: '以前の写真', contentType: 'image/jpeg', width: 1600, height: 1200,
    bytes: await jpegWithGps(1600, 1200), uploadedBy: 'テスト',
  });
}
