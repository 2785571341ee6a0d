/** URLs of the document import, in one place. */
const base = (m: string, ward: string) => `/admin/m/${m}/wards/${encodeURIComponent(ward)}/imports`;

export const importPaths = {
  list: base,
  preview: (m: string, ward: string, id: string) => `${base(m, ward)}/${id}`,
  corrections: (m: string, ward: string, id: string) => `${base(m, ward)}/${id}/corrections`,
  apply: (m: string, ward: string, id: string) => `${base(m, ward)}/${id}/apply`,
  discard: (m: string, ward: string, id: string) => `${base(m, ward)}/${id}/discard`,
};
