import { describe, expect, it } from 'vitest';
import { inJapanese } from '../../../testing/messages.ts';
import { FileRefusedError, SHEET_LIMITS, WORD_LIMITS, WORKER_LIMITS } from './limits.ts';
import { readCsvRows, readDocxHtml, readPdfText, readSheets } from './read.ts';
import { docxBomb, docxParagraphs, pdfFlateBomb, xlsxRows } from './testing.ts';

const MB = 1024 * 1024;

/** What reading gave: the value, or the error's class and message. */
async function outcome<T>(read: Promise<T>): Promise<{ value: T } | { error: string; message: string }> {
  try {
    return { value: await read };
  } catch (error) {
    // A refusal is said in the reader's language; the Japanese is what these tests compare.
    return { error: (error as Error).name, message: error instanceof FileRefusedError ? (inJapanese(error.problem) as string) : (error as Error).message };
  }
}

/** The highest resident memory of this process while `work` runs, over what it was at the start. */
async function growth<T>(work: () => Promise<T>): Promise<{ result: T; grewMb: number; ms: number }> {
  const start = process.memoryUsage.rss();
  let peak = start;
  const watch = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 5);
  const began = Date.now();
  try {
    const result = await work();
    return { result, grewMb: (peak - start) / MB, ms: Date.now() - began };
  } finally {
    clearInterval(watch);
  }
}

describe('zip files checked before they are unpacked', () => {
  it('refuses a 1 MB Word document that unpacks to 300 MB from its directory alone, naming the part and the limit', async () => {
    const bomb = docxBomb(300);
    expect(bomb.byteLength).toBeLessThan(2 * MB);
    const { result, grewMb, ms } = await growth(() => outcome(readDocxHtml('計画.docx', bomb)));
    expect(result).toEqual({ error: 'FileRefusedError', message: '「計画.docx」は展開すると 300 MB になる部品（word/document.xml）を含んでいます（上限 64 MB）。内容を分けて、小さなファイルにしてから読み込んでください' });
    expect(ms).toBeLessThan(1000);
    expect(grewMb).toBeLessThan(50);
  });

  it('refuses a part packed a thousandfold even under the size limit', async () => {
    expect(await outcome(readDocxHtml('圧縮.docx', docxBomb(20)))).toMatchObject({ message: expect.stringMatching(/^「圧縮\.docx」は部品（word\/document\.xml）が [\d,]+ 倍に展開されるように圧縮されています（上限 100 倍）/) });
  });

  it('stops unpacking a part that grows past the size its directory gives (a zip that lies)', async () => {
    const { result, grewMb } = await growth(() => outcome(readDocxHtml('細工.docx', docxBomb(300, { declared: 900_000 }))));
    expect(result).toEqual({ error: 'FileRefusedError', message: expect.stringContaining('「細工.docx」は部品（word/document.xml）が、ファイルに書かれた大きさ（0.9 MB）を超えて展開されます') });
    expect(grewMb).toBeLessThan(50);
  });

  it('says a cut-off zip is unreadable, without parsing it', async () => {
    const half = docxParagraphs(10).subarray(0, 400);
    expect(await outcome(readDocxHtml('半分.docx', half))).toMatchObject({ error: 'FileUnreadableError' });
  });
});

describe('limits counted while reading', () => {
  it('refuses a workbook with more rows than the limit, counted before exceljs builds a cell', async () => {
    const { result, ms } = await growth(() => outcome(readSheets('計画.xlsx', xlsxRows(SHEET_LIMITS.rows + 1))));
    expect(result).toEqual({ error: 'FileRefusedError', message: '「計画.xlsx」は100,001 行あります（上限 100,000 行）。内容を分けて、小さなファイルにしてから読み込んでください' });
    expect(ms).toBeLessThan(10_000);
  });

  it('refuses a Word document with more paragraphs than the limit', async () => {
    expect(await outcome(readDocxHtml('長い.docx', docxParagraphs(WORD_LIMITS.paragraphs + 1)))).toMatchObject({ message: expect.stringContaining('「長い.docx」は段落が 30,001 個あります（上限 30,000 個）') });
  });

  it('refuses a CSV past its rows, and reads one within them', async () => {
    expect(await outcome(readCsvRows('名簿.csv', 'a\n'.repeat(200_001)))).toMatchObject({ message: expect.stringContaining('「名簿.csv」は上限の 200,000 行を超えています') });
    expect(await readCsvRows('名簿.csv', 'a,b\nc,"d\ne"')).toEqual([['a', 'b'], ['c', 'd\ne']]);
  });

  it('reads a workbook within the limits as plain values, sheet by sheet', async () => {
    const [sheet] = await readSheets('小さい.xlsx', xlsxRows(3, 2));
    expect(sheet).toEqual({ name: 'Sheet1', rows: [[1, 1], [2, 2], [3, 3]] });
  });
});

describe('the parsing process is killed, not abandoned, and the server never holds the parse', () => {
  it('kills the parse of a PDF whose page unpacks to 1 GB at its memory limit, this process growing not at all', async () => {
    const bomb = pdfFlateBomb(1024);
    expect(bomb.byteLength).toBeLessThan(2 * MB);
    const { result, grewMb } = await growth(() => outcome(readPdfText('爆弾.pdf', bomb)));
    expect(result).toEqual({ error: 'FileRefusedError', message: '「爆弾.pdf」は読むのに使えるメモリ（400 MB）を超えました。ファイルが大きすぎるか、細工されています。内容を分けて、小さなファイルにしてから読み込んでください' });
    expect(grewMb).toBeLessThan(50);
  }, 60_000);

  it('kills a parse at its time limit, and the next file is read by a new process', async () => {
    const bomb = pdfFlateBomb(1024);
    const { result, ms } = await growth(() => outcome(readPdfText('遅い.pdf', bomb, { timeLimitMs: 1000 })));
    expect(result).toEqual({ error: 'FileRefusedError', message: expect.stringContaining('「遅い.pdf」は1 秒以内に読み終わりませんでした（上限 1 秒）') });
    expect(ms).toBeLessThan(2500);
    expect(await readSheets('次.xlsx', xlsxRows(1))).toEqual([{ name: 'Sheet1', rows: [[1]] }]);
  }, 60_000);
});
