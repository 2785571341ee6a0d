export const organisationPaths = {
  list: (m: string) => `/m/${m}/organisations`,
  one: (m: string, key: string) => `/m/${m}/organisations/${encodeURIComponent(key)}`,
  adminList: (m: string) => `/admin/m/${m}/organisations`,
  adminNew: (m: string) => `/admin/m/${m}/organisations/new`,
  adminOne: (m: string, key: string) => `/admin/m/${m}/organisations/${encodeURIComponent(key)}`,
  adminEdit: (m: string, key: string) => `/admin/m/${m}/organisations/${encodeURIComponent(key)}/edit`,
};
