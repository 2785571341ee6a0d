import { describe, expect, it } from 'vitest';
import { anonymous, type Actor } from '../kernel/auth/actor.ts';
import { readerKeysOf, readsAsOneOf } from '../kernel/auth/readers.ts';
import { runCommand } from '../kernel/db/command.ts';
import type { Database } from '../kernel/db/database.ts';
import { updateNode } from '../plans/commands.ts';
import { flattenTree } from '../plans/queries.ts';
import { setPublished } from '../reports/commands.ts';
import { searchSources } from '../search-sources.ts';
import { useDemoDatabase, type Demo } from '../testing/demo-setup.ts';
import { systemActor } from '../testing/factories.ts';
import { indexDocuments, rebuildIndex } from './commands.ts';
import { searchKinds } from './kinds.ts';
import { indexedDocuments, searchFacets, searchIndex, type SearchFilters } from './queries.ts';
import { normalisedText, termsOf } from './text.ts';

let database: Database;
let demo: Demo;
useDemoDatabase((opened) => ({ database, demo } = opened));

async function find(actor: Actor, query: string, filters: SearchFilters = {}) {
  return searchIndex(database.db, { terms: termsOf(query), readerKeys: readerKeysOf(actor), filters, limit: 1000, offset: 0 });
}

const idsOf = (result: { hits: { sourceId: string }[] }) => result.hits.map((h) => h.sourceId).sort();

/** What a search must answer, worked out the slow way: every document the actor may read whose text holds every term. */
async function bySubstring(actor: Actor, query: string): Promise<string[]> {
  const terms = termsOf(query);
  const all = (await Promise.all(searchKinds.map((kind) => indexedDocuments(database.db, demo.municipality.id, kind)))).flat();
  return all
    .filter((doc) => readsAsOneOf(actor, doc.readers))
    .filter((doc) => terms.every((term) => `${normalisedText(doc.title)}\n${normalisedText(doc.body)}`.includes(term)))
    .map((doc) => doc.sourceId)
    .sort();
}

describe('searching the demo', () => {
  it('finds exactly what a substring search finds: two-character words, mixed scripts, single characters, several words', async () => {
    const secretariat = await demo.actorOf('ward_secretariat', 'asahi');
    for (const query of ['防災', '見守り', '居場所', 'ボッチャ', 'ICT', '8050', '地域', '町', 'ｻﾛﾝ', 'サロン 高齢', '存在しない言葉']) {
      for (const actor of [anonymous, secretariat]) {
        expect(idsOf(await find(actor, query)), `${query} as ${actor.kind}`).toEqual(await bySubstring(actor, query));
      }
    }
    expect((await find(anonymous, '見守り')).total).toBeGreaterThan(0);
    expect((await find(anonymous, '居場所')).total).toBeGreaterThan(0);
  });

  it('finds full-width and half-width alike', async () => {
    expect(idsOf(await find(anonymous, 'ｻﾛﾝ'))).toEqual(idsOf(await find(anonymous, 'サロン')));
    expect(idsOf(await find(anonymous, 'ＩＣＴ'))).toEqual(idsOf(await find(anonymous, 'ict')));
  });

  it('finds a word in any script written so (ボッチャ, 8050問題), with the kind, ward and page of what it found', async () => {
    const ward = await demo.ward('asahi');
    await runCommand(database, systemActor, (scope) =>
      indexDocuments(scope, [
        { municipalityId: demo.municipality.id, kind: 'organisation', sourceId: 'test-mixed', wardId: ward.id, periodId: null, periodLabel: null, fiscalYear: 2024, readers: ['public'], title: 'ﾎﾞｯﾁｬ交流会', path: '/x', body: '８０５０問題の相談とICT講座' },
        { municipalityId: demo.municipality.id, kind: 'organisation', sourceId: 'test-syntax', wardId: null, periodId: null, periodLabel: null, fiscalYear: null, readers: ['public'], title: "it's {a,b}", path: '/y', body: 'C:\\data "q" 100%_x & | ! <-> :*' },
      ]),
    );
    for (const query of ['ボッチャ', '8050問題', 'ict', 'ICT講座', '050']) expect(idsOf(await find(anonymous, query)), query).toContain('test-mixed');
    expect(idsOf(await find(anonymous, '8051'))).not.toContain('test-mixed');
    // Characters that are syntax in a tsquery, an array literal or LIKE are only characters here.
    for (const query of ["it's", '{a,b}', 'c:\\data', '"q"', '100%_x', '%', '_', '&', '<->', ':*']) expect(idsOf(await find(anonymous, query)), query).toContain('test-syntax');
    expect(idsOf(await find(anonymous, '100%x'))).not.toContain('test-syntax');
    expect((await find(anonymous, 'ボッチャ', { wardId: ward.id, kind: 'organisation', fiscalYear: 2024 })).hits).toEqual([
      expect.objectContaining({ kind: 'organisation', sourceId: 'test-mixed', wardId: ward.id, fiscalYear: 2024, path: '/x' }),
    ]);
    expect((await find(anonymous, 'ボッチャ', { fiscalYear: 2023 })).total).toBe(0);
  });

  it('filters by kind, ward, period and year, and counts what each choice would leave', async () => {
    const asahi = await demo.ward('asahi');
    const all = await find(anonymous, '地域');
    const facets = await searchFacets(database.db, { terms: termsOf('地域'), readerKeys: readerKeysOf(anonymous), filters: {} });
    expect(facets.kinds.reduce((sum, k) => sum + k.count, 0)).toBe(all.total);
    const inAsahi = await find(anonymous, '地域', { wardId: asahi.id });
    expect(inAsahi.total).toBe(facets.wards.find((w) => w.wardId === asahi.id)?.count);
    expect(inAsahi.hits.every((h) => h.wardId === asahi.id)).toBe(true);
    const period = facets.periods[0]!;
    expect((await find(anonymous, '地域', { periodId: period.periodId })).total).toBe(period.count);
    const reportsOnly = await searchFacets(database.db, { terms: termsOf('地域'), readerKeys: readerKeysOf(anonymous), filters: { kind: 'report' } });
    for (const ward of reportsOnly.wards) expect((await find(anonymous, '地域', { kind: 'report', wardId: ward.wardId })).total).toBe(ward.count);
    expect(reportsOnly.kinds).toEqual(facets.kinds);
  });

  it('pages: the same order every time, each page its share, the total on every page', async () => {
    const terms = termsOf('地域');
    const readerKeys = readerKeysOf(anonymous);
    const whole = await searchIndex(database.db, { terms, readerKeys, filters: {}, limit: 1000, offset: 0 });
    const first = await searchIndex(database.db, { terms, readerKeys, filters: {}, limit: 5, offset: 0 });
    const second = await searchIndex(database.db, { terms, readerKeys, filters: {}, limit: 5, offset: 5 });
    expect([...first.hits, ...second.hits].map((h) => h.sourceId)).toEqual(whole.hits.slice(0, 10).map((h) => h.sourceId));
    expect(second.total).toBe(whole.total);
    const beyond = await searchIndex(database.db, { terms, readerKeys, filters: {}, limit: 5, offset: whole.total + 5 });
    expect(beyond).toEqual({ total: whole.total, hits: [] });
  });
});

describe('who finds what', () => {
  it('a report before publication: its secretariat, its owners and the city find it; the public and another ward do not', async () => {
    const draft = await demo.report('returned');
    const words = Object.values(draft.report.values).join(' ').slice(0, 200);
    const term = termsOf(words).find((t) => t.length >= 4)!;
    const finds = async (actor: Actor) => idsOf(await find(actor, term)).includes(draft.report.id);
    expect(await finds(anonymous)).toBe(false);
    expect(await finds(await demo.actorOf('ward_secretariat', 'tsurumi'))).toBe(false);
    expect(await finds(await demo.actorOf('committee_member'))).toBe(false);
    expect(await finds(await demo.actorOf('ward_secretariat', 'asahi'))).toBe(true);
    expect(await finds(await demo.actorOf('owner_staff'))).toBe(true);
    expect(await finds(await demo.actorOf('city_admin'))).toBe(true);
  });

  it('a meeting: its secretariat and, once shared, its committee; an organisation: everyone', async () => {
    const { meeting } = await demo.meeting();
    const finds = async (actor: Actor, query: string, id: string) => idsOf(await find(actor, query)).includes(id);
    expect(meeting.sharedAt).not.toBeNull();
    expect(await finds(await demo.actorOf('committee_member'), meeting.title, meeting.id)).toBe(true);
    expect(await finds(await demo.actorOf('ward_secretariat', 'asahi'), meeting.title, meeting.id)).toBe(true);
    expect(await finds(await demo.actorOf('owner_staff'), meeting.title, meeting.id)).toBe(false);
    expect(await finds(await demo.actorOf('ward_secretariat', 'tsurumi'), meeting.title, meeting.id)).toBe(false);
    expect(await finds(anonymous, meeting.title, meeting.id)).toBe(false);
    const hit = (await find(anonymous, '旭区社会福祉協議会', { kind: 'organisation' })).hits.find((h) => h.title === '旭区社会福祉協議会');
    expect(hit).toMatchObject({ path: '/m/yokohama/organisations/asahi-shakyo', isPublic: true });
  });

  it('publishing a report makes it public in the same transaction, and taking it off hides it again', async () => {
    const accepted = await demo.report('accepted');
    const target = { municipalityId: demo.municipality.id, reportId: accepted.report.id };
    const visible = async () => idsOf(await find(anonymous, accepted.assignment.title || accepted.node.title)).includes(accepted.report.id);
    const published = accepted.report.published;
    const flipped = await runCommand(database, systemActor, (scope) => setPublished(scope, target, { version: accepted.report.version, published: !published }));
    expect(flipped.ok).toBe(true);
    expect(await visible()).toBe(!published);
    const back = await runCommand(database, systemActor, (scope) => setPublished(scope, target, { version: accepted.report.version + 1, published }));
    expect(back.ok).toBe(true);
    expect(await visible()).toBe(published);
  });
});

describe('keeping the index true', () => {
  it('a plan item saved under a new title is found by it, and no longer by the old one', async () => {
    const { nodes } = await demo.tree('asahi-ward', 4);
    const node = flattenTree(nodes).at(-1)!;
    const result = await runCommand(database, systemActor, (scope) =>
      updateNode(scope, { municipalityId: demo.municipality.id, nodeId: node.id }, {
        version: node.version, code: node.code, title: 'ﾎﾞｯﾁｬで多世代交流', description: node.description, vision: node.vision, keywords: node.keywords,
        examples: node.examples, situation: node.situation, sections: node.sections, ownerIds: node.owners.map((o) => o.id),
      }),
    );
    expect(result.ok).toBe(true);
    expect(idsOf(await find(anonymous, 'ボッチャで多世代'))).toContain(node.id);
  });

  it('a change rolled back leaves the index as it was', async () => {
    const { nodes } = await demo.tree('asahi-ward', 4);
    const node = nodes[0]!;
    await expect(
      runCommand(database, systemActor, async (scope) => {
        await updateNode(scope, { municipalityId: demo.municipality.id, nodeId: node.id }, {
          version: node.version, code: node.code, title: '取り消される名称', description: node.description, vision: node.vision, keywords: node.keywords,
          examples: node.examples, situation: node.situation, sections: node.sections, ownerIds: node.owners.map((o) => o.id),
        });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect((await find(anonymous, '取り消される名称')).total).toBe(0);
  });

  it('what the commands wrote is what a rebuild writes', async () => {
    const snapshot = async () => (await Promise.all(searchKinds.map((kind) => indexedDocuments(database.db, demo.municipality.id, kind)))).flat();
    const written = (await snapshot()).filter((doc) => !doc.sourceId.startsWith('test-'));
    expect(new Set(written.map((doc) => doc.kind))).toEqual(new Set(searchKinds));
    const count = await runCommand(database, systemActor, (scope) => rebuildIndex(scope, demo.municipality.id, searchSources));
    expect(count).toBe(written.length);
    expect(await snapshot()).toEqual(written);
  });
});
