/**
 * The columns of a plan period's structure file (the 計画構成 sheet of the workbook, and the CSV), in order. The
 * header row names them; an import finds each column by its header, so columns may not be renamed or removed but a
 * user's extra columns are ignored.
 */
export const STRUCTURE_SHEET = '計画構成';
export const GUIDE_SHEET = '記入方法';
/** Hidden sheet with the ids of the plan and period and each row's state at export, for conflict checks. */
export const META_SHEET = '書き出し情報';

export const columnKeys = [
  'level',
  'depth',
  'id',
  'version',
  'code',
  'parentCode',
  'title',
  'owners',
  'description',
  'situation',
  'vision',
  'keywords',
  'examples',
] as const;
export type ColumnKey = (typeof columnKeys)[number];

type ColumnSpec = { header: string; width: number; hidden?: boolean; guide: string };

export const columns: Record<ColumnKey, ColumnSpec> = {
  level: { header: '階層', width: 12, guide: '階層の名前（目指す姿・取組目標など）。「階層の深さ」から決まるので、空のままでも構いません。' },
  depth: { header: '階層の深さ', width: 8, guide: '1 が最上位、2 がその下…。行の並び順と深さで親子が決まります。前の行より二つ以上深くはできません。' },
  id: { header: '識別子', width: 10, hidden: true, guide: '項目の識別子（変更しないでください）。新しい行は空にします。行を削除すると、その項目は削除の候補になります。' },
  version: { header: '版', width: 6, hidden: true, guide: '書き出したときの項目の版（変更しないでください）。他の人が後から変更した項目を見分けるのに使います。' },
  code: { header: '番号', width: 8, guide: '項目の番号（1、1-1 など）。同じ親の下で同じ番号は使えません。' },
  parentCode: { header: '親の番号', width: 10, guide: '親の項目の番号（最上位は空）。行を別の項目の下へ動かしたときは、ここも新しい親の番号に直します。' },
  title: { header: '項目名', width: 40, guide: '項目の名前。空にはできません。' },
  owners: { header: '推進主体', width: 30, guide: '推進主体を「、」で区切って書きます。推進主体の一覧にある名前か別名を使ってください。' },
  description: { header: '説明', width: 50, guide: '説明文。改行はそのまま残ります。' },
  situation: { header: '現状と課題', width: 60, guide: '「■」で始まる行が見出し、その次の行から次の「■」の行までが本文です。本文の行が「■」か「\\」で始まるときは、前に「\\」を付けます。' },
  vision: { header: '5年後の目指す姿', width: 50, guide: '5年後の目指す姿。改行はそのまま残ります。' },
  keywords: { header: 'キーワード', width: 30, guide: 'キーワードを1行に1つ書きます（キーワードの中に「、」を含むものがあるため、区切りは改行です）。' },
  examples: { header: '取組例', width: 50, guide: '代表的な取組例を1行に1つ書きます。' },
};

/** A1-style column letter of the n-th column (0-based). */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

export const headerRow = (): string[] => columnKeys.map((key) => columns[key].header);
