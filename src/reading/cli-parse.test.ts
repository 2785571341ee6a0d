/** `./bin/sasaeai parse FILE [--json]` through parseCommand (src/cli/parse.ts), as src/cli/main.ts calls it. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CliError } from '../cli/errors.ts';
import { parseCommand } from '../cli/parse.ts';
import { interchangeSchema } from './interchange.ts';
import { seedPath } from './testing/seeds.ts';

let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'sasaeai-parse-'));
});
afterAll(() => rm(folder, { recursive: true, force: true }));

async function cliError(args: string[]): Promise<string> {
  try {
    await parseCommand(args);
  } catch (error) {
    expect(error).toBeInstanceOf(CliError);
    return (error as Error).message;
  }
  throw new Error('expected a CliError');
}

describe('parse FILE --json', () => {
  it('prints the interchange document as pretty UTF-8 JSON', async () => {
    const out = await parseCommand([seedPath('003_a28a7f2139639f67.txt'), '--json']);
    expect(out).toContain('\n  "plans": [');
    expect(out).toContain('"title": "令和6年度 第1回旭区地域福祉保健推進会議"');
    const doc = JSON.parse(out);
    expect(interchangeSchema.safeParse(doc).success).toBe(true);
    expect(doc.meetings[0].date).toBe('2024-05-24');
  });
});

describe('parse FILE', () => {
  it('summarises a plan in Japanese: levels with counts, owners', async () => {
    const out = await parseCommand([seedPath('001_201624cb2daa6d5c.txt')]);
    expect(out).toContain('■ 計画 1件');
    expect(out).toContain('階層: 基本目標 1 › 取組目標 3 › 主な取組 14');
    expect(out).toContain('推進主体: こども家庭支援課、区社協、地域ケアプラザ、高齢・障害支援課、福祉保健課、区政推進課、区民活動センター、地域振興課');
    expect(out).toContain('認識できなかった行はありません。');
  });

  it('summarises figures, reports, surveys, the meeting, the schedule, committees and the unread lines with numbers', async () => {
    const handout = await parseCommand([seedPath('003_a28a7f2139639f67.txt')]);
    for (const expected of [
      '・子育て支援連絡会（こども家庭支援課） 令和5年度 誰もが、ともに生きるまち 写真1枚',
      '望ましい近所との付き合い方（上位3位） n=1,676: 顔をあわせたら挨拶する程度 35%（前回28%）',
      '・令和6年度 第1回旭区地域福祉保健推進会議 令和6年5月24日 10:00～12:00 旭区役所地下1階3号会議室',
      '      議題1 令和5年度の実組報告（第4期区計画推進に関する報告） [資料1・資料2]',
      '・令和6年度 6月～8月 団体ヒアリング',
      '・令和7年度 11月～ デザイン委託、冊子印刷等',
      '・策定検討部会 委員14名 構成 14団体',
      '■ 認識できなかった行 7行',
      '  343: 明日をひらく都市',
    ]) expect(handout).toContain(expected);
    const review = await parseCommand([seedPath('004_529c19d04d9a4e6c.txt')]);
    expect(review).toContain('・あいねっと推進委員会の開催数: 平成17年度～平成21年度 値なし（未設置） → 平成22年度～平成26年度 10回');
    expect(review).toContain('・区社協ボランティア登録者数: 平成21年度末 1,588人 → 平成26年度末 1,986人');
  });

  it('says which encoding it converted from', async () => {
    const file = join(folder, 'utf16.txt');
    await writeFile(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('基本目標1　まち\n', 'utf16le')]));
    expect(await parseCommand([file])).toContain('注意: 文字コードが UTF-16LE だったため UTF-8 に変換して読みました');
  });
});

describe('parse errors', () => {
  it('asks for a file', async () => {
    expect(await cliError([])).toMatch(/^読み込むファイルを指定してください/);
    expect(await cliError(['a.txt', 'b.txt'])).toBe('ファイルは一つだけ指定してください（a.txt、b.txt）');
  });

  it('names the file and the problem', async () => {
    const empty = join(folder, 'empty.txt');
    await writeFile(empty, '');
    expect(await cliError([empty])).toBe(`${empty}: ファイルが空です（0 バイト）`);
    expect(await cliError([join(folder, 'none.pdf')])).toBe(`${join(folder, 'none.pdf')}: ファイルが見つかりません`);
    expect(await cliError(['plan.doc'])).toMatch(/^plan\.doc: \.doc の形式には対応していません/);
  });
});
