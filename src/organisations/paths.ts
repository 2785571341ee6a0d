export const organisationPaths = {
  list: (m: string) => `/m/${m}/organisations`,
  one: (m: string, key: string) => `/m/${m}/organisations/${encodeURIComponent(key)}`,
};
