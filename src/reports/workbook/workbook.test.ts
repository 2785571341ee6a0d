import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { historyOf } from '../../kernel/audit/queries.ts';
import type { SessionUser } from '../../kernel/auth/actor.ts';
import { runCommand } from '../../kernel/db/command.ts';
import type { Database } from '../../kernel/db/database.ts';
import { listOrganisationsForWard, matchOrganisation } from '../../organisations/queries.ts';
import { translatorFor } from '../../messages.ts';
import { useDemoDatabase, type Demo } from '../../testing/demo-setup.ts';
import { inJapanese } from '../../testing/messages.ts';
import { acceptReport, openRound, saveReport, saveReportForm } from '../commands.ts';
import { defaultReportFields, reportFormPresets } from '../fields.ts';
import { findReportItem, reportFormOf, reportHistory, roundItems, type ReportItem, type Round } from '../queries.ts';
import type { ReportField } from '../schema.ts';
import { applyImport, IMPORT_NOTE, loadImport, previewImport, type LoadedImport } from './import.ts';
import { INSTRUCTIONS_SHEET, META_SHEET, SINGLE_OWNER_SHEET, valueHash } from './layout.ts';
import { decisionKey, type Decisions } from './merge.ts';
import { problemText } from './read.ts';
import { contactOf, roundWorkbook } from './round-workbook.ts';
import { answer, editWorkbook } from './testing.ts';

let database: Database;
let demo: Demo;
let secretariat: SessionUser;
let owner: SessionUser;
let asahi: { municipalityId: string; wardId: string };
let shakyo: string;
let carePlaza: string;
let goalIds: string[];

useDemoDatabase(async (opened) => {
  ({ database, demo } = opened);
  secretariat = await demo.actorOf('ward_secretariat', 'asahi');
  owner = await demo.actorOf('owner_staff');
  const ward = await demo.ward('asahi');
  asahi = { municipalityId: demo.municipality.id, wardId: ward.id };
  const organisations = await listOrganisationsForWard(database.db, asahi.municipalityId, ward.id);
  shakyo = matchOrganisation(organisations, '区社協', ward.id)!.id;
  carePlaza = matchOrganisation(organisations, '地域ケアプラザ', ward.id)!.id;
  goalIds = (await demo.tree('asahi-ward', 4)).nodes.map((n) => n.id);
});

/** A round of its own for each test: 区社協 alone on two items, and jointly with 地域ケアプラザ on a third. */
async function newRound(title: string, fields: ReportField[] = defaultReportFields): Promise<Round> {
  const form = await reportFormOf(database.db, asahi.municipalityId, asahi.wardId);
  await runCommand(database, secretariat, (scope) => saveReportForm(scope, asahi, { version: form.version, fields }));
  const assignments = [
    { nodeId: goalIds[0]!, title: `${title} 一`, ownerIds: [shakyo] },
    { nodeId: goalIds[1]!, title: `${title} 二`, ownerIds: [shakyo] },
    { nodeId: goalIds[2]!, title: `${title} 共同`, ownerIds: [shakyo, carePlaza] },
  ];
  const result = await runCommand(database, secretariat, (scope) => openRound(scope, asahi, { title, fiscalYear: 2024, deadline: '2025-04-30', assignments }));
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.value;
}

const itemsOf = async (round: Round) => roundItems(database.db, round);
const current = async (item: ReportItem) => (await findReportItem(database.db, asahi.municipalityId, item.report.id))!;

async function exported(round: Round, ownerId: string | null = shakyo): Promise<Uint8Array> {
  return (await roundWorkbook(database.db, round, ownerId, contactOf('旭区', '旭 事務局')))!.bytes;
}

async function load(bytes: Uint8Array, round?: Round, fileName = '回答.xlsx'): Promise<LoadedImport> {
  const loaded = await loadImport(database.db, bytes, fileName, { municipalityId: asahi.municipalityId, ...(round ? { round } : {}) });
  if (!loaded.ok) throw new Error(loaded.problems.map((p) => problemText(translatorFor('ja'), p)).join('\n'));
  return loaded.value;
}

async function problems(bytes: Uint8Array, round?: Round, fileName = '回答.xlsx'): Promise<string[]> {
  const loaded = await loadImport(database.db, bytes, fileName, { municipalityId: asahi.municipalityId, ...(round ? { round } : {}) });
  if (loaded.ok) throw new Error('expected problems');
  return loaded.problems.map((p) => problemText(translatorFor('ja'), p));
}

const apply = (loaded: LoadedImport, decisions: Decisions = new Map()) =>
  runCommand(database, secretariat, (scope) => applyImport(scope, loaded, decisions, { name: '回答.xlsx', sha256: 'x' }));

const fillAll = (sheetName = SINGLE_OWNER_SHEET) => (workbook: ExcelJS.Workbook) => {
  const sheet = workbook.getWorksheet(sheetName)!;
  for (const row of [0, 1, 2]) for (const field of [0, 1, 2, 3]) answer(sheet, row, field, `行${row + 1}の欄${field + 1}\n二行目`);
};

describe('the 庁内照会 workbook as written', () => {
  it('has the instructions, one answer sheet with read-only columns and open answer cells, and a very hidden sheet', async () => {
    const round = await newRound('書き出し');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await exported(round)) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => [s.name, s.state])).toEqual([
      [INSTRUCTIONS_SHEET, 'visible'],
      [SINGLE_OWNER_SHEET, 'visible'],
      [META_SHEET, 'veryHidden'],
    ]);
    const instructions = workbook.getWorksheet(INSTRUCTIONS_SHEET)!;
    const text = instructions.getSheetValues().flat().join(' ');
    expect(text).toContain('令和7年4月30日（水）');
    expect(text).toContain('旭区 地域福祉保健計画 事務局（旭 事務局）');
    const sheet = workbook.getWorksheet(SINGLE_OWNER_SHEET)!;
    expect(sheet.getRow(4).values).toEqual([undefined, '番号', '目指す姿', '計画の項目', '取組', '推進主体', '地域と共有した課題', '取組の内容', '地域と連携したポイント', '成果']);
    expect(sheet.getCell('D7').value).toBe('書き出し 共同');
    expect(sheet.getCell('E7').value).toBe('旭区社会福祉協議会・地域ケアプラザ（共同）');
    expect(sheet.getCell('A5').protection?.locked).not.toBe(false);
    expect(sheet.getCell('F5').protection).toMatchObject({ locked: false });
    expect(sheet.getCell('F5').alignment?.wrapText).toBe(true);
    expect((sheet as unknown as { sheetProtection: { sheet: boolean } }).sheetProtection.sheet).toBe(true);
  });

  it('locks the workbook structure so sheets cannot be added or renamed unnoticed', async () => {
    const JSZip = (await import('jszip')).default;
    const zip = await JSZip.loadAsync(await exported(await newRound('構造')));
    expect(await zip.file('xl/workbook.xml')!.async('string')).toContain('<workbookProtection lockStructure="1"/>');
  });

  it('gives scale fields a drop-down of their options, listed on the instructions sheet', async () => {
    const round = await newRound('段階', reportFormPresets.review);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await exported(round)) as unknown as ArrayBuffer);
    const validation = workbook.getWorksheet(SINGLE_OWNER_SHEET)!.getCell('G5').dataValidation;
    expect(validation.type).toBe('list');
    const [, range] = /!\$C\$(\d+):\$C\$(\d+)$/.exec(String(validation.formulae[0]))!;
    expect(workbook.getWorksheet(INSTRUCTIONS_SHEET)!.getCell(`C${range}`).value).toBe('A：計画どおり進んでいる');
  });

  it('puts every owner on a sheet of its own in the workbook for all owners', async () => {
    const round = await newRound('全体');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await exported(round, null)) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([INSTRUCTIONS_SHEET, '旭区社会福祉協議会', '地域ケアプラザ', META_SHEET]);
    expect(workbook.getWorksheet('地域ケアプラザ')!.getCell('D5').value).toBe('全体 共同');
  });
});

describe('taking a returned workbook back', () => {
  it('stores every value as typed and hands complete reports in as the import, by the secretariat', async () => {
    const round = await newRound('往復');
    const loaded = await load(await editWorkbook(await exported(round), fillAll()), round);
    const preview = await previewImport(database.db, loaded, new Map());
    expect(preview.map((m) => [m.changes.length, m.conflicts.length, m.submits])).toEqual([
      [4, 0, true],
      [4, 0, true],
      [4, 0, true],
    ]);
    expect((await itemsOf(round)).every((i) => i.report.state === 'draft')).toBe(true);
    const outcome = await apply(loaded);
    expect(outcome).toMatchObject({ changed: 3, submitted: 3, conflictsLeft: 0, skipped: 0 });
    const [first] = await itemsOf(round);
    expect(first!.report.values['activity']).toBe('行1の欄2\n二行目');
    expect(first!.report.state).toBe('submitted');
    expect(first!.report.lastChangedBy).toBe('旭区 事務局（asahi-secretariat）');
    const history = await reportHistory(database.db, asahi.municipalityId, first!.report.id);
    expect(history.at(-1)).toMatchObject({ fromState: 'draft', toState: 'submitted', comment: IMPORT_NOTE, actorName: '旭区 事務局（asahi-secretariat）' });
    const audit = (await historyOf(database.db, asahi.municipalityId, 'report', first!.report.id)).filter((e) => e.action === 'import-workbook');
    expect(audit).toHaveLength(1);
  });

  it('reads back exactly what it wrote: spaces, blank lines, formulas-to-be, leading zeros, symbols', async () => {
    const round = await newRound('そのまま');
    const [first] = await itemsOf(round);
    const tricky = { 'shared-issue': '  前後に空白  ', activity: '　全角の空白\n\n空行のあと\n', collaboration: '=1+1', outcome: '0012 <b>&amp; 😀' };
    await runCommand(database, owner, (scope) => saveReport(scope, { municipalityId: asahi.municipalityId, reportId: first!.report.id }, { version: first!.report.version, values: tricky }));
    const untouched = await editWorkbook(await exported(round), () => {});
    const preview = await previewImport(database.db, await load(untouched, round), new Map());
    expect(preview.map((m) => m.changes.length + m.conflicts.length)).toEqual([0, 0, 0]);
    const retyped = await editWorkbook(await exported(round), (workbook) => {
      const sheet = workbook.getWorksheet(SINGLE_OWNER_SHEET)!;
      Object.values(tricky).forEach((value, field) => answer(sheet, 0, field, value.replace(/\n/g, '\r\n')));
    });
    expect((await previewImport(database.db, await load(retyped, round), new Map()))[0]!.changes).toEqual([]);
  });

  it('changes nothing the second time the same file comes in', async () => {
    const round = await newRound('二度');
    const bytes = await editWorkbook(await exported(round), fillAll());
    await apply(await load(bytes, round));
    const versions = (await itemsOf(round)).map((i) => i.report.version);
    const again = await apply(await load(bytes, round));
    expect(again).toMatchObject({ changed: 0, submitted: 0, conflictsLeft: 0 });
    expect((await itemsOf(round)).map((i) => i.report.version)).toEqual(versions);
  });

  it('saves an incomplete answer without handing it in, and names the empty fields', async () => {
    const round = await newRound('途中');
    const bytes = await editWorkbook(await exported(round), (workbook) => answer(workbook.getWorksheet(SINGLE_OWNER_SHEET)!, 0, 1, '一部だけ'));
    const outcome = await apply(await load(bytes, round));
    expect(outcome.merges[0]).toMatchObject({ submits: false, missing: ['地域と共有した課題', '地域と連携したポイント', '成果'] });
    const [first] = await itemsOf(round);
    expect(first!.report).toMatchObject({ state: 'draft', values: { activity: '一部だけ' } });
  });

  it('shows a value changed on the web since the download as a conflict and never overwrites it unasked', async () => {
    const round = await newRound('競合');
    const bytes = await editWorkbook(await exported(round), fillAll());
    const [first] = await itemsOf(round);
    await runCommand(database, owner, (scope) => saveReport(scope, { municipalityId: asahi.municipalityId, reportId: first!.report.id }, { version: first!.report.version, values: { activity: 'ウェブで書いた内容' } }));
    const loaded = await load(bytes, round);
    const [merge] = await previewImport(database.db, loaded, new Map());
    expect(merge!.conflicts).toEqual([{ key: 'activity', label: '取組の内容', web: 'ウェブで書いた内容', workbook: '行1の欄2\n二行目', cell: '取組報告!G5', webHash: valueHash('ウェブで書いた内容') }]);
    expect(merge!.changes.map((c) => c.key)).toEqual(['shared-issue', 'collaboration', 'outcome']);
    const outcome = await apply(loaded);
    expect(outcome.conflictsLeft).toBe(1);
    expect((await current(first!)).report).toMatchObject({ state: 'draft', values: { activity: 'ウェブで書いた内容', outcome: '行1の欄4\n二行目' } });
  });

  it('takes the workbook’s value over a conflict only for the web value the secretariat saw', async () => {
    const round = await newRound('選択');
    const bytes = await editWorkbook(await exported(round), fillAll());
    const [first] = await itemsOf(round);
    const target = { municipalityId: asahi.municipalityId, reportId: first!.report.id };
    const saved = await runCommand(database, owner, (scope) => saveReport(scope, target, { version: first!.report.version, values: { activity: '見た値' } }));
    const decisions: Decisions = new Map([[decisionKey(first!.report.id, 'activity'), { workbookOver: valueHash('見た値') }]]);
    // Changed again on the web after the preview: the decision was about another value, so it is a conflict again.
    if (!saved.ok) throw new Error('save failed');
    await runCommand(database, owner, (scope) => saveReport(scope, target, { version: saved.value.version, values: { activity: 'その後の値' } }));
    expect((await apply(await load(bytes, round), decisions)).conflictsLeft).toBe(1);
    expect((await current(first!)).report.values['activity']).toBe('その後の値');
    const fresh = new Map([[decisionKey(first!.report.id, 'activity'), { workbookOver: valueHash('その後の値') }]]) as Decisions;
    const outcome = await apply(await load(bytes, round), fresh);
    expect(outcome.conflictsLeft).toBe(0);
    expect((await current(first!)).report).toMatchObject({ state: 'submitted', values: { activity: '行1の欄2\n二行目' } });
  });

  it('keeps a web change the owner did not touch in the workbook, without calling it a conflict', async () => {
    const round = await newRound('片側');
    const bytes = await editWorkbook(await exported(round), (workbook) => answer(workbook.getWorksheet(SINGLE_OWNER_SHEET)!, 0, 3, '成果だけ'));
    const [first] = await itemsOf(round);
    await runCommand(database, owner, (scope) => saveReport(scope, { municipalityId: asahi.municipalityId, reportId: first!.report.id }, { version: first!.report.version, values: { activity: 'ウェブ' } }));
    const outcome = await apply(await load(bytes, round));
    expect(outcome.conflictsLeft).toBe(0);
    expect((await current(first!)).report.values).toMatchObject({ activity: 'ウェブ', outcome: '成果だけ' });
  });

  it('leaves accepted reports and closed rounds alone, saying why', async () => {
    const openRoundRow = await demo.round('open');
    const items = await itemsOf(openRoundRow);
    const submitted = items.find((i) => i.report.state === 'submitted')!;
    const bytes = await editWorkbook(await exported(openRoundRow, submitted.owners[0]!.id), (workbook) => answer(workbook.getWorksheet(SINGLE_OWNER_SHEET)!, 0, 0, '受理の後に'));
    await runCommand(database, secretariat, (scope) => acceptReport(scope, { municipalityId: asahi.municipalityId, reportId: submitted.report.id }, { version: submitted.report.version }));
    const outcome = await apply(await load(bytes, openRoundRow));
    expect(inJapanese(outcome.merges[0])).toMatchObject({ skipped: '受理済みの報告は変更しません。', changes: [] });
    expect((await current(submitted)).report.values['shared-issue']).not.toBe('受理の後に');
    const finished = await demo.round('finished');
    const late = await editWorkbook(await exported(finished, shakyo), (workbook) => answer(workbook.getWorksheet(SINGLE_OWNER_SHEET)!, 0, 0, '締切後'));
    expect(inJapanese((await apply(await load(late))).merges[0]!.skipped)).toBe('この報告の回は締め切られています。取り込むには、回を再開してください。');
  });
});

describe('a workbook that cannot be taken', () => {
  it('names a workbook of another round, with both rounds in 和暦', async () => {
    const round = await newRound('本来の回');
    const other = await newRound('別の回');
    expect(await problems(await exported(other), round)).toEqual(['このファイルは 令和6年度 旭区「本来の回」 の照会ではありません（令和6年度 旭区「別の回」 の照会のファイルです）。']);
  });

  it('names a renamed sheet and the sheet it became', async () => {
    const round = await newRound('改名');
    const bytes = await editWorkbook(await exported(round), (workbook) => {
      workbook.getWorksheet(SINGLE_OWNER_SHEET)!.name = '報告';
    });
    expect(await problems(bytes, round)).toEqual([
      'シート「取組報告」がありません。シートの名前を変えたり、シートを削除したりしないでください。',
      '照会にないシート「報告」があります。シートの名前を変えたり、シートを追加したりしないでください。',
    ]);
  });

  it('names a value that is not one of the scale’s options, by cell and field', async () => {
    const round = await newRound('選択肢', reportFormPresets.review);
    const bytes = await editWorkbook(await exported(round), (workbook) => answer(workbook.getWorksheet(SINGLE_OWNER_SHEET)!, 1, 1, 'たぶんA'));
    expect(await problems(bytes, round)).toEqual([
      '取組報告!G6 「評価」：「たぶんA」は選択肢にありません。▼の一覧（A：計画どおり進んでいる／B：おおむね進んでいる／C：あまり進んでいない／D：進んでいない）から選んでください。',
    ]);
  });

  it('names text that is too long', async () => {
    const round = await newRound('長文');
    const bytes = await editWorkbook(await exported(round), (workbook) => answer(workbook.getWorksheet(SINGLE_OWNER_SHEET)!, 2, 3, 'あ'.repeat(10_001)));
    expect(await problems(bytes, round)).toEqual(['取組報告!I7 「成果」：10,000文字以内にしてください（今は10,001文字です）。']);
  });

  it('names a deleted row and writing outside the answer rows', async () => {
    const round = await newRound('行削除');
    const bytes = await editWorkbook(await exported(round), (workbook) => {
      const sheet = workbook.getWorksheet(SINGLE_OWNER_SHEET)!;
      sheet.spliceRows(6, 1);
      answer(sheet, 4, 0, '下の行に書いた');
    });
    expect(await problems(bytes, round)).toEqual([
      '取組報告!A6：番号2の行がこの位置にありません（「3」になっています）。行を削除したり動かしたりしないでください。',
      '取組報告!A7：番号3の行がこの位置にありません（「」になっています）。行を削除したり動かしたりしないでください。',
      '取組報告!F9：照会の行の外に書かれています。記入は各行の黄色の欄にしてください。',
    ]);
  });

  it('names a moved column by its header cell', async () => {
    const round = await newRound('列');
    const bytes = await editWorkbook(await exported(round), (workbook) => workbook.getWorksheet(SINGLE_OWNER_SHEET)!.spliceColumns(6, 1));
    expect((await problems(bytes, round))[0]).toBe('取組報告!F4 「地域と共有した課題」：列の見出しが「取組の内容」に変わっています。列を削除したり動かしたりしないでください。');
  });

  it('names a file that is not a workbook, an old .xls, an empty file, and a workbook not made here', async () => {
    expect(await problems(new TextEncoder().encode('報告です'), undefined, '報告.txt')).toEqual([
      'Excelのファイル（.xlsx）ではないファイル（報告.txt）です。照会でお送りした .xlsx のファイルのまま保存して、アップロードしてください。',
    ]);
    expect((await problems(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]), undefined, '報告.xls'))[0]).toContain('古い形式のExcel（.xls）のファイルです');
    expect(await problems(new Uint8Array(), undefined, '報告.xlsx')).toEqual(['ファイルが空です。記入したExcelのファイル（.xlsx）を選んでください。']);
    const foreign = new ExcelJS.Workbook();
    foreign.addWorksheet('Sheet1').getCell('A1').value = '実績';
    expect((await problems(new Uint8Array(await foreign.xlsx.writeBuffer())))[0]).toContain('支えあいから書き出した照会のファイルではありません');
  });

  it('names two sheets that disagree on a joint report', async () => {
    const round = await newRound('共同の食い違い');
    const bytes = await editWorkbook(await exported(round, null), (workbook) => {
      answer(workbook.getWorksheet('旭区社会福祉協議会')!, 2, 0, '社協の書き方');
      answer(workbook.getWorksheet('地域ケアプラザ')!, 0, 0, 'ケアプラザの書き方');
    });
    expect(await problems(bytes, round)).toEqual(['旭区社会福祉協議会!F7 と 地域ケアプラザ!F5 「地域と共有した課題」：共同の報告に、シートごとに違う内容が書かれています。どちらか一方にそろえてください。']);
  });
});
