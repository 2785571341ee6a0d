import { matchOrganisation, type Organisation } from '../../organisations/queries.ts';

const normalised = (text: string) => text.normalize('NFKC').replace(/\s+/g, '');

/** Edit distance between two short names (insert, delete, replace one character). */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * Registry names close to a name that matched nothing: one contains the other, or they differ in a few characters
 * (about a third of the name). Best first, at most three.
 */
export function closeOrganisationNames(candidates: Organisation[], written: string): string[] {
  const wanted = normalised(written);
  const scored = candidates.flatMap((o) => {
    const distances = [o.name, ...o.aliases].map((name) => {
      const other = normalised(name);
      if (other.includes(wanted) || wanted.includes(other)) return Math.abs(other.length - wanted.length) / 10;
      return editDistance(wanted, other);
    });
    const best = Math.min(...distances);
    return best <= Math.max(1, Math.floor(wanted.length / 3)) ? [{ name: o.name, best }] : [];
  });
  return [...new Set(scored.sort((a, b) => a.best - b.best).map((s) => s.name))].slice(0, 3);
}

export type OwnerResolution = { ids: string[]; unknown: { name: string; suggestions: string[] }[] };

/** The organisations a cell's names mean, in order, and the names that match none (with close registry names). */
export function resolveOwners(candidates: Organisation[], names: string[], wardId: string | null): OwnerResolution {
  const ids: string[] = [];
  const unknown: OwnerResolution['unknown'] = [];
  for (const name of names) {
    const found = matchOrganisation(candidates, name, wardId);
    if (found) ids.push(found.id);
    else unknown.push({ name, suggestions: closeOrganisationNames(candidates, name) });
  }
  return { ids, unknown };
}
