import type { Locale, Translate } from '../kernel/i18n/index.ts';
import { japanese, labelString, type Label } from '../kernel/ui/japanese.tsx';
import type { Crumb } from '../kernel/ui/layout.tsx';
import { municipalityPaths } from './paths.ts';

/** A municipality, ward or district as it is named: its Japanese name and, when one is set, its romanised name. */
export type Place = { name: string; romanisedName: string | null };

type Naming = { t: Translate; locale: Locale };

/** The endings a Japanese place name has, longest first (地区 before 区), each with its English word. */
const suffixes = ['地区', '区', '市', '町', '村'] as const;

/**
 * How a page names a place: the Japanese name on a Japanese page; on an English page the romanised name with the
 * English word for the Japanese ending (鶴見区 → Tsurumi Ward, 横浜市 → Yokohama City, 鎌倉 → Kamakura), or, with no
 * romanised name set, the Japanese name as Japanese content (marked `lang="ja"` where it is shown).
 */
export function placeName({ t, locale }: Naming, place: Place): Label {
  if (locale === 'ja') return place.name;
  if (!place.romanisedName) return japanese(place.name);
  const suffix = suffixes.find((s) => place.name.endsWith(s));
  return suffix ? `${place.romanisedName} ${t(`place.suffix.${suffix}`)}` : place.romanisedName;
}

/** placeName as plain words, for a sentence or an attribute (a Japanese name cannot be marked there). */
export function placeText(naming: Naming, place: Place): string {
  return labelString(placeName(naming, place));
}

/** The breadcrumbs down to a municipality and, when given, one of its wards: home › 横浜市 › 戸塚区. */
export function placeCrumbs(naming: Naming, municipality: Place & { slug: string }, ward?: (Place & { slug: string }) | null): Crumb[] {
  return [
    { label: naming.t('nav.home'), href: '/' },
    { label: placeName(naming, municipality), href: municipalityPaths.municipality(municipality.slug) },
    ...(ward ? [{ label: placeName(naming, ward), href: municipalityPaths.ward(municipality.slug, ward.slug) }] : []),
  ];
}
