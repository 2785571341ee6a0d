/**
 * Fuzzing, repeatable (seeded PRNG): thousands of mutated seed documents and random texts through the parser, and
 * random or damaged bytes through extraction. Nothing may throw but a ReadError, nothing may hang, every document
 * must validate, and every non-blank line must end up used, ignored or unrecognised.
 */
import { describe, expect, it } from 'vitest';
import { inJapanese } from '../testing/messages.ts';
import { ReadError } from './errors.ts';
import { extractBytes } from './extract-text.ts';
import { interchangeSchema, type InterchangeDocument } from './interchange.ts';
import { parseLines } from './parse.ts';
import { makeDocx, makeTextlessPdf, makeXlsx } from './testing/documents.ts';
import { SEED_FILES, seedText } from './testing/seeds.ts';
import { prng } from './testing/prng.ts';


const PIECES = [
  '基本目標', '取組目標', '【取組目標1-1】', '◆取組目標', '目指す姿', '推進の柱１', '施策目標(1)', '方向性①', '推進主体／', '担当：',
  '■ ', '・', '- ', '# ', '## ', '【主な取組】', '【行動目標】', '【具体的な取組】', '代表的な取り組み例', 'キーワード：', 'キーワード',
  '現状と課題', '5年後の地域の目指す姿', '基本理念', '第4期', '第１期計画の経過　平成17年度～平成21年度', '計画期間：令和8年度～令和12年度',
  '⇒', '→', '160か所（H28）', '1,588人', '平成21年度末', '令和6年5月24日（金）', '10時から12時まで', '日時：', '会場：', '次第', '議題1',
  '資料1', '35%', '↘ (28%)', 'n=1,676', '★', '\t', '\t\t', '<ul><li>', '</li></ul>', '&lt;', '地域と共有した課題', '取組の内容', '成果',
  '大分類\t分野\t選出団体', '令和6年度', '5月', '6～8月', '区計画', '地区別計画', 'スケジュール', '調査', '推進会議', '（委員15名）',
  '区役所の取組', '第3期計画に向けた主な課題', '1', '２', '①', '（1）', '様子', '。', '、', '　', ' ', '「', '」', '（', '）', '\u0000', '\ufffd',
  'ｱ', '𠮷', '\u200b', '～', '〜', '〇', '令和', '平成', 'R', 'H', '元', '99', '9999年度', '平成99年度', '13月',
];

function randomText(random: () => number, lines: number): string[] {
  const out: string[] = [];
  for (let l = 0; l < lines; l++) {
    let line = '';
    const parts = Math.floor(random() * 6);
    for (let p = 0; p < parts; p++) {
      line += random() < 0.8 ? PIECES[Math.floor(random() * PIECES.length)] : String.fromCodePoint(0x20 + Math.floor(random() * 0x9fff));
    }
    out.push(line);
  }
  return out;
}

const seeds = SEED_FILES.map((f) => seedText(f).split('\n'));

function mutate(random: () => number, source: readonly string[]): string[] {
  const start = Math.floor(random() * source.length);
  const lines = source.slice(start, start + 20 + Math.floor(random() * 120));
  const edits = Math.floor(random() * 12);
  for (let e = 0; e < edits && lines.length > 0; e++) {
    const k = Math.floor(random() * lines.length);
    const line = lines[k]!;
    switch (Math.floor(random() * 7)) {
      case 0: lines.splice(k, 1); break;
      case 1: lines.splice(k, 0, line, line); break;
      case 2: lines[k] = line.slice(0, Math.floor(random() * line.length)); break;
      case 3: lines[k] = line + PIECES[Math.floor(random() * PIECES.length)]!; break;
      case 4: lines[k] = PIECES[Math.floor(random() * PIECES.length)]! + line; break;
      case 5: lines.splice(k, 0, ...randomText(random, 3)); break;
      default: lines.push(...lines.slice(k, k + 10)); break;
    }
  }
  return lines;
}

const TIME_BOUND_MS = 1000;

function checked(lines: readonly string[]): InterchangeDocument {
  const started = performance.now();
  const doc = parseLines(lines, { file: 'fuzz.txt', format: 'txt' });
  expect(performance.now() - started).toBeLessThan(TIME_BOUND_MS);
  const { lines: count, blank, used, ignored, unrecognised } = doc.stats;
  expect(count).toBe(lines.length);
  expect(blank + used + ignored + unrecognised).toBe(count);
  const parsed = interchangeSchema.safeParse(doc);
  if (!parsed.success) throw new Error(`invalid document for input:\n${lines.join('\n')}\n${parsed.error.message}`);
  return doc;
}

describe('fuzzing the parser', () => {
  it('parses 2,500 mutated seed excerpts', () => {
    const random = prng(20240524);
    for (let n = 0; n < 2500; n++) checked(mutate(random, seeds[n % seeds.length]!));
  }, 120_000);

  it('parses 1,500 random texts made of the genre\'s words and random characters', () => {
    const random = prng(4);
    for (let n = 0; n < 1500; n++) checked(randomText(random, 1 + Math.floor(random() * 60)));
  }, 120_000);

  it('parses pathological shapes: one long line, many blank lines, thousands of one-character lines, repeats', () => {
    checked(['基本目標1　' + 'あ'.repeat(200_000)]);
    checked(new Array(20_000).fill(''));
    checked(Array.from({ length: 5_000 }, (_, k) => '縦書きの見出し'[k % 7]!));
    checked(Array.from({ length: 3_000 }, () => '【主な取組】'));
    checked(Array.from({ length: 3_000 }, (_, k) => `${(k % 20) + 1}　取組の名前`));
    checked(Array.from({ length: 2_000 }, () => '・' + '見守り'.repeat(50)));
  });
});

async function readOrRefuse(name: string, bytes: Uint8Array): Promise<void> {
  try {
    await extractBytes(name, bytes, { timeLimitMs: 10_000 });
  } catch (error) {
    if (!(error instanceof ReadError)) throw new Error(`${name}: ${String(error)}`);
    const message = inJapanese(error.problem) as string;
    expect(message.startsWith(`${name}: `)).toBe(true);
    expect(message.length).toBeGreaterThan(name.length + 4);
  }
}

describe('fuzzing extraction', () => {
  it('answers random bytes under every extension with text or a ReadError', async () => {
    const random = prng(7);
    const names = ['x.txt', 'x.md', 'x.csv', 'x.pdf', 'x.docx', 'x.xlsx'];
    for (let n = 0; n < 300; n++) {
      const bytes = new Uint8Array(Math.floor(random() * 4000)).map(() => Math.floor(random() * 256));
      if (random() < 0.3) bytes.set(new TextEncoder().encode(['%PDF-1.7', 'PK\u0003\u0004'][n % 2]!));
      await readOrRefuse(names[n % names.length]!, bytes);
    }
  }, 120_000);

  it('answers damaged Word, Excel and PDF files (truncated, bytes flipped) with text or a ReadError', async () => {
    const random = prng(11);
    const originals: [string, Uint8Array][] = [
      ['x.docx', await makeDocx([{ heading: 1, text: '基本目標1' }, { text: '推進主体／区社協' }, { table: [['a', 'b']] }])],
      ['x.xlsx', await makeXlsx([{ name: 'S', rows: [['指標', '令和4年度'], ['件数', 3]] }])],
      ['x.pdf', makeTextlessPdf()],
    ];
    for (let n = 0; n < 120; n++) {
      const [name, original] = originals[n % originals.length]!;
      const bytes = original.slice(0, 1 + Math.floor(random() * original.length));
      for (let f = 0; f < 1 + Math.floor(random() * 20); f++) bytes[Math.floor(random() * bytes.length)] = Math.floor(random() * 256);
      await readOrRefuse(name, bytes);
    }
  }, 120_000);
});
