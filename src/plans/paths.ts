/** Public and admin URLs of the plans module, in one place. */
export const planPaths = {
  plan: (m: string, plan: string) => `/m/${m}/plans/${encodeURIComponent(plan)}`,
  period: (m: string, plan: string, n: number) => `/m/${m}/plans/${encodeURIComponent(plan)}/periods/${n}`,
  periodPdf: (m: string, plan: string, n: number) => `/m/${m}/plans/${encodeURIComponent(plan)}/periods/${n}/plan.pdf`,
  periodDocx: (m: string, plan: string, n: number) => `/m/${m}/plans/${encodeURIComponent(plan)}/periods/${n}/plan.docx`,
  history: (m: string, plan: string) => `/m/${m}/plans/${encodeURIComponent(plan)}/periods`,
  node: (m: string, id: string) => `/m/${m}/nodes/${id}`,
  adminPeriod: (m: string, plan: string, n: number) => `/admin/m/${m}/plans/${encodeURIComponent(plan)}/periods/${n}`,
  adminPeriodEdit: (m: string, plan: string, n: number) => `/admin/m/${m}/plans/${encodeURIComponent(plan)}/periods/${n}/edit`,
  adminNodes: (m: string, plan: string, n: number) => `/admin/m/${m}/plans/${encodeURIComponent(plan)}/periods/${n}/nodes`,
  adminNode: (m: string, id: string) => `/admin/m/${m}/nodes/${id}`,
  adminNodeEdit: (m: string, id: string) => `/admin/m/${m}/nodes/${id}/edit`,
  adminNodeMove: (m: string, id: string) => `/admin/m/${m}/nodes/${id}/move`,
  adminNodeDelete: (m: string, id: string) => `/admin/m/${m}/nodes/${id}/delete`,
  adminNodeHistory: (m: string, id: string) => `/admin/m/${m}/nodes/${id}/history`,
};

