export const accountPaths = {
  ownPassword: '/account/password',
  adminList: (m: string) => `/admin/m/${m}/accounts`,
  adminNew: (m: string) => `/admin/m/${m}/accounts/new`,
  adminOne: (m: string, id: string) => `/admin/m/${m}/accounts/${id}`,
  adminEdit: (m: string, id: string) => `/admin/m/${m}/accounts/${id}/edit`,
  adminState: (m: string, id: string) => `/admin/m/${m}/accounts/${id}/state`,
  adminPassword: (m: string, id: string) => `/admin/m/${m}/accounts/${id}/password`,
};
