/** Every URL of the meetings module, in one place. */
const meeting = (m: string, id: string) => `/admin/m/${m}/meetings/${id}`;
const material = (m: string, id: string, materialId: string) => `${meeting(m, id)}/materials/${materialId}`;

export const meetingPaths = {
  list: (m: string, w: string) => `/admin/m/${m}/wards/${encodeURIComponent(w)}/meetings`,
  new: (m: string, w: string) => `/admin/m/${m}/wards/${encodeURIComponent(w)}/meetings/new`,
  meeting,
  edit: (m: string, id: string) => `${meeting(m, id)}/edit`,
  share: (m: string, id: string) => `${meeting(m, id)}/share`,
  delete: (m: string, id: string) => `${meeting(m, id)}/delete`,
  newMaterial: (m: string, id: string) => `${meeting(m, id)}/materials/new`,
  materials: (m: string, id: string) => `${meeting(m, id)}/materials`,
  material,
  editMaterial: (m: string, id: string, materialId: string) => `${material(m, id, materialId)}/edit`,
  moveMaterial: (m: string, id: string, materialId: string) => `${material(m, id, materialId)}/move`,
  deleteMaterial: (m: string, id: string, materialId: string) => `${material(m, id, materialId)}/delete`,
  handout: (m: string, id: string) => `${meeting(m, id)}/material`,
  pdf: (m: string, id: string) => `${meeting(m, id)}/material.pdf`,
  docx: (m: string, id: string) => `${meeting(m, id)}/material.docx`,
  stylesheet: '/meetings/handout.css',
};
