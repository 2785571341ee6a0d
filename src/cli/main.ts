import { OperatorError } from '../kernel/process/operator-error.ts';
import { CliError } from './errors.ts';
import { importHelp, materialHelp, parseHelp, planStructureHelp, setupHelp, userAddHelp, userManageHelp, workbookHelp } from './help.ts';
import type { Database } from '../kernel/db/database.ts';

const help = `支えあい（Sasaeai）コマンドライン

使い方: ./bin/sasaeai <コマンド> [オプション]

  help                     この説明を表示します
  db migrate               データベースを最新のスキーマにします（起動時にも自動で行います）
  setup …                  デモなしの最初の起動で、市町村と区、最初の管理者を作ります
  demo                     デモデータ（横浜市 戸塚区・鶴見区・旭区）を読み込み直します
  user add …               アカウントを作成します
  user list …              アカウントを一覧にします
  user set-password …      パスワードを再設定します
  user disable / enable …  アカウントを無効にする・有効に戻す
  plan export …            計画の期の構成を Excel か CSV に書き出します
  plan import FILE …       編集した計画の構成（Excel・CSV）を確認して取り込みます
  parse FILE [--json]      計画書・会議資料（.txt .md .pdf .docx .xlsx .csv）を読み取り、内容を表示します
  import FILE --ward 区    文書を読み取り、区の計画に取り込みます（--dry-run で表示だけ）
  backup FILE              データベース全体を FILE に書き出します（gzip された JSON Lines）
  restore FILE             FILE を空のデータベースに復元します
  reports export-xlsx …    報告の回の庁内照会のExcelファイルを書き出します
  reports import-xlsx FILE 記入された庁内照会のExcelファイルを確認して取り込みます
  material …               推進会議の資料を PDF か Word で書き出します
  search-reindex [--municipality URL名]
                           検索の索引を計画・報告・会議・推進主体から作り直します（既定はすべての市町村。
                           ふだんは変更と同時に更新され、起動時に空なら作ります）

${setupHelp}

${userAddHelp}

${userManageHelp}

${planStructureHelp}

${parseHelp}

${importHelp}

${workbookHelp}

${materialHelp}

データベースは npm start と同じく DATA_DIR（既定 ./data）か DATABASE_URL で指定します。
PGlite のデータフォルダは一度に一つのプロセスしか開けません。アプリを止めてから実行してください。`;

type Command = (args: string[]) => Promise<string>;

/**
 * A command's module is loaded when the command runs, not before: `help` answers at once, and `parse` does not wait
 * for the database, the documents and the rest to load.
 */
async function withDatabase<T>(work: (database: Database) => Promise<T>): Promise<T> {
  return (await import('./database.ts')).withDatabase(work);
}

type DatabaseCommand = (database: Database, args: string[]) => Promise<string>;

/** A command that runs on the database, its module loaded only when it runs. */
function onDatabase<M>(load: () => Promise<M>, pick: (module: M) => DatabaseCommand): Command {
  return (args) => withDatabase(async (database) => pick(await load())(database, args));
}

const commands: Record<string, Command> = {
  help: async () => help,
  'db migrate': () => withDatabase(async () => 'データベースは最新のスキーマです'),
  demo: () =>
    withDatabase(async (database) => {
      const { loadDemo } = await import('../demo/load.ts');
      const s = await loadDemo(database, { replace: true });
      return `デモデータを読み込みました: ${s!.municipality}・${s!.wards}区・推進主体${s!.organisations}件・計画${s!.plans}件・期${s!.periods}件・項目${s!.nodes}件・アカウント${s!.accounts}件`;
    }),
  setup: onDatabase(() => import('./setup.ts'), (m) => m.setupCommand),
  'user add': onDatabase(() => import('./user-add.ts'), (m) => m.userAdd),
  'user list': onDatabase(() => import('./user-manage.ts'), (m) => m.userList),
  'user set-password': onDatabase(() => import('./user-manage.ts'), (m) => m.userSetPassword),
  'user disable': onDatabase(() => import('./user-manage.ts'), (m) => m.userDisable),
  'user enable': onDatabase(() => import('./user-manage.ts'), (m) => m.userEnable),
  'plan export': onDatabase(() => import('./plan-structure.ts'), (m) => m.planExport),
  'plan import': onDatabase(() => import('./plan-structure.ts'), (m) => m.planImport),
  'reports export-xlsx': onDatabase(() => import('./reports-workbook.ts'), (m) => m.exportXlsx),
  'reports import-xlsx': onDatabase(() => import('./reports-workbook.ts'), (m) => m.importXlsx),
  material: onDatabase(() => import('./material.ts'), (m) => m.materialCommand),
  'search-reindex': onDatabase(() => import('./search-reindex.ts'), (m) => m.searchReindex),
  parse: async (args) => (await import('./parse.ts')).parseCommand(args),
  import: onDatabase(() => import('./import.ts'), (m) => m.importCommand),
  backup: async ([file]) => {
    if (!file) throw new CliError('書き出すファイル名を指定してください: ./bin/sasaeai backup FILE');
    const { backupDatabase } = await import('../kernel/db/backup.ts');
    return withDatabase(async (database) => `${file} に ${(await backupDatabase(database, file)).rows} 行を書き出しました`);
  },
  restore: async ([file]) => {
    if (!file) throw new CliError('復元するファイル名を指定してください: ./bin/sasaeai restore FILE');
    const { restoreDatabase } = await import('../kernel/db/backup.ts');
    return withDatabase(async (database) => `${file} から ${(await restoreDatabase(database, file)).rows} 行を復元しました`);
  },
};

function findCommand(argv: string[]): { command: Command; args: string[] } | null {
  const two = argv.slice(0, 2).join(' ');
  if (commands[two]) return { command: commands[two]!, args: argv.slice(2) };
  const one = argv[0] ?? 'help';
  if (commands[one]) return { command: commands[one]!, args: argv.slice(1) };
  return null;
}

async function main(argv: string[]): Promise<number> {
  const found = findCommand(argv);
  if (!found) {
    console.error(`知らないコマンドです: ${argv.join(' ')}\n\n${help}`);
    return 2;
  }
  try {
    console.log(await found.command(found.args));
    return 0;
  } catch (error) {
    if (error instanceof OperatorError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      console.error(`エラー: ${(error as Error).message}`);
      return 1;
    }
    throw error;
  }
}

process.exitCode = await main(process.argv.slice(2));
