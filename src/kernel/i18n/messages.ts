import { defineMessages } from './index.ts';

/** The kernel's own interface text: the site, navigation, errors, login, roles, history and the words every form shares. Japanese is the source; English is complete. */
export const kernelMessages = defineMessages({
  'site.name': { ja: '支えあい', en: 'Sasaeai' },
  'site.tagline': { ja: '地域福祉保健計画', en: 'Community welfare and health plans' },
  'nav.skip': { ja: '本文へ移動', en: 'Skip to main content' },
  'nav.home': { ja: 'トップ', en: 'Home' },
  'nav.admin': { ja: '管理', en: 'Admin' },
  'nav.login': { ja: 'ログイン', en: 'Log in' },
  'nav.logout': { ja: 'ログアウト', en: 'Log out' },
  'nav.language': { ja: 'English', en: '日本語' },
  'nav.breadcrumb': { ja: 'パンくずリスト', en: 'Breadcrumb' },
  'nav.main': { ja: 'メインメニュー', en: 'Main menu' },
  'error.notFound.title': { ja: 'ページが見つかりません', en: 'Page not found' },
  'error.notFound.body': {
    ja: 'お探しのページは見つかりませんでした。URLに誤りがないか、またはページが移動・削除されていないかご確認ください。',
    en: 'We could not find that page. Check the address, or the page may have moved.',
  },
  'error.server.title': { ja: 'エラーが発生しました', en: 'Something went wrong' },
  'error.server.body': { ja: '申し訳ありません。処理中に問題が発生しました。時間をおいてもう一度お試しください。', en: 'Sorry, something went wrong on our side. Please try again later.' },
  'error.forbidden.title': { ja: 'この操作は許可されていません', en: 'Not allowed' },
  'error.forbidden.body': { ja: 'このページを表示または操作する権限がありません。', en: 'You do not have permission to see or do this.' },
  'error.csrf': {
    ja: 'フォームの有効期限が切れたか、不正な送信です。ページを読み込み直してからもう一度送信してください。',
    en: 'The form expired or was not sent from this site. Reload the page and send it again.',
  },
  'error.unreadableForm': {
    ja: '送信された内容を読み取れませんでした（フォームの形式が壊れています）。ページを読み込み直してから、もう一度送信してください。',
    en: 'What was sent could not be read (the form data is malformed). Reload the page and send it again.',
  },
  'error.backHome': { ja: 'トップページへ戻る', en: 'Back to the home page' },
  'error.summary': { ja: '入力内容に問題があります', en: 'There is a problem' },
  'upload.tooLarge': {
    ja: '「{file}」は約 {size} で、上限の {max} を超えています。ファイルを分けるか小さくしてから選び直してください',
    en: '"{file}" is about {size}, over the limit of {max}. Split or shrink the file and choose it again',
  },
  'upload.overLimit': {
    ja: '「{file}」は上限の {max} を超えています。ファイルを分けるか小さくしてから選び直してください',
    en: '"{file}" is over the limit of {max}. Split or shrink the file and choose it again',
  },
  'upload.chosenFile': { ja: '選んだファイル', en: 'The chosen file' },
  'admin.save': { ja: '保存する', en: 'Save' },
  'admin.cancel': { ja: '取り消す', en: 'Cancel' },
  'admin.conflict.title': { ja: '他の人が先に変更を保存しました', en: 'Someone else saved a change first' },
  'admin.conflict.body': {
    ja: 'あなたが編集している間に、この項目が他の人によって変更されました。あなたの入力は失われていません。下の二つを比べ、残したい内容にしてからもう一度保存してください。',
    en: 'While you were editing, someone else changed this item. Nothing you typed is lost. Compare both versions below, keep what you want, and save again.',
  },
  'admin.conflict.theirs': { ja: '現在保存されている内容（{who}、{when}）', en: 'Saved now ({who}, {when})' },
  'admin.conflict.yoursKept': { ja: 'あなたの入力は下のフォームに残っています。', en: 'What you typed is kept in the form below.' },
  'field.description': { ja: '説明', en: 'Description' },
  'field.name': { ja: '名称', en: 'Name' },
  'history.empty': { ja: '変更履歴はありません。', en: 'No changes recorded.' },
  'history.when': { ja: '日時', en: 'When' },
  'history.who': { ja: '変更者', en: 'Who' },
  'history.action': { ja: '操作', en: 'Action' },
  'history.changes': { ja: '変更内容', en: 'Changes' },
  'history.before': { ja: '変更前', en: 'Before' },
  'history.after': { ja: '変更後', en: 'After' },
  'role.city_admin': { ja: '市の管理者', en: 'City administrator' },
  'role.ward_secretariat': { ja: '区の事務局', en: 'Ward secretariat' },
  'role.owner_staff': { ja: '推進主体の担当者', en: 'Promoting body staff' },
  'role.committee_member': { ja: '推進会議委員', en: 'Committee member' },
  'role.district_support': { ja: '地区別支援チーム', en: 'District support team' },
  'api.title': { ja: 'API', en: 'API' },
});

type KernelMessages = typeof kernelMessages;

declare module './index.ts' {
  interface MessageKeys extends KernelMessages {}
}
