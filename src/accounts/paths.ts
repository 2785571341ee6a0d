import { redirectNotices } from '../kernel/web/notices.ts';

export const accountPaths = {
  login: '/login',
  ownPassword: '/account/password',
  adminList: (m: string) => `/admin/m/${m}/accounts`,
  adminNew: (m: string) => `/admin/m/${m}/accounts/new`,
  adminOne: (m: string, id: string) => `/admin/m/${m}/accounts/${id}`,
  adminEdit: (m: string, id: string) => `/admin/m/${m}/accounts/${id}/edit`,
  adminState: (m: string, id: string) => `/admin/m/${m}/accounts/${id}/state`,
  adminPassword: (m: string, id: string) => `/admin/m/${m}/accounts/${id}/password`,
};

/** What the login page confirms after another page sent the browser there (the first setup). */
export const loginNotices = redirectNotices({ setUp: 'login.setUpNotice' });
