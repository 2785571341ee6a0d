/** Every URL of the evaluations module, in one place. */
const plan = (m: string, key: string) => `/admin/m/${m}/plans/${encodeURIComponent(key)}`;
const api = (m: string, key: string) => `/api/v1/municipalities/${m}/plans/${encodeURIComponent(key)}/evaluations`;

export const evaluationPaths = {
  scale: (m: string, key: string) => `${plan(m, key)}/evaluation-scale`,
  years: (m: string, key: string) => `${plan(m, key)}/evaluations`,
  year: (m: string, key: string, fiscalYear: number) => `${plan(m, key)}/evaluations/${fiscalYear}`,
  publication: (m: string, key: string, fiscalYear: number) => `${plan(m, key)}/evaluations/${fiscalYear}/publication`,
  json: api,
  csv: (m: string, key: string) => `${api(m, key)}.csv`,
};
