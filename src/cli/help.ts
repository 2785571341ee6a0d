/** The command line's help texts, apart from the commands so that `help` and a mistyped command answer without loading them. */
import { MIN_PASSWORD_LENGTH } from '../accounts/password-rules.ts';
import { roles } from '../kernel/auth/actor.ts';
import { municipalityKinds } from '../municipalities/queries.ts';

export const passwordHelp = `  パスワードは環境変数 SASAEAI_PASSWORD か、--password-stdin で標準入力から渡します（コマンド行には書きません）。
  どちらもなければ端末で二回たずねます（入力は表示されません）。
  パスワードは${MIN_PASSWORD_LENGTH}文字以上で、ログインIDを含まず、よく使われるパスワードの一覧にないものにします。`;

export const userAddHelp = `./bin/sasaeai user add --login ID --name 表示名 --role 役割 [--ward 区] [--organisation キー] [--district 地区] [--email アドレス] [--municipality 市] [--password-stdin]
  役割: ${roles.join(' | ')}
  --email は督促メールの送り先（推進主体の担当者など。省略可）。
${passwordHelp}`;

export const setupHelp = `./bin/sasaeai setup --name 市町村名 [--romanised-name ローマ字名] --slug URL名 --prefecture 都道府県 [--kind 種類] --ward "asahi 旭区 [Asahi]" [--ward …] --login ID --display-name 表示名 [--password-stdin]
  デモを読み込まない最初の起動（LOAD_DEMO=never）で、市町村と区、最初の市の管理者を作ります。データベースに
  市町村かアカウントが既にあれば何もせず終了コード 1。種類: ${municipalityKinds.join(' | ')}（既定 designated_city）
${passwordHelp}`;

export const userManageHelp = `./bin/sasaeai user list [--role 役割] [--ward 区] [--disabled | --enabled] [--municipality 市]
  アカウントを一覧にします（ログインID・役割・所属・状態）。
./bin/sasaeai user set-password --login ID [--must-change] [--password-stdin]
  パスワードを再設定し、そのアカウントのログインをすべて終了します。--must-change で次回ログイン時に本人に変更を求めます。
${passwordHelp}
./bin/sasaeai user disable --login ID   アカウントを無効にし、ログイン中のセッションもすぐに終了します
./bin/sasaeai user enable --login ID    無効にしたアカウントを有効に戻します`;

export const planStructureHelp = `./bin/sasaeai plan export --ward 区 --period 期 --out FILE [--format xlsx|csv] [--plan キー]
  計画の期の構成（1行に1項目: 階層・番号・項目名・推進主体・本文）を Excel（.xlsx）か CSV（UTF-8、BOM付き）に書き出します。
  --format を省くと FILE の拡張子で決めます。区に計画が二つ以上あるときは --plan で計画のキーを指定します。
./bin/sasaeai plan import FILE --ward 区 --period 期 [--dry-run] [--allow-removal] [--overwrite 識別子 …] [--plan キー]
  編集したファイルを確認し、変更の一覧を表示してから一つのトランザクションで取り込みます。--dry-run は表示だけ。
  行を消した項目の削除は --allow-removal を付けたときだけ、書き出しの後に他の人が変更した項目の上書きは
  --overwrite でその識別子を指定したときだけ行います。`;

export const parseHelp = `./bin/sasaeai parse FILE [--json]
  文書（.txt .md .pdf .docx .xlsx .csv）を読み取り、計画・指標・報告・調査・会議・日程などを表示します。
  --json を付けると交換形式（src/reading/interchange.schema.json）の JSON を出力します。`;

export const importHelp = `./bin/sasaeai import FILE --ward 区 [--dry-run] [--overwrite-conflicts] [--as 名前] [--municipality 市]
  文書を読み取り、区の計画に取り込みます。追加・変更・競合（手で編集された値）・文書にない項目・未対応の内容・
  読めなかった行を表示してから、一つのトランザクションで書き込みます。
  --dry-run               表示だけして書き込みません
  --overwrite-conflicts   手で編集された値も文書の値で上書きします（付けなければ競合はそのまま残り、終了コードは 1）
  --as 名前               変更履歴に残す名前（既定「取込（CLI）」）
  区は「旭区」「旭」「asahi」のどれでも指定できます。`;

export const workbookHelp = `./bin/sasaeai reports export-xlsx --ward 区 --fiscal-year 年度 --out FILE [--owner 推進主体]
  報告の回の庁内照会のExcelファイルを書き出します。--owner を付けないと、推進主体ごとのシートを一つのファイルに入れます。
  年度は西暦（令和6年度 → 2024）。その年度の回が複数あるときは、いちばん新しい回です。
./bin/sasaeai reports import-xlsx FILE [--dry-run] [--as ログインID]
  記入されたファイルを取り込みます。変わる内容・競合・取り込まない報告を表示し、--dry-run なら保存しません。
  競合（書き出した後にウェブでも変更された欄）は上書きせず、残したことを表示します。--as で取り込む事務局のアカウントを指定します。`;

export const materialHelp = `./bin/sasaeai material --ward 区 --fiscal-year 年度 --format pdf|docx --out FILE [--meeting ID] [--municipality 市]
  推進会議の資料（表紙と次第、計画の概要、その年度の受理済みの取組報告）を PDF か Word で書き出します。
  年度は 2023 か 令和5年度 の形で。--meeting を省くと、その年度の報告を資料に含む会議が区に一つだけならその会議の資料を、
  そうでなければ標準の資料（表紙「令和5年度 取組報告」、その年度を含む期の計画の概要、受理済みのすべての報告）を作ります。`;
