import { and, eq } from 'drizzle-orm';
import type { CommandResult, CommandScope } from '../kernel/db/command.ts';
import type { WardContactInput } from './inputs.ts';
import type { District, Municipality, Ward } from './queries.ts';
import { districts, municipalities, wards } from './schema.ts';

/** A municipality with its wards and districts in their order; a district names its ward by slug. */
export type MunicipalityLoad = {
  municipality: Pick<Municipality, 'slug' | 'name' | 'romanisedName' | 'kind' | 'prefecture'>;
  wards: (Pick<Ward, 'slug' | 'name' | 'romanisedName'> & Partial<Pick<Ward, 'contactDepartment' | 'contactPhone' | 'contactEmail'>>)[];
  districts: (Pick<District, 'slug' | 'name' | 'romanisedName'> & { ward: string | null })[];
};

export type LoadedMunicipality = { municipalityId: string; wardIds: Map<string, string>; districtIds: Map<string, string> };

/**
 * Bulk-loads a municipality's registry (the demo). No audit rows: the registry is set up, not edited, and a
 * municipality has no history before it exists.
 */
export async function loadMunicipality(scope: CommandScope, load: MunicipalityLoad): Promise<LoadedMunicipality> {
  const { tx } = scope;
  const [municipality] = await tx.insert(municipalities).values(load.municipality).returning({ id: municipalities.id });
  const municipalityId = municipality!.id;
  const wardRows = await tx
    .insert(wards)
    .values(load.wards.map((w, position) => ({ ...w, municipalityId, position })))
    .returning({ id: wards.id, slug: wards.slug });
  const wardIds = new Map(wardRows.map((w) => [w.slug, w.id]));
  const wardOf = (slug: string | null) => {
    if (!slug) return null;
    const id = wardIds.get(slug);
    if (!id) throw new Error(`区「${slug}」がありません`);
    return id;
  };
  // A municipality set up from scratch has no districts yet (and Drizzle inserts no empty list).
  const districtRows =
    load.districts.length === 0
      ? []
      : await tx
          .insert(districts)
          .values(load.districts.map((d, position) => ({ municipalityId, slug: d.slug, name: d.name, romanisedName: d.romanisedName, wardId: wardOf(d.ward), position })))
          .returning({ id: districts.id, slug: districts.slug });
  return { municipalityId, wardIds, districtIds: new Map(districtRows.map((d) => [d.slug, d.id])) };
}

const contactSnapshot = (ward: Ward) => ({ contactDepartment: ward.contactDepartment, contactPhone: ward.contactPhone, contactEmail: ward.contactEmail, version: ward.version });

/** Sets a ward's 問い合わせ先 (version-checked, audited); the ward's public pages show it from then on. */
export async function updateWardContact(scope: CommandScope, ward: Pick<Ward, 'municipalityId' | 'id'>, input: WardContactInput): Promise<CommandResult<Ward, Ward>> {
  const where = and(eq(wards.municipalityId, ward.municipalityId), eq(wards.id, ward.id));
  const [current] = await scope.tx.select().from(wards).where(where).for('update');
  if (!current) return { ok: false, reason: 'not_found' };
  if (current.version !== input.version) return { ok: false, reason: 'conflict', current };
  const [row] = await scope.tx
    .update(wards)
    .set({ contactDepartment: input.department, contactPhone: input.phone, contactEmail: input.email, version: current.version + 1 })
    .where(where)
    .returning();
  await scope.audit({ municipalityId: ward.municipalityId, entityType: 'ward', entityId: ward.id, action: 'update', before: contactSnapshot(current), after: contactSnapshot(row!) });
  await scope.contentChanged(ward.municipalityId);
  return { ok: true, value: row! };
}
