import { mkdtemp, mkdir, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translateProblem } from '../kernel/i18n/index.ts';
import { translatorFor } from '../messages.ts';
import { inJapanese } from '../testing/messages.ts';
import { ReadError } from './errors.ts';
import { extractBytes, extractFile, MAX_BYTES } from './extract-text.ts';
import { unifyRadicals } from './pdf-text.ts';
import { docxBomb, docxOf, xlsxRows } from '../kernel/documents/bounded/testing.ts';
import { makeDocx, makePdf, makeTextlessPdf, makeXlsx } from './testing/documents.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);

/** Encodes text in a legacy encoding by inverting Node's decoder over its double-byte range. */
function encodeLegacy(label: 'shift_jis' | 'euc-jp', text: string): Uint8Array {
  const leads = label === 'shift_jis' ? [[0x81, 0x9f], [0xe0, 0xfc]] : [[0xa1, 0xfe]];
  const trails = label === 'shift_jis' ? [0x40, 0xfc] : [0xa1, 0xfe];
  const decoder = new TextDecoder(label);
  const table = new Map<string, number[]>();
  for (const [from, to] of leads) {
    for (let lead = from!; lead <= to!; lead++) {
      for (let trail = trails[0]!; trail <= trails[1]!; trail++) {
        const ch = decoder.decode(new Uint8Array([lead, trail]));
        if (ch.length === 1 && ch !== '\ufffd' && !table.has(ch)) table.set(ch, [lead, trail]);
      }
    }
  }
  return new Uint8Array([...text].flatMap((ch) => (ch.charCodeAt(0) < 0x80 ? [ch.charCodeAt(0)] : table.get(ch)!)));
}

async function problem(work: Promise<unknown>): Promise<string> {
  try {
    await work;
  } catch (error) {
    expect(error).toBeInstanceOf(ReadError);
    return inJapanese((error as ReadError).problem) as string;
  }
  throw new Error('expected a ReadError');
}

const sample = '基本目標1　支えあいのまち\n推進主体／地域振興課、区社協\n';

let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'sasaeai-reading-'));
});
afterAll(() => rm(folder, { recursive: true, force: true }));

describe('text files', () => {
  it('reads UTF-8 with or without BOM and any line ending, numbering lines from 1', async () => {
    for (const bytes of [utf8(sample), utf8(`\ufeff${sample}`), utf8(sample.replace(/\n/g, '\r\n'))]) {
      const read = await extractBytes('plan.txt', bytes);
      expect(read.lines.slice(0, 2)).toEqual(['基本目標1　支えあいのまち', '推進主体／地域振興課、区社協']);
      expect(read.format).toBe('txt');
      expect(read.warnings).toEqual([]);
    }
    expect((await extractBytes('plan.md', utf8(`\ufeff${sample}`))).encoding).toBe('UTF-8 (BOM付き)');
  });

  it.each(['shift_jis', 'euc-jp'] as const)('converts %s and says so', async (label) => {
    const read = await extractBytes('fixtures/x.txt', encodeLegacy(label, sample));
    expect(read.lines[0]).toBe('基本目標1　支えあいのまち');
    expect(read.encoding).toBe(label === 'shift_jis' ? 'Shift_JIS' : 'EUC-JP');
    expect(read.warnings[0]).toMatch(/文字コードが (Shift_JIS|EUC-JP) だったため UTF-8 に変換して読みました/);
  });

  it('reads UTF-16 with a BOM', async () => {
    const body = Buffer.from(sample, 'utf16le');
    const read = await extractBytes('x.txt', new Uint8Array([0xff, 0xfe, ...body]));
    expect(read.lines[1]).toBe('推進主体／地域振興課、区社協');
    expect(read.encoding).toBe('UTF-16LE');
  });

  it('reads CSV rows as tab-separated lines, quotes and all', async () => {
    const read = await extractBytes('x.csv', utf8('項目,令和4年度,令和5年度\r\n"登録者数, 人",1588,"1,986"\r\n"二行の\n説明",記載なし,\n'));
    expect(read.lines).toEqual(['項目\t令和4年度\t令和5年度', '登録者数, 人\t1588\t1,986', '二行の 説明\t記載なし']);
  });
});

describe('bad files get a clear Japanese error naming the file', () => {
  it.each<[string, string, Uint8Array, RegExp]>([
    ['empty', 'empty.txt', new Uint8Array(), /^empty\.txt: ファイルが空です/],
    ['blank', 'blank.md', utf8(' \n\u3000\n'), /^blank\.md: ファイルに文字がありません/],
    ['binary junk', 'junk.txt', new Uint8Array(Array.from({ length: 600 }, (_, i) => (i * 7919) % 256)), /^junk\.txt: 文字のファイルではない/],
    ['a PDF named .txt', 'x.txt', utf8('%PDF-1.4\n...'), /拡張子は \.txt ですが、中身はPDFのようです/],
    ['text named .pdf', 'x.pdf', utf8('基本目標'), /^x\.pdf: PDFではありません/],
    ['a truncated PDF', 'cut.pdf', utf8('%PDF-1.7\n1 0 obj\n<< /Type /Catalog'), /^cut\.pdf: PDF として読めません/],
    ['a PDF without text', 'scan.pdf', makeTextlessPdf(), /^scan\.pdf: PDF に文字の層がありません（1ページとも画像だけです）/],
    ['an old .doc', 'old.docx', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), /古い Office 形式/],
    ['an unsupported extension', 'x.doc', utf8('a'), /^x\.doc: \.doc の形式には対応していません/],
    ['no extension', 'README', utf8('a'), /拡張子がありません/],
    ['a broken zip named .docx', 'x.docx', new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3, ...utf8('word/document.xml')]), /^x\.docx: Word 文書（\.docx）として読めません/],
    ['an image', 'x.txt', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 13, 10, 26, 10]), /中身は画像のようです/],
  ])('%s', async (_, name, bytes, message) => {
    expect(await problem(extractBytes(name, bytes))).toMatch(message);
  });

  it('names an encoding it cannot read reliably', async () => {
    const bytes = new Uint8Array([...encodeLegacy('shift_jis', 'あ'), 0xa0, 0xfd, 0xa0, 0xfd, 0xa0, 0xfd]);
    expect(await problem(extractBytes('x.txt', bytes))).toMatch(/^x\.txt: 文字のファイルではないか、文字コードを判別できません/);
  });

  it('refuses more than 100 MB before reading it', async () => {
    const big = join(folder, 'big.txt');
    await writeFile(big, '');
    await truncate(big, MAX_BYTES + 1);
    expect(await problem(extractFile(big))).toMatch(/big\.txt: ファイルが大きすぎます（100\.0 MB。読み込めるのは 100 MB までです）/);
  });

  it('says when the file is missing or a folder', async () => {
    expect(await problem(extractFile(join(folder, 'none.txt')))).toMatch(/none\.txt: ファイルが見つかりません$/);
    await mkdir(join(folder, 'dir.txt'));
    expect(await problem(extractFile(join(folder, 'dir.txt')))).toMatch(/dir\.txt: フォルダです/);
  });

  it('a docx that is really a workbook', async () => {
    const xlsx = await makeXlsx([{ name: 'S', rows: [['a']] }]);
    expect(await problem(extractBytes('x.docx', xlsx))).toMatch(/中身はExcel ブック（\.xlsx）のようです/);
  });

  it('a truncated docx', async () => {
    const docx = await makeDocx([{ text: '基本目標1' }]);
    expect(await problem(extractBytes('cut.docx', docx.subarray(0, docx.length / 2)))).toMatch(/^cut\.docx: Word 文書（\.docx）として読めません/);
  });
});

describe('hostile and broken files: the file named, what is wrong (a limit with its value), no parser internals', () => {
  it('a Word document of 1 MB that unpacks to 300 MB', async () => {
    expect(await problem(extractBytes('計画.docx', docxBomb(300)))).toBe('計画.docx: 展開すると 300 MB になる部品（word/document.xml）を含んでいます（上限 64 MB）。内容を分けて、小さなファイルにしてから読み込んでください');
  });

  it('a workbook with more rows than the limit', async () => {
    expect(await problem(extractBytes('表.xlsx', xlsxRows(100_001)))).toMatch(/^表\.xlsx: 100,001 行あります（上限 100,000 行）/);
  });

  it('a Word document its XML parser cannot read, without the parser’s own words', async () => {
    const message = await problem(extractBytes('実体.docx', docxOf('<w:p><w:r><w:t>a &nbsp; b</w:t></w:r></w:p>')));
    expect(message).toBe('実体.docx: Word 文書（.docx）として読めません（壊れているか、途中で切れています）。Word で開けるか確かめ、保存し直してください');
  });

  it('a text with more characters than any document', async () => {
    expect(await problem(extractBytes('長文.txt', utf8('あ'.repeat(5_000_001))))).toMatch(/^長文\.txt: 文字数が上限の 5,000,000 文字を超えています/);
  });
});

describe('the same errors to a reader of English', () => {
  const inEnglish = async (work: Promise<unknown>) => {
    const error = await work.then(() => null, (thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(ReadError);
    return translateProblem(translatorFor('en'), (error as ReadError).problem);
  };

  it('names the file and what is wrong, a limit with its value', async () => {
    expect(await inEnglish(extractBytes('empty.txt', new Uint8Array(0)))).toBe('empty.txt: The file is empty (0 bytes)');
    expect(await inEnglish(extractBytes('plan.docx', await makeXlsx([{ name: 'S', rows: [['a']] }])))).toBe('plan.docx: The extension is .docx, but the content looks like an Excel workbook (.xlsx)');
    expect(await inEnglish(extractBytes('table.xlsx', xlsxRows(100_001)))).toBe(
      'table.xlsx has 100,001 rows (the limit is 100,000). Split the content into smaller files and read them again',
    );
  });
});

describe('office documents', () => {
  it('reads a .docx: headings as # lines, paragraphs, list items, table rows as tab-separated cells', async () => {
    const docx = await makeDocx([
      { heading: 1, text: '第3期〇〇市地域福祉計画' },
      { text: '推進主体／社会福祉課、市社協' },
      { bullet: '見守り活動の推進' },
      { table: [['指標', '令和4年度', '令和5年度'], ['登録者数', '120人', '記載なし']] },
    ]);
    const read = await extractBytes('plan.docx', docx);
    expect(read.format).toBe('docx');
    expect(read.lines).toEqual([
      '# 第3期〇〇市地域福祉計画', '', '推進主体／社会福祉課、市社協', '', '- 見守り活動の推進', '',
      '指標\t令和4年度\t令和5年度', '登録者数\t120人\t記載なし',
    ]);
  });

  it('reads an .xlsx sheet by sheet, each named, rows as tab-separated cells', async () => {
    const xlsx = await makeXlsx([
      { name: '指標', rows: [['指標', '令和4年度', '令和5年度'], ['登録者数', 120, null], []] },
      { name: '日程', rows: [['令和6年度'], ['5月', '推進会議']] },
    ]);
    const read = await extractBytes('book.xlsx', xlsx);
    expect(read.lines).toEqual(['# 指標', '', '指標\t令和4年度\t令和5年度', '登録者数\t120', '', '# 日程', '', '令和6年度', '5月\t推進会議']);
  });
});

describe('PDF', () => {
  it('rebuilds lines from the text layer by position, table cells separated by tabs', async () => {
    const pdf = await makePdf(`
      <h1>基本目標1　支えあいのまち</h1>
      <p>【取組目標1-1】顔の見える関係づくり</p>
      <p>推進主体／地域振興課、区社協</p>
      <table style="border-spacing: 40px 4px"><tr><td>指標</td><td>令和4年度</td><td>令和5年度</td></tr>
      <tr><td>登録者数</td><td>120人</td><td>135人</td></tr></table>`);
    const read = await extractBytes('plan.pdf', pdf);
    const lines = read.lines.filter((l) => l !== '');
    expect(lines).toEqual([
      '基本目標1 支えあいのまち',
      '【取組目標1-1】顔の見える関係づくり',
      '推進主体／地域振興課、区社協',
      '指標\t令和4年度\t令和5年度',
      '登録者数\t120人\t135人',
    ]);
    expect(read.pages?.every((p) => p === 1)).toBe(true);
  }, 60_000);

  it('maps Kangxi radicals from CJK fonts back to ideographs', () => {
    expect(unifyRadicals('取組⽬標 ⾒える ⽀えあい')).toBe('取組目標 見える 支えあい');
  });
});
