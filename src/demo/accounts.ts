import type { Role } from '../kernel/auth/actor.ts';

/** The password of every demo account (documented in the README; the password rules refuse it for any other use). */
export { DEMO_PASSWORD } from '../accounts/password-rules.ts';

export type DemoAccount = {
  login: string;
  displayName: string;
  role: Role;
  ward?: string;
  organisation?: string;
  district?: string;
};

/** One account per role, so that a newcomer can see the site as each kind of user sees it. */
export const demoAccounts: DemoAccount[] = [
  { login: 'city-admin', displayName: '横浜市 管理者', role: 'city_admin' },
  { login: 'totsuka-secretariat', displayName: '戸塚区 事務局', role: 'ward_secretariat', ward: 'totsuka' },
  { login: 'asahi-secretariat', displayName: '旭区 事務局', role: 'ward_secretariat', ward: 'asahi' },
  { login: 'tsurumi-secretariat', displayName: '鶴見区 事務局', role: 'ward_secretariat', ward: 'tsurumi' },
  { login: 'asahi-shakyo-staff', displayName: '旭区社協 担当者', role: 'owner_staff', organisation: 'asahi-shakyo' },
  { login: 'asahi-committee', displayName: '旭区推進会議 委員', role: 'committee_member', ward: 'asahi' },
  { login: 'tsurumi-district-team', displayName: '鶴見区 地区別支援チーム', role: 'district_support', district: 'tsurumi-demo-district' },
];

/**
 * The seeds name no district, yet the district support team role needs one: this made-up district exists only so
 * that the role can be tried. Its name says so.
 */
export const demoDistricts = [{ slug: 'tsurumi-demo-district', name: 'デモ地区（説明用の架空の地区）', romanisedName: 'Demo District', ward: 'tsurumi' }];
