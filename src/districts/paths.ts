/** Every URL of the districts module, in one place; a district is named by its ward and its slug. */
const ward = (m: string, w: string) => `/m/${m}/wards/${encodeURIComponent(w)}/districts`;
const adminWard = (m: string, w: string) => `/admin/m/${m}/wards/${encodeURIComponent(w)}/districts`;
const admin = (m: string, w: string, d: string) => `${adminWard(m, w)}/${encodeURIComponent(d)}`;

export const districtPaths = {
  ward,
  district: (m: string, w: string, d: string) => `${ward(m, w)}/${encodeURIComponent(d)}`,
  adminWard,
  admin,
  details: (m: string, w: string, d: string) => `${admin(m, w, d)}/details`,
  team: (m: string, w: string, d: string) => `${admin(m, w, d)}/team`,
  statistics: (m: string, w: string, d: string) => `${admin(m, w, d)}/statistics`,
  milestones: (m: string, w: string, d: string) => `${admin(m, w, d)}/milestones`,
  plan: (m: string, w: string, d: string) => `${admin(m, w, d)}/plan`,
  activities: (m: string, w: string, d: string) => `${admin(m, w, d)}/activities`,
  newActivity: (m: string, w: string, d: string) => `${admin(m, w, d)}/activities/new`,
  activity: (m: string, w: string, d: string, id: string) => `${admin(m, w, d)}/activities/${id}`,
  editActivity: (m: string, w: string, d: string, id: string) => `${admin(m, w, d)}/activities/${id}/edit`,
  deleteActivity: (m: string, w: string, d: string, id: string) => `${admin(m, w, d)}/activities/${id}/delete`,
  api: (m: string, w: string) => `/api/v1/municipalities/${m}/wards/${encodeURIComponent(w)}/districts`,
  apiCsv: (m: string, w: string) => `/api/v1/municipalities/${m}/wards/${encodeURIComponent(w)}/districts.csv`,
  apiStatisticsCsv: (m: string, w: string) => `/api/v1/municipalities/${m}/wards/${encodeURIComponent(w)}/districts/statistics.csv`,
};
