import { defineMessages } from '../kernel/i18n/index.ts';

/** The reader: why a file cannot be read, shown on the document import's upload form. Japanese is the source; English is complete. */
export const readingMessages = defineMessages({
  'read.failed': { ja: '{file}: {reason}', en: '{file}: {reason}' },
  'read.refused': { ja: '{file}: {reason}', en: '{file} {reason}' },
  'read.noExtension': {
    ja: '拡張子がありません。{supported} のいずれかにしてください',
    en: 'The file name has no extension. Use one of {supported}',
  },
  'read.unsupported': {
    ja: '{ext} の形式には対応していません。{supported} のいずれかにしてください',
    en: 'Files of type {ext} are not supported. Use one of {supported}',
  },
  'read.oldOffice': {
    ja: '古い Office 形式（.doc / .xls）のようです。Word や Excel で .docx / .xlsx として保存し直してください',
    en: 'This looks like an old Office file (.doc / .xls). Save it again from Word or Excel as .docx / .xlsx',
  },
  'read.misnamedText': {
    ja: '拡張子は {ext} ですが、中身は{kind}のようです。拡張子を直してください',
    en: 'The extension is {ext}, but the content looks like {kind}. Correct the extension',
  },
  'read.notKind': {
    ja: '{kind}ではありません（中身はテキストか、壊れたファイルのようです）',
    en: 'This is not {kind} (the content looks like text, or the file is broken)',
  },
  'read.misnamed': { ja: '拡張子は {ext} ですが、中身は{kind}のようです', en: 'The extension is {ext}, but the content looks like {kind}' },
  'read.kind.pdf': { ja: 'PDF', en: 'a PDF' },
  'read.kind.docx': { ja: 'Word 文書（.docx）', en: 'a Word document (.docx)' },
  'read.kind.xlsx': { ja: 'Excel ブック（.xlsx）', en: 'an Excel workbook (.xlsx)' },
  'read.kind.zip': { ja: 'ZIP 圧縮ファイル', en: 'a ZIP archive' },
  'read.kind.ole': { ja: '古い Office 形式（.doc / .xls）', en: 'an old Office file (.doc / .xls)' },
  'read.kind.image': { ja: '画像', en: 'an image' },
  'read.kind.text': { ja: 'テキスト', en: 'text' },
  'read.empty': { ja: 'ファイルが空です（0 バイト）', en: 'The file is empty (0 bytes)' },
  'read.blank': { ja: 'ファイルに文字がありません（空白と改行だけです）', en: 'The file has no text (only spaces and line breaks)' },
  'read.tooBig': {
    ja: 'ファイルが大きすぎます（{size} MB。読み込めるのは {max} MB までです）',
    en: 'The file is too large ({size} MB; files up to {max} MB can be read)',
  },
  'read.folder': { ja: 'フォルダです。ファイルを指定してください', en: 'This is a folder. Name a file' },
  'read.notFound': { ja: 'ファイルが見つかりません', en: 'The file was not found' },
  'read.cannotOpen': { ja: 'ファイルを開けません（{code}）', en: 'The file cannot be opened ({code})' },
  'read.cannotRead': { ja: 'ファイルを読めません（{code}）', en: 'The file cannot be read ({code})' },
  'read.binary': {
    ja: '文字のファイルではないようです（制御文字やバイナリのデータが含まれています）',
    en: 'This does not look like a text file (it contains control characters or binary data)',
  },
  'read.encodingUncertain': {
    ja: '文字コードが {encoding} のようですが確実には読めません。UTF-8 で保存し直してください',
    en: 'The text seems to be in {encoding} but cannot be read with certainty. Save it again as UTF-8',
  },
  'read.encodingUnknown': {
    ja: '文字のファイルではないか、文字コードを判別できません（UTF-8 で保存したテキストにしてください）',
    en: 'This is not a text file, or its character encoding cannot be told (save the text as UTF-8)',
  },
  'read.badUtf8': {
    ja: 'UTF-8 の印（BOM）がありますが、UTF-8 として正しくないバイトが含まれています',
    en: 'The file is marked as UTF-8 (BOM) but contains bytes that are not valid UTF-8',
  },
  'read.badUtf16': { ja: '文字コードが UTF-16 のようですが、途中が壊れています', en: 'The text seems to be UTF-16 but is broken part way through' },
  'read.pdfProtected': { ja: 'パスワードで保護された PDF です。保護を外してから読み込んでください', en: 'The PDF is protected by a password. Remove the protection and read it again' },
  'read.pdfBroken': {
    ja: 'PDF として読めません（壊れているか、途中で切れています）。PDF を作り直すか、元の文書（Word など）を読み込んでください',
    en: 'The file cannot be read as a PDF (it is broken or cut off). Make the PDF again, or read the original document (Word or similar)',
  },
  'read.pdfNoText': {
    ja: 'PDF に文字の層がありません（{pages}ページとも画像だけです）。OCR で文字を付けてから読み込んでください',
    en: 'The PDF has no text layer (all {pages} pages are images only). Add text with OCR and read it again',
  },
  'read.xlsxBroken': {
    ja: 'Excel ブック（.xlsx）として読めません（壊れているか、途中で切れています）。Excel で開けるか確かめ、保存し直してください',
    en: 'The file cannot be read as an Excel workbook (.xlsx): it is broken or cut off. Check that Excel opens it, and save it again',
  },
  'read.xlsxEmpty': { ja: 'Excel ブックに値の入ったセルがありません', en: 'The Excel workbook has no cell with a value' },
  'read.csvBroken': { ja: 'CSV として読めません', en: 'The file cannot be read as CSV' },
  'read.docxBroken': {
    ja: 'Word 文書（.docx）として読めません（壊れているか、途中で切れています）。Word で開けるか確かめ、保存し直してください',
    en: 'The file cannot be read as a Word document (.docx): it is broken or cut off. Check that Word opens it, and save it again',
  },
  'read.docxEmpty': { ja: 'Word 文書に文字がありません', en: 'The Word document has no text' },
});

type ReadingMessages = typeof readingMessages;

declare module '../kernel/i18n/index.ts' {
  interface MessageKeys extends ReadingMessages {}
}
