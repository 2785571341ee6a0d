import { describe, expect, it } from 'vitest';
import type { Database } from '../../kernel/db/database.ts';
import type { PlanNode } from '../queries.ts';
import { translatorFor } from '../../messages.ts';
import { useDemoDatabase, type Demo } from '../../testing/demo-setup.ts';
import { noDecisions } from './changes.ts';
import { renderStructure, structureCsv } from './export.ts';
import { previewImport, type ImportTarget } from './import.ts';
import { problemText } from './problems.ts';
import { editWorkbook, rowIndexByTitle } from './testing.ts';

let database: Database;
let demo: Demo;
let totsuka: ImportTarget & { tree: PlanNode[] };

useDemoDatabase(async (opened) => {
  ({ database, demo } = opened);
  const { plan, period, nodes } = await demo.tree('totsuka-ward', 4);
  totsuka = { plan, period, tree: nodes };
});

async function problemsOf(bytes: Uint8Array, fileName = 'totsuka.xlsx', target: ImportTarget = totsuka): Promise<string[]> {
  const preview = await previewImport(database.db, target, { fileName, bytes }, noDecisions);
  if (preview.ok) throw new Error('the file was accepted');
  return preview.problems.map((p) => problemText(translatorFor('ja'), p));
}

const cell = { level: 0, depth: 1, id: 2, version: 3, code: 4, parentCode: 5, title: 6, owners: 7, situation: 9 };

describe('a structure file with mistakes', () => {
  it('lists every problem of every row with sheet, row and column, as Excel shows them', async () => {
    const bytes = await editWorkbook(await renderStructure(totsuka, 'xlsx'), (rows) => {
      const at = (title: string) => rows[rowIndexByTitle(rows, title)]!;
      at('人と地域のつながりづくりの推進')[cell.owners] = '全体で取り組むもの、戸塚区社会福祉協議';
      at('自治会町内会への加入促進')[cell.title] = '';
      at('地区社会福祉協議会の活動支援')[cell.code] = '1';
      at('身近な地域活動の場づくり、機会の提供')[cell.id] = '0b0b0b0b-0000-4000-8000-000000000000';
      at('多世代交流やふれあいの場・機会の拡大')[cell.parentCode] = '1';
      at('多世代が集える場の運営支援')[cell.situation] = '見出しのない本文';
      rows[rowIndexByTitle(rows, '多世代が集える場の運営支援') + 1]![cell.level] = '基本目標';
      const jump = ['', '5', '', '', '', '', '深すぎる項目', '', '', '', '', '', ''];
      rows.splice(rowIndexByTitle(rows, '戸塚区地域連携チームによる地域支援') + 1, 0, jump);
    });
    expect(await problemsOf(bytes)).toEqual([
      '「計画構成」シート 4行目 H列（推進主体）: 推進主体「戸塚区社会福祉協議」は推進主体の一覧にありません。近い名前: 「戸塚区社会福祉協議会」「地区社会福祉協議会」',
      '「計画構成」シート 5行目 G列（項目名）: 項目名が空です。項目名を書いてください',
      '「計画構成」シート 6行目 E列（番号）: 番号「1」は同じ親の下の 4行目 でも使われています。同じ親の下では番号を重ねられません',
      '「計画構成」シート 7行目 C列（識別子）: 識別子「0b0b0b0b-0000-4000-8000-000000000000」の項目はこの期にありません。新しい項目の行は識別子を空にしてください',
      '「計画構成」シート 9行目 B列（階層の深さ）: 深さ 5 の行が、深さ 3 の行（8行目）のすぐ後にあります。親の項目より二つ以上深くはできません',
      '「計画構成」シート 11行目 F列（親の番号）: この行は 10行目の「2」の下にありますが、親の番号は「1」です。行を別の項目の下へ動かしたときは親の番号も直してください（動かしていなければ、行を元の位置に戻してください）',
      '「計画構成」シート 12行目 J列（現状と課題）: 最初の行が「■」で始まっていません。見出しの行は「■見出し」と書きます',
      '「計画構成」シート 13行目 A列（階層）: 階層「基本目標」は深さ 1 の名前ですが、深さは 3 です。階層の深さを直すか、階層の名前を「主な取組」にしてください',
    ]);
  });

  it('names a renamed or missing column', async () => {
    const renamed = await editWorkbook(await renderStructure(totsuka, 'xlsx'), (rows) => {
      rows[0]![cell.code] = '番 号';
      rows[0]!.splice(cell.owners, 1);
      for (const row of rows.slice(1)) row.splice(cell.owners, 1);
    });
    expect(await problemsOf(renamed)).toEqual([
      '「計画構成」シート 1行目 E列（番 号）: 列「番号」が見つかりません（見出しが「番 号」の列があります。列の名前を変えていませんか）。書き出したときの列の名前に戻してください',
      '「計画構成」シート 1行目: 列「推進主体」が見つかりません。書き出したときの列の名前に戻してください',
    ]);
  });

  it('tells a date that Excel made of a code', async () => {
    const bytes = await editWorkbook(await renderStructure(totsuka, 'xlsx'), () => {});
    const ExcelJS = (await import('exceljs')).default;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    const code = workbook.getWorksheet('計画構成')!.getCell('E3');
    code.value = new Date('2024-01-01');
    code.numFmt = 'yyyy/m/d'; // what Excel does to 1-1 typed into a cell formatted as General
    const dated = new Uint8Array(await workbook.xlsx.writeBuffer());
    expect(await problemsOf(dated)).toEqual(['「計画構成」シート 3行目 E列（番号）: Excel が日付に変えています。セルの書式を「文字列」にしてから入力し直してください']);
  });

  it('refuses a file of another period, naming it', async () => {
    const tsurumi = await demo.tree('tsurumi-ward', 3);
    const other = { plan: tsurumi.plan, period: tsurumi.period };
    const xlsx = await renderStructure({ ...other, tree: tsurumi.nodes }, 'xlsx');
    const csv = new TextEncoder().encode(structureCsv({ ...other, tree: tsurumi.nodes }));
    const expected = (file: string) => [`「${file}」: このファイルは「鶴見区地域福祉保健計画 第3期」から書き出したものです。「戸塚区地域福祉保健計画 第4期」には取り込めません`];
    expect(await problemsOf(xlsx, 'tsurumi.xlsx')).toEqual(expected('tsurumi.xlsx'));
    expect(await problemsOf(csv, 'tsurumi.csv')).toEqual(expected('tsurumi.csv'));
  });

  it('says what kind of file it got instead: Shift_JIS CSV, PDF, Word, .xls, empty', async () => {
    const shiftJis = new Uint8Array([0x8a, 0x4b, 0x91, 0x77, 0x2c, 0x94, 0xd4, 0x8d, 0x86, 0x0d, 0x0a]); // 階層,番号 in Shift_JIS
    expect(await problemsOf(shiftJis, 'plan.csv')).toEqual([
      '「plan.csv」: 文字コードが Shift_JIS の CSV です。Excel では「CSV UTF-8（コンマ区切り）」を選んで保存し直してください（Shift_JIS では書けない文字が失われるため、そのままは読みません）',
    ]);
    expect(await problemsOf(new TextEncoder().encode('%PDF-1.7 …'), 'plan.pdf')).toEqual(['「plan.pdf」: PDF ファイルです。書き出した Excel ブック（.xlsx）か CSV ファイルを選んでください']);
    const { Document, Packer, Paragraph } = await import('docx');
    const word = new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('計画')] }] })));
    expect(await problemsOf(word, 'plan.docx')).toEqual(['「plan.docx」: Excel ブック（.xlsx）として読めません。壊れているか、Word など別の形式のファイルです']);
    expect(await problemsOf(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1]), 'plan.xls')).toEqual(['「plan.xls」: 古い Excel 形式（.xls）のファイルです。Excel で「Excel ブック（.xlsx）」として保存し直してください']);
    expect(await problemsOf(new Uint8Array(), 'plan.csv')).toEqual(['「plan.csv」: ファイルが空です']);
  });

  it('caps a long list and counts the rest', async () => {
    const bytes = await editWorkbook(await renderStructure(totsuka, 'xlsx'), (rows) => {
      for (let i = 0; i < 150; i++) rows.push(['', '1', '', '', '', '', '', '', '', '', '', '', '']);
    });
    const preview = await previewImport(database.db, totsuka, { fileName: 'many.xlsx', bytes }, noDecisions);
    expect(preview.ok).toBe(false);
    if (!preview.ok) expect([preview.problems.length, preview.more]).toEqual([100, 50]);
  });
});
