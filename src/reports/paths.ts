/** Public and admin URLs of the reports module, in one place. */
const ward = (m: string, w: string) => `/admin/m/${m}/wards/${encodeURIComponent(w)}`;
const round = (m: string, id: string) => `/admin/m/${m}/rounds/${id}`;
const report = (m: string, id: string) => `/admin/m/${m}/reports/${id}`;

export const reportPaths = {
  publicYear: (m: string, w: string, fiscalYear: number) => `/m/${m}/wards/${encodeURIComponent(w)}/reports/${fiscalYear}`,
  publicReport: (m: string, id: string) => `/m/${m}/reports/${id}`,
  rounds: (m: string, w: string) => `${ward(m, w)}/rounds`,
  newRound: (m: string, w: string) => `${ward(m, w)}/rounds/new`,
  form: (m: string, w: string) => `${ward(m, w)}/report-form`,
  acceptedYear: (m: string, w: string, fiscalYear: number) => `${ward(m, w)}/reports/${fiscalYear}`,
  round,
  reminders: (m: string, id: string) => `${round(m, id)}/reminders.csv`,
  roundStatus: (m: string, id: string) => `${round(m, id)}/status`,
  bulkReview: (m: string, id: string) => `${round(m, id)}/review`,
  addAssignments: (m: string, id: string) => `${round(m, id)}/assignments`,
  myReports: (m: string) => `/admin/m/${m}/my-reports`,
  report,
  edit: (m: string, id: string) => `${report(m, id)}/edit`,
  submit: (m: string, id: string) => `${report(m, id)}/submit`,
  return: (m: string, id: string) => `${report(m, id)}/return`,
  accept: (m: string, id: string) => `${report(m, id)}/accept`,
  publication: (m: string, id: string) => `${report(m, id)}/publication`,
};
