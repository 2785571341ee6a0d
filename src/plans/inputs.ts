import { z } from 'zod';
import { fiscalYearInput as fiscalYear, optionalFiscalYearInput as optionalFiscalYear, optionalTypedText as optionalText, typedText as text } from '../kernel/web/inputs.ts';
import { textOf, textsOf, type FormBody } from '../kernel/web/form.ts';
import { says } from '../kernel/web/validation.ts';
import type { NodeSection, SituationItem } from './schema.ts';

/**
 * Inputs of the plan commands, checked at the edge. Text is kept exactly as typed (no trimming inside, no
 * normalisation) except that line endings become \n; empty optional texts become null.
 */
const lines = z
  .string()
  .max(20_000, says('form.overLong'))
  .transform((s) => s.replace(/\r\n?/g, '\n').split('\n').filter((line) => line.trim() !== ''));
const uuid = z.string().uuid(says('form.invalidValue'));

export const situationItemInput = z.object({ heading: text(500), body: text(20_000) });
export const sectionInput = z.object({ title: text(200), items: z.array(z.object({ heading: text(500).optional(), body: text(20_000) })) });

export const nodeInput = z.object({
  version: z.coerce.number().int().min(1, says('form.version')),
  code: text(50),
  title: text(500),
  description: optionalText(20_000),
  vision: optionalText(20_000),
  keywords: lines,
  examples: lines,
  situation: z.array(situationItemInput).max(100),
  sections: z.array(sectionInput).max(50),
  ownerIds: z.array(uuid).max(200),
});
export type NodeInput = z.output<typeof nodeInput>;
export type NodeFields = Omit<NodeInput, 'version' | 'ownerIds'>;

export const newNodeInput = z.object({
  parentId: z.union([uuid, z.literal('')]).transform((s) => (s === '' ? null : s)),
  code: text(50).default(''),
  title: text(500).refine((s) => s.trim() !== '', says('form.nameRequired')),
});
export type NewNodeInput = z.output<typeof newNodeInput>;

export const moveDirections = ['up', 'down', 'indent', 'outdent'] as const;
export type MoveDirection = (typeof moveDirections)[number];
export const moveInput = z.object({ direction: z.enum(moveDirections, says('form.direction')) });

export const deleteInput = z.object({ version: z.coerce.number().int().min(1) });

export const periodInput = z
  .object({
    version: z.coerce.number().int().min(1),
    name: text(300).refine((s) => s.trim() !== '', says('form.nameRequired')),
    nickname: optionalText(300),
    philosophy: optionalText(5_000),
    levels: lines,
    fiscalYearStart: fiscalYear('field.fiscalYearStart'),
    fiscalYearEnd: optionalFiscalYear('field.fiscalYearEnd'),
  })
  .refine((p) => p.fiscalYearEnd === null || p.fiscalYearEnd >= p.fiscalYearStart, {
    path: ['fiscalYearEnd'],
    ...says('form.fiscalYearOrder'),
  });
export type PeriodInput = z.output<typeof periodInput>;

/** Collects `prefix[i][field]` (and deeper `prefix[i][items][j][field]`) keys into arrays, in index order. */
function indexed(body: FormBody, prefix: string): Map<number, Map<string, string>> {
  const rows = new Map<number, Map<string, string>>();
  const pattern = new RegExp(`^${prefix}\\[(\\d+)\\]\\[(.+)\\]$`);
  for (const [key, value] of Object.entries(body)) {
    const match = pattern.exec(key);
    if (!match) continue;
    const index = Number(match[1]);
    const row = rows.get(index) ?? new Map<string, string>();
    row.set(match[2]!, textOf(value));
    rows.set(index, row);
  }
  return new Map([...rows.entries()].sort(([a], [b]) => a - b));
}

function situationFromForm(body: FormBody): SituationItem[] {
  return [...indexed(body, 'situation').values()]
    .map((row) => ({ heading: row.get('heading') ?? '', body: row.get('body') ?? '' }))
    .filter((item) => item.heading.trim() !== '' || item.body.trim() !== '');
}

function sectionsFromForm(body: FormBody): NodeSection[] {
  return [...indexed(body, 'sections').values()]
    .map((row) => {
      const items = [...row.entries()]
        .map(([key, value]) => ({ key, value, match: /^items\]\[(\d+)\]\[(heading|body)$/.exec(key) }))
        .filter((entry) => entry.match)
        .reduce((acc, { match, value }) => {
          const index = Number(match![1]);
          const item = acc.get(index) ?? { heading: '', body: '' };
          item[match![2] as 'heading' | 'body'] = value;
          return acc.set(index, item);
        }, new Map<number, { heading: string; body: string }>());
      const cleanItems = [...items.entries()]
        .sort(([a], [b]) => a - b)
        .map(([, item]) => (item.heading.trim() === '' ? { body: item.body } : item))
        .filter((item) => item.body.trim() !== '' || ('heading' in item && item.heading.trim() !== ''));
      return { title: row.get('title') ?? '', items: cleanItems };
    })
    .filter((section) => section.title.trim() !== '' || section.items.length > 0);
}

/** Turns the node form's fields into the shape `nodeInput` checks. */
export function nodeFormToInput(body: FormBody): Record<string, unknown> {
  return {
    version: textOf(body['version']),
    code: textOf(body['code']),
    title: textOf(body['title']),
    description: textOf(body['description']),
    vision: textOf(body['vision']),
    keywords: textOf(body['keywords']),
    examples: textOf(body['examples']),
    situation: situationFromForm(body),
    sections: sectionsFromForm(body),
    ownerIds: textsOf(body['ownerIds']),
  };
}
