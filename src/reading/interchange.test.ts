import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { interchangeSchema, type InterchangeDocument } from './interchange.ts';
import { schemaFile, schemaFileText } from './interchange-schema.ts';
import { parseSeed, SEED_FILES } from './testing/seeds.ts';

const published = JSON.parse(readFileSync(schemaFile, 'utf8')) as object;
const ajv = new Ajv2020({ allErrors: true, strict: false }).addFormat('date', /^\d{4}-\d{2}-\d{2}$/);
const validateJson = ajv.compile(published);

/** Whether Zod and the published JSON Schema both accept (or both reject) a document. */
function verdicts(document: unknown): { zod: boolean; json: boolean } {
  return { zod: interchangeSchema.safeParse(document).success, json: validateJson(document) };
}

function minimalDocument(): InterchangeDocument {
  return {
    version: 1,
    source: { file: 'x.txt', format: 'txt', lines: 1, warnings: [] },
    plans: [],
    indicators: [],
    reports: [],
    surveys: [],
    meetings: [],
    schedule: [],
    committees: [],
    sections: [],
    ignored: [],
    unrecognised: [],
    stats: { lines: 1, blank: 0, used: 0, ignored: 0, unrecognised: 0 },
  };
}

function withNode(node: Record<string, unknown>): InterchangeDocument {
  const doc = minimalDocument();
  const base = {
    level: '基本目標', code: '1', title: 't', description: null, owners: [], situation: [], vision: null, keywords: [],
    examples: [], children: [], initiativesByActor: [], issues: [], review: [], efforts: [], sourceLines: [1, 1],
  };
  doc.plans.push({
    name: null, nickname: null, tier: null, ward: null, district: null, period: 4, fiscalYearStart: 2021,
    fiscalYearEnd: null, philosophy: null, levels: ['基本目標'], status: null, description: null, review: [],
    nodes: [{ ...base, children: [{ ...base, code: '1-1', ...node }] } as never], sourceLines: [1, 1],
  });
  return doc;
}

describe('the interchange schema', () => {
  it('is published in the repository as generated from the Zod schema', () => {
    expect(readFileSync(schemaFile, 'utf8')).toBe(schemaFileText());
  });

  it.each<[string, unknown, boolean]>([
    ['a minimal document', minimalDocument(), true],
    ['a nested node', withNode({}), true],
    ['extra fields anywhere', { ...withNode({ colour: 'red' }), producer: 'other reader' }, true],
    ['a nested node without owners', withNode({ owners: undefined }), false],
    ['a nested node with a numeric code', withNode({ code: 1 }), false],
    ['an unknown format', { ...minimalDocument(), source: { file: 'x', format: 'doc', lines: 0, warnings: [] } }, false],
    ['a line number 0', { ...minimalDocument(), unrecognised: [{ line: 0, text: 'x' }] }, false],
    ['a date that is not ISO', { ...minimalDocument(), meetings: [{ title: 'x', date: '令和6年5月24日', start: null, end: null, venue: null, agenda: [], materials: [], sourceLines: [1, 1] }] }, false],
    ['another version', { ...minimalDocument(), version: 2 }, false],
  ])('Zod and the JSON Schema agree on %s', (_, document, valid) => {
    expect(verdicts(document)).toEqual({ zod: valid, json: valid });
  });
});

describe('documents the reader makes', () => {
  it.each(SEED_FILES)('%s validates against both schemas', (file) => {
    const document = parseSeed(file);
    expect(verdicts(document)).toEqual({ zod: true, json: true });
    expect(validateJson.errors ?? null).toBeNull();
  });
});
