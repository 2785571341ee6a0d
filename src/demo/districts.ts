import type { DistrictLoad } from '../districts/commands.ts';
import { demoDistricts } from './accounts.ts';

/**
 * The demo's districts beyond the seeds' words. The seeds give counts, not names: 鶴見区 has 18 districts with a
 * 地区別支援チーム each and set up 地区別計画推進組織 in 3 of them in 平成17–21年度 and 5 more in 平成22–26年度 (004 lines
 * 82–83), its 地区別計画 were adopted in 平成17年3月 with the ward plan (002 line 23), and its districts went from
 * forums to continuing talks to あいさつ運動, マップづくり, まちあるき … (004 lines 118–175); 戸塚区 has a 地域連携チーム of
 * 区役所・区社協・地域ケアプラザ in each of its 18 districts (000 lines 74–78). Everything else here — names, dates within
 * those spans, areas, statistics, participants — is made up, numbered and marked as generated on every page.
 */

const DISTRICTS_PER_WARD = 18;
const pad = (n: number) => String(n).padStart(2, '0');

type GeneratedDistrict = { slug: string; name: string; romanisedName: string; ward: string };

/** 鶴見区: the account's demo district and 17 more; 戸塚区: 18. */
export const generatedDistricts: GeneratedDistrict[] = [
  ...Array.from({ length: DISTRICTS_PER_WARD - demoDistricts.length }, (_, i) => i + demoDistricts.length + 1).map((n) => ({
    slug: `tsurumi-district-${pad(n)}`,
    name: `第${n}地区（架空）`,
    romanisedName: `District ${n} (made up)`,
    ward: 'tsurumi',
  })),
  ...Array.from({ length: DISTRICTS_PER_WARD }, (_, i) => i + 1).map((n) => ({
    slug: `totsuka-district-${pad(n)}`,
    name: `第${n}地区（架空）`,
    romanisedName: `District ${n} (made up)`,
    ward: 'totsuka',
  })),
];

/** A made-up but steady figure for district `n` (the same on every load). */
const figure = (n: number, base: number, spread: number) => base + ((n * 7919) % spread);

function statistics(n: number): DistrictLoad['statistics'] {
  const population = figure(n, 9_000, 11_000);
  return [
    { fiscalYear: 2024, item: '人口', value: population, unit: '人' },
    { fiscalYear: 2024, item: '世帯数', value: Math.round(population / 2.1), unit: '世帯' },
    { fiscalYear: 2024, item: '高齢化率', value: figure(n, 190, 120) / 10, unit: '%' },
  ];
}

/** 004: 推進組織 set up in 3 districts in 平成17–21年度 and 5 in 平成22–26年度; which ones and when is made up. */
const foundedOn: Record<number, string> = { 2: '2007-06-10', 5: '2008-11-16', 9: '2009-09-27', 3: '2011-05-22', 7: '2012-02-19', 11: '2012-10-14', 14: '2013-07-07', 17: '2014-11-30' };

/** 004 lines 118–175: forums first, then continuing talks, then the activities each district took up. */
const laterActivities = ['あいさつ運動', '世代間交流', 'マップづくり', '見守りグッズ作成', 'まちあるき', '災害に備える共助の取組'];

function tsurumiActivities(n: number): DistrictLoad['activities'] {
  const activity = laterActivities[n % laterActivities.length]!;
  return [
    { date: `2010-${pad(6 + (n % 6))}-${pad(5 + n)}`, kind: 'forum', title: '地区フォーラム', participants: figure(n, 40, 60), notes: '地区の課題をテーマにした話し合い', generated: true },
    { date: `2011-${pad(5 + (n % 7))}-${pad(3 + n)}`, kind: 'meeting', title: '継続的な懇談会・話し合い', participants: figure(n, 12, 20), notes: '', generated: true },
    { date: `2013-${pad(4 + (n % 8))}-${pad(2 + n)}`, kind: 'event', title: activity, participants: figure(n, 20, 80), notes: '', generated: true },
    ...(foundedOn[n]
      ? [{ date: `2014-${pad(4 + (n % 8))}-${pad(1 + n)}`, kind: 'meeting' as const, title: '推進組織の定例会（補助金を活用した活動の相談）', participants: figure(n, 8, 12), notes: '', generated: true }]
      : []),
  ];
}

const tsurumiTeam: DistrictLoad['team'] = [
  { organisation: 'ward_office', unit: '区役所 地区担当（課長級）', name: '', lead: true },
  { organisation: 'social_welfare_council', unit: '区社協 地域支援担当', name: '', lead: false },
  { organisation: 'care_plaza', unit: '担当の地域ケアプラザ', name: '', lead: false },
];

const totsukaTeam: DistrictLoad['team'] = [
  { organisation: 'ward_office', unit: '区政推進課（地域連携チーム事務局）', name: '', lead: true },
  { organisation: 'social_welfare_council', unit: '区社協 地域担当', name: '', lead: false },
  { organisation: 'care_plaza', unit: '担当の地域ケアプラザ', name: '', lead: false },
];

/** Each 鶴見区 district in order (1 = the account's demo district), by slug. */
const tsurumiSlugs = [...demoDistricts.filter((d) => d.ward === 'tsurumi').map((d) => d.slug), ...generatedDistricts.filter((d) => d.ward === 'tsurumi').map((d) => d.slug)];
const totsukaSlugs = generatedDistricts.filter((d) => d.ward === 'totsuka').map((d) => d.slug);

/** The loads of every demo district, their ids looked up by slug. */
export function districtLoads(idOf: (slug: string) => string): DistrictLoad[] {
  const tsurumi = tsurumiSlugs.map((slug, i): DistrictLoad => {
    const n = i + 1;
    return {
      districtId: idOf(slug),
      associationArea: `第${n}地区連合自治会（架空）`,
      description: '',
      generated: true,
      team: tsurumiTeam,
      statistics: statistics(n),
      milestones: [
        { kind: 'plan_adopted', date: '2005-03-31', note: '平成17年3月、区計画とともに策定（資料に日付はなく、月末としています）' },
        { kind: 'first_forum', date: `2010-${pad(6 + (n % 6))}-${pad(5 + n)}`, note: '' },
        ...(foundedOn[n] ? [{ kind: 'organisation_founded' as const, date: foundedOn[n], note: '' }] : []),
      ],
      activities: tsurumiActivities(n),
    };
  });
  const totsuka = totsukaSlugs.map((slug, i): DistrictLoad => ({
    districtId: idOf(slug),
    associationArea: `第${i + 1}地区連合自治会（架空）`,
    description: '',
    generated: true,
    team: totsukaTeam,
    statistics: statistics(i + 40),
    milestones: [],
    activities: [],
  }));
  return [...tsurumi, ...totsuka];
}
