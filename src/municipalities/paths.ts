export const municipalityPaths = {
  municipality: (m: string) => `/m/${m}`,
  ward: (m: string, ward: string) => `/m/${m}/wards/${encodeURIComponent(ward)}`,
  adminContact: (m: string, ward: string) => `/admin/m/${m}/wards/${encodeURIComponent(ward)}/contact`,
};
