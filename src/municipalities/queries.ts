import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../kernel/db/database.ts';
import type { Contact } from '../kernel/ui/page-info.tsx';
import { districts, municipalities, wards } from './schema.ts';

/** The values and types of the module's columns, for other modules (they do not import its schema). */
export { municipalityKinds, type MunicipalityKind } from './schema.ts';

export type Municipality = typeof municipalities.$inferSelect;
export type Ward = typeof wards.$inferSelect;
export type District = typeof districts.$inferSelect;

/** The 問い合わせ先 of a ward's public pages: its secretariat's department, or none while no department is set. */
export function contactOf(ward: Ward | null): Contact | null {
  if (!ward?.contactDepartment) return null;
  return { department: ward.contactDepartment, phone: ward.contactPhone, email: ward.contactEmail };
}

export async function listMunicipalities(db: DbOrTx): Promise<Municipality[]> {
  return db.select().from(municipalities).orderBy(asc(municipalities.name));
}

export async function findMunicipality(db: DbOrTx, slug: string): Promise<Municipality | null> {
  const [row] = await db.select().from(municipalities).where(eq(municipalities.slug, slug));
  return row ?? null;
}

export async function findMunicipalityById(db: DbOrTx, id: string): Promise<Municipality | null> {
  const [row] = await db.select().from(municipalities).where(eq(municipalities.id, id));
  return row ?? null;
}

export async function listWards(db: DbOrTx, municipalityId: string): Promise<Ward[]> {
  return db.select().from(wards).where(eq(wards.municipalityId, municipalityId)).orderBy(asc(wards.position), asc(wards.name));
}

export async function listAllWards(db: DbOrTx): Promise<Ward[]> {
  return db.select().from(wards).orderBy(asc(wards.position), asc(wards.name));
}

export async function findWard(db: DbOrTx, municipalityId: string, slug: string): Promise<Ward | null> {
  const [row] = await db.select().from(wards).where(and(eq(wards.municipalityId, municipalityId), eq(wards.slug, slug)));
  return row ?? null;
}

/** A ward by its slug or its name as people write it (戸塚区, 戸塚). */
export async function findWardByNameOrSlug(db: DbOrTx, municipalityId: string, text: string): Promise<Ward | null> {
  const all = await listWards(db, municipalityId);
  const wanted = text.normalize('NFKC').trim();
  return all.find((w) => w.slug === wanted || w.name === wanted || w.name.replace(/区$/, '') === wanted) ?? null;
}

export async function findWardById(db: DbOrTx, municipalityId: string, id: string): Promise<Ward | null> {
  const [row] = await db.select().from(wards).where(and(eq(wards.municipalityId, municipalityId), eq(wards.id, id)));
  return row ?? null;
}

/** The ward a record names, if it names one (a city-wide plan or organisation names none). */
export async function wardOf(db: DbOrTx, municipalityId: string, wardId: string | null): Promise<Ward | null> {
  return wardId ? findWardById(db, municipalityId, wardId) : null;
}

export async function listDistricts(db: DbOrTx, municipalityId: string, wardId: string): Promise<District[]> {
  return db
    .select()
    .from(districts)
    .where(and(eq(districts.municipalityId, municipalityId), eq(districts.wardId, wardId)))
    .orderBy(asc(districts.position), asc(districts.name));
}

export async function findDistrict(db: DbOrTx, municipalityId: string, slug: string): Promise<District | null> {
  const [row] = await db.select().from(districts).where(and(eq(districts.municipalityId, municipalityId), eq(districts.slug, slug)));
  return row ?? null;
}

/** The district an account or a plan names, if it names one. */
export async function districtOf(db: DbOrTx, municipalityId: string, districtId: string | null): Promise<District | null> {
  if (!districtId) return null;
  const [row] = await db.select().from(districts).where(and(eq(districts.municipalityId, municipalityId), eq(districts.id, districtId)));
  return row ?? null;
}
