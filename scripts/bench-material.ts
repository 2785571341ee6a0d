/**
 * Committee material for 100 accepted reports with two photos each: a temporary PGlite database with the demo, a
 * round of 100 reports on 旭区's plan (written, submitted and accepted through the commands), two 1600×1200 JPEGs per
 * report (gradients with noise, each its own, made with sharp) uploaded through the photo processing (which makes the
 * print copy), then the handout read from the database and rendered as PDF (with the browser launch: goal < 6 s) and
 * as Word (goal < 1 s), each counted with the read, as a download waits for both.
 *
 * `npm run bench` calls benchMaterial(); it also runs alone: `node --import tsx scripts/bench-material.ts`.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import sharp from 'sharp';
import { loadDemo } from '../src/demo/load.ts';
import { runCommand } from '../src/kernel/db/command.ts';
import { openDatabase, type Database } from '../src/kernel/db/database.ts';
import { migrateDatabase } from '../src/kernel/db/migrate.ts';
import { launchChromium } from '../src/kernel/documents/chromium.ts';
import { closeDocumentBrowser } from '../src/kernel/documents/pdf.ts';
import { translatorFor } from '../src/messages.ts';
import { handoutPhotos, yearHandout, type Photo } from '../src/meetings/handout/handout.ts';
import { renderHandoutDocx } from '../src/meetings/handout/handout-docx.ts';
import { renderHandoutPdf } from '../src/meetings/handout/handout-pdf.tsx';
import { findMunicipality, findWard } from '../src/municipalities/queries.ts';
import { findOrganisation } from '../src/organisations/queries.ts';
import { findPlan, loadTree } from '../src/plans/queries.ts';
import { acceptReport, openRound, submitReport } from '../src/reports/commands.ts';
import { roundItems } from '../src/reports/queries.ts';
import { changePhoto } from '../src/reports/photos/commands.ts';
import { processPhoto, type ProcessedPhoto } from '../src/reports/photos/process.ts';
import { prng } from '../src/reading/testing/prng.ts';

const REPORTS = 100;
const PHOTOS_PER_REPORT = 2;
const DISTINCT_BASES = 4;
const FISCAL_YEAR = 2030;
const GOALS = { pdfMs: 6000, docxMs: 1000 };

/** A 1600×1200 gradient with noise on it, no text, as raw RGB pixels. */
function noisyGradient(seed: number): Buffer {
  const width = 1600;
  const height = 1200;
  const random = prng(seed);
  const pixels = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      const noise = () => Math.floor(random() * 24) - 12;
      pixels[i] = Math.max(0, Math.min(255, Math.floor((x / width) * 200) + 30 + noise()));
      pixels[i + 1] = Math.max(0, Math.min(255, Math.floor((y / height) * 180) + 40 + noise()));
      pixels[i + 2] = Math.max(0, Math.min(255, ((seed * 37) % 200) + 30 + noise()));
    }
  }
  return pixels;
}

/** Every photo a different JPEG (a few noise bases, each turned to its own hue), as different as real photos are to a PDF. */
async function photos(count: number): Promise<Buffer[]> {
  const bases = Array.from({ length: DISTINCT_BASES }, (_, i) => noisyGradient(i + 1));
  return Promise.all(
    Array.from({ length: count }, (_, n) =>
      sharp(bases[n % DISTINCT_BASES]!, { raw: { width: 1600, height: 1200, channels: 3 } })
        .modulate({ hue: (n * 7) % 360 })
        .jpeg({ quality: 82 })
        .toBuffer(),
    ),
  );
}

const words = ['見守り', '居場所', '子育て', '健康づくり', '防災', '相談支援', '多世代交流', '担い手'];
const values = (n: number) => ({
  'shared-issue': `第${n}の課題：${words[n % words.length]}の担い手が不足している。\n地域の声を集めて共有した。`,
  activity: `${words[(n + 3) % words.length]}の講座を${(n % 5) + 2}回開いた。参加者は延べ${n * 3 + 20}人。`,
  collaboration: `自治会町内会・地区社協・地域ケアプラザと打合せを重ね、役割を分けた。（${n}）`,
  outcome: `新たに${(n % 7) + 1}人が活動に加わった。次年度も続ける。`,
});

/** 100 reports of 旭区 for FISCAL_YEAR, accepted, each with two photos. */
async function seed(database: Database): Promise<{ wardSlug: string; uploadMsPerPhoto: number }> {
  await loadDemo(database);
  const municipality = (await findMunicipality(database.db, 'yokohama'))!;
  const ward = (await findWard(database.db, municipality.id, 'asahi'))!;
  const plan = (await findPlan(database.db, municipality.id, 'asahi-ward'))!;
  const period = plan.periods.find((p) => p.number === 4)!;
  const targets = (await loadTree(database.db, municipality.id, period.id)).flatMap((goal) => goal.children);
  const owner = (await findOrganisation(database.db, municipality.id, 'asahi-shakyo'))!;
  const actor = { kind: 'system' as const, name: 'ベンチマーク' };
  const assignments = Array.from({ length: REPORTS }, (_, n) => ({ nodeId: targets[n % targets.length]!.id, title: `取組${n + 1}`, ownerIds: [owner.id] }));
  const jpegs = await photos(REPORTS * PHOTOS_PER_REPORT);
  const upload = await timed(() => processed(jpegs));
  const uploads = upload.value;
  await runCommand(database, actor, async (scope) => {
    const round = await openRound(scope, { municipalityId: municipality.id, wardId: ward.id }, { title: 'ベンチマークの回', fiscalYear: FISCAL_YEAR, deadline: '2031-04-30', assignments });
    if (!round.ok) throw new Error(JSON.stringify(round));
    for (const [n, item] of (await roundItems(scope.tx, round.value)).entries()) {
      const target = { municipalityId: municipality.id, reportId: item.report.id };
      const submitted = await submitReport(scope, target, { version: item.report.version, values: values(n + 1) });
      if (!submitted.ok) throw new Error(JSON.stringify(submitted));
      await acceptReport(scope, target, { version: submitted.value.version });
      for (let p = 0; p < PHOTOS_PER_REPORT; p++) {
        const photo = uploads[n * PHOTOS_PER_REPORT + p]!;
        await changePhoto(scope, { municipalityId: municipality.id, id: item.report.id }, { kind: 'add', add: { photo, caption: `取組${n + 1}の様子（${p + 1}）`, alt: `取組${n + 1}の写真${p + 1}`, originalName: `photo${p + 1}.jpg` } });
      }
    }
  });
  return { wardSlug: ward.slug, uploadMsPerPhoto: Math.round(upload.ms / uploads.length) };
}

/** The uploads as the photo form processes them (stored copy and print copy), one after another as users send them. */
async function processed(jpegs: Buffer[]) {
  const result: ProcessedPhoto[] = [];
  for (const [n, jpeg] of jpegs.entries()) {
    const done = await processPhoto(jpeg, `photo${n + 1}.jpg`);
    if (!done.ok) throw new Error(done.message.key);
    result.push(done.photo);
  }
  return result;
}

/**
 * The yardstick, measured in the same run: a fresh Chromium printing 100 plain A4 pages, each a heading, a paragraph
 * and the same two photos the handout prints, untagged, without footer or outline.
 */
async function barePrint(photos: Photo[]): Promise<number> {
  const folder = mkdtempSync(join(tmpdir(), 'sasaeai-bench-bare-'));
  const started = performance.now();
  const browser = await launchChromium();
  try {
    photos.forEach((photo, n) => writeFileSync(join(folder, `${n}.jpg`), photo.bytes));
    const pages = Array.from({ length: REPORTS }, (_, n) => {
      const images = [0, 1].map((p) => `<img src="${n * PHOTOS_PER_REPORT + p}.jpg" style="width:80mm">`).join('');
      return `<section style="break-after:page"><h1>取組${n + 1}</h1><p>${Object.values(values(n + 1)).join('</p><p>')}</p>${images}</section>`;
    });
    writeFileSync(join(folder, 'bare.html'), `<!doctype html><html lang="ja"><body style="font-family:'BIZ UDGothic'">${pages.join('')}</body></html>`);
    const page = await browser.newPage({ offline: true });
    await page.goto(pathToFileURL(join(folder, 'bare.html')).href, { waitUntil: 'load' });
    await page.pdf({ format: 'A4' });
    return Math.round(performance.now() - started);
  } finally {
    await browser.close();
    rmSync(folder, { recursive: true, force: true });
  }
}

async function timed<T>(body: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await body();
  return { ms: Math.round(performance.now() - started), value };
}

export async function benchMaterial(): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(join(tmpdir(), 'sasaeai-bench-material-'));
  const database = await openDatabase({ kind: 'pglite', dataDir: join(dir, 'db') });
  try {
    await migrateDatabase(database);
    const seeded = await timed(() => seed(database));
    const municipality = (await findMunicipality(database.db, 'yokohama'))!;
    const ward = (await findWard(database.db, municipality.id, seeded.value.wardSlug))!;
    const t = translatorFor('ja');
    const read = await timed(() => yearHandout(database.db, ward, FISCAL_YEAR));
    await closeDocumentBrowser();
    const pdf = await timed(() => renderHandoutPdf(read.value, t, 'ja'));
    const pdfWarm = await timed(() => renderHandoutPdf(read.value, t, 'ja'));
    await closeDocumentBrowser();
    const bareMs = await barePrint(handoutPhotos(read.value));
    const docx = await timed(() => renderHandoutDocx(read.value, t, 'ja'));
    const docxAgain = await timed(() => renderHandoutDocx(read.value, t, 'ja'));
    const photoBytes = handoutPhotos(read.value).reduce((sum, p) => sum + p.bytes.length, 0);
    return {
      reports: REPORTS,
      photos: REPORTS * PHOTOS_PER_REPORT,
      photoMiB: Number((photoBytes / 1024 / 1024).toFixed(1)),
      seedMs: seeded.ms,
      /** At upload, per photo: read, turned upright, stored copy and print copy made (not part of a download). */
      uploadMsPerPhoto: seeded.value.uploadMsPerPhoto,
      readHandoutMs: read.ms,
      pdfMsWithLaunch: pdf.ms,
      /** What a download waits for: the handout read (photos resized for print) and printed, browser launch included. */
      pdfTotalMs: read.ms + pdf.ms,
      docxTotalMs: read.ms + docx.ms,
      pdfMsWarm: pdfWarm.ms,
      /** A bare Chromium print of 100 such pages, launch included, in the same run: the ratio holds when the machine is busy. */
      barePrintMs: bareMs,
      pdfTotalToBarePrint: Number(((read.ms + pdf.ms) / bareMs).toFixed(2)),
      pdfMiB: Number((pdf.value.length / 1024 / 1024).toFixed(1)),
      docxMs: docx.ms,
      docxMsAgain: docxAgain.ms,
      docxMiB: Number((docx.value.length / 1024 / 1024).toFixed(1)),
      goals: GOALS,
      pdfGoalMet: read.ms + pdf.ms < GOALS.pdfMs,
      docxGoalMet: read.ms + docx.ms < GOALS.docxMs,
    };
  } finally {
    await closeDocumentBrowser();
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const result = await benchMaterial();
  console.log('推進会議資料（報告100件・写真各2枚）');
  console.log(`写真のアップロード処理（保存用と印刷用の縮小）: 1枚 ${result['uploadMsPerPhoto']} ms`);
  console.log(`資料の読み出し（印刷用の写真200枚込み）: ${result['readHandoutMs']} ms`);
  console.log(`PDF（ブラウザ起動込み）: ${result['pdfMsWithLaunch']} ms、読み出し込み ${result['pdfTotalMs']} ms（2回目 ${result['pdfMsWarm']} ms、${result['pdfMiB']} MiB、目標 6 s: ${result['pdfGoalMet'] ? '達成' : '未達'}）`);
  console.log(`比較: 同じ写真で100ページを素の Chromium で印刷（起動込み） ${result['barePrintMs']} ms、資料の PDF（読み出し込み）はその ${result['pdfTotalToBarePrint']} 倍`);
  console.log(`Word: ${result['docxMs']} ms、読み出し込み ${result['docxTotalMs']} ms（2回目 ${result['docxMsAgain']} ms、${result['docxMiB']} MiB、目標 1 s: ${result['docxGoalMet'] ? '達成' : '未達'}）`);
  console.log(JSON.stringify(result));
}
