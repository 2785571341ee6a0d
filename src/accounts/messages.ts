import { defineMessages } from '../kernel/i18n/index.ts';

/** Logging in, one's own password and the administration of accounts. Japanese is the source; English is complete. */
export const accountMessages = defineMessages({
  'login.title': { ja: 'ログイン', en: 'Log in' },
  'login.login': { ja: 'ログインID', en: 'Login ID' },
  'login.password': { ja: 'パスワード', en: 'Password' },
  'login.submit': { ja: 'ログインする', en: 'Log in' },
  'login.failed': { ja: 'ログインIDまたはパスワードが正しくありません。', en: 'The login ID or password is not correct.' },
  'login.throttled': {
    ja: 'ログインの失敗が続いたため、しばらくログインできません。{minutes}分ほどおいてから再度お試しください。',
    en: 'Too many failed attempts. Try again in about {minutes} minutes.',
  },
  'login.required': { ja: 'ログインIDを入力してください', en: 'Enter your login ID' },
  'login.passwordRequired': { ja: 'パスワードを入力してください', en: 'Enter your password' },
  'account.title': { ja: 'アカウント管理', en: 'Accounts' },
  'account.add': { ja: 'アカウントを作成する', en: 'Create an account' },
  'account.edit': { ja: 'アカウントの編集', en: 'Edit account' },
  'account.displayName': { ja: '表示名', en: 'Display name' },
  'account.email': { ja: 'メールアドレス（任意）', en: 'Email address (optional)' },
  'account.emailHint': { ja: '督促メールなどの送り先です。', en: 'Where reminders and notices are sent.' },
  'account.role': { ja: '役割', en: 'Role' },
  'account.ward': { ja: '区', en: 'Ward' },
  'account.organisation': { ja: '推進主体', en: 'Promoting body' },
  'account.district': { ja: '地区', en: 'District' },
  'account.scopeHint': {
    ja: '役割に合うものを一つ選びます：区の事務局・推進会議委員は区、推進主体の担当者は推進主体、地区別支援チームは地区。',
    en: 'Choose the one the role needs: a ward for a ward secretariat or a committee member, a promoting body for its staff, a district for a district support team.',
  },
  'account.none': { ja: '（指定しない）', en: '(none)' },
  'account.belongsTo': { ja: '所属', en: 'Belongs to' },
  'account.wholeCity': { ja: '市全体', en: 'Whole city' },
  'account.state': { ja: '状態', en: 'State' },
  'account.state.enabled': { ja: '有効', en: 'Enabled' },
  'account.state.disabled': { ja: '無効', en: 'Disabled' },
  'account.mustChangeBadge': { ja: 'パスワード変更待ち', en: 'Must change password' },
  'account.filter': { ja: '絞り込む', en: 'Filter' },
  'account.filter.all': { ja: 'すべて', en: 'All' },
  'account.empty': { ja: '条件に合うアカウントはありません。', en: 'No accounts match.' },
  'account.count': { ja: '{count}件', en: '{count} accounts' },
  'account.disable': { ja: '無効にする', en: 'Disable' },
  'account.enable': { ja: '有効にする', en: 'Enable' },
  'account.disableConfirm': { ja: 'このアカウントを無効にします。ログイン中の端末もすぐにログアウトされます。よろしいですか。', en: 'Disable this account? Anyone using it is logged out at once.' },
  'account.disabledNotice': { ja: 'このアカウントは無効です。ログインできません。', en: 'This account is disabled and cannot log in.' },
  'account.resetPassword': { ja: 'パスワードを再設定する', en: 'Reset password' },
  'account.newPassword': { ja: '新しいパスワード', en: 'New password' },
  'account.passwordHint': {
    ja: '12文字以上。ログインIDを含まず、よく使われるパスワードでないもの。長い文（パスフレーズ）がおすすめです。',
    en: 'At least 12 characters, without the login ID, and not a commonly used password. A long phrase works well.',
  },
  'account.passwordChangeRequired': { ja: '次回ログイン時に本人にパスワードを変更してもらう', en: 'Ask the person to choose a new password when they next log in' },
  'account.resetNotice': { ja: 'パスワードを再設定しました。このアカウントのログインはすべて終了しました。', en: 'The password was reset. Every session of this account has ended.' },
  'account.savedNotice': { ja: 'アカウントを保存しました。', en: 'The account was saved.' },
  'account.disabledDone': { ja: 'アカウントを無効にしました。', en: 'The account was disabled.' },
  'account.enabledDone': { ja: 'アカウントを有効にしました。', en: 'The account was enabled.' },
  'account.loginTaken': { ja: 'このログインIDは既に使われています', en: 'This login ID is already taken' },
  'account.roleNotAllowed': { ja: 'この役割・所属のアカウントは管理できません', en: 'You cannot manage an account with this role and scope' },
  'account.notYourself': { ja: 'ご自身のアカウントの役割の変更や無効化はできません（他の管理者に依頼してください）', en: 'You cannot change the role of or disable your own account (ask another administrator)' },
  'account.changePassword': { ja: 'パスワードの変更', en: 'Change password' },
  'account.changePasswordLink': { ja: 'パスワードを変更する', en: 'Change your password' },
  'account.currentPassword': { ja: '今のパスワード', en: 'Current password' },
  'account.mustChange': {
    ja: '管理者がパスワードを再設定しました。続けるには、ご自身で新しいパスワードを決めてください。',
    en: 'An administrator reset your password. Choose a new one of your own to continue.',
  },
  'account.changedNotice': { ja: 'パスワードを変更しました。他の端末でのログインは終了しました。', en: 'Your password was changed. Your other sessions have ended.' },
});

type AccountMessages = typeof accountMessages;

declare module '../kernel/i18n/index.ts' {
  interface MessageKeys extends AccountMessages {}
}
