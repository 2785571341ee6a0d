import { describe, expect, it } from 'vitest';
import type { Database } from '../../kernel/db/database.ts';
import { useDemoDatabase } from '../../testing/demo-setup.ts';
import { runCommand } from '../../kernel/db/command.ts';
import { systemActor } from '../../testing/factories.ts';
import { updateNode } from '../commands.ts';
import { flattenTree, listPlans, loadTree } from '../queries.ts';
import { problemText } from './problems.ts';
import { translatorFor } from '../../messages.ts';
import { readStructureFile } from './read.ts';
import { stateOfNode } from './rows.ts';
import { validateRows } from './validate.ts';
import { listOrganisationsForWard } from '../../organisations/queries.ts';
import { isEmpty, noDecisions } from './changes.ts';
import { renderStructure, structureFormats, type StructureSource } from './export.ts';
import { previewImport } from './import.ts';

let database: Database;
let sources: StructureSource[];

useDemoDatabase(async (opened) => {
  ({ database } = opened);
  const municipalityId = opened.demo.municipality.id;
  sources = [];
  for (const plan of await listPlans(database.db, municipalityId)) {
    for (const period of plan.periods) sources.push({ plan, period, tree: await loadTree(database.db, municipalityId, period.id) });
  }
});

describe('an exported structure file imported unchanged', () => {
  it('covers every demo period: 戸塚 第4期, 鶴見 第1–3期 (第1期 has no items), 旭 第4期', () => {
    const names = sources.map((s) => `${s.plan.key} ${s.period.number} ${s.tree.length > 0 ? 'items' : 'empty'}`);
    expect(names).toEqual(expect.arrayContaining(['totsuka-ward 4 items', 'tsurumi-ward 1 empty', 'tsurumi-ward 2 items', 'tsurumi-ward 3 items', 'asahi-ward 4 items']));
  });

  for (const format of structureFormats) {
    it(`changes nothing, as ${format}, for every period`, async () => {
      for (const source of sources) {
        const bytes = await renderStructure(source, format);
        const preview = await previewImport(database.db, source, { fileName: `plan.${format}`, bytes }, noDecisions);
        if (!preview.ok) throw new Error(`${source.plan.key} ${source.period.number}: ${preview.problems.map((p) => problemText(translatorFor('ja'), p)).join('\n')}`);
        expect(isEmpty(preview.changes), `${source.plan.key} ${source.period.number} ${format}: ${JSON.stringify(preview.changes).slice(0, 500)}`).toBe(true);
      }
    });
  }
});

describe('texts in the file', () => {
  const awkward = {
    title: '=SUM(A1)　全角スペースと"引用符"、コンマ,も',
    description: "'=先頭のアポストロフィ\n\n空行の後の行\n",
    vision: '-1 で始まる行\n■本文中の■\n\\で始まる行',
    situation: [
      { heading: '見出しだけ', body: '' },
      { heading: '', body: '■で始まる本文\n\\バックスラッシュ\n' },
      { heading: '＠全角', body: '\n前に空行' },
    ],
    keywords: ['相互理解（違い・個性を認め合う、尊重）', '+記号'],
    examples: ['①丸数字', '@mention'],
  };

  for (const format of structureFormats) {
    it(`read back exactly as stored, as ${format}: line breaks, full-width characters, ■, formula-like starts`, async () => {
      const source = sources.find((s) => s.plan.key === 'asahi-ward' && s.period.number === 4)!;
      const node = source.tree[1]!;
      const { depth: _d, owners, children: _c, createdAt: _ca, updatedAt: _ua, ...fields } = node;
      const saved = await runCommand(database, systemActor, (scope) =>
        updateNode(scope, { municipalityId: node.municipalityId, nodeId: node.id }, { ...fields, ...awkward, version: node.version + (format === 'csv' ? 1 : 0), ownerIds: owners.map((o) => o.id) }),
      );
      expect(saved.ok).toBe(true);
      const tree = await loadTree(database.db, node.municipalityId, source.period.id);
      const read = await readStructureFile(`plan.${format}`, await renderStructure({ ...source, tree }, format));
      if (!read.ok) throw new Error(problemText(translatorFor('ja'), read.problems[0]!));
      const organisations = await listOrganisationsForWard(database.db, node.municipalityId, source.plan.wardId);
      const flat = flattenTree(tree);
      const { rows, problems } = validateRows(read.file, { levels: source.period.levels, existing: new Map(flat.map((n) => [n.id, n])), organisations, wardId: source.plan.wardId });
      expect(problems).toEqual([]);
      for (const row of rows) {
        const { parentId: _p, ...stored } = stateOfNode(flat.find((n) => n.id === row.id)!);
        expect(row.state).toEqual({ ...stored, situation: stored.situation.map(({ heading, body }) => ({ heading, body })) });
      }
      expect(rows.find((r) => r.id === node.id)!.state).toMatchObject(awkward);
    });
  }
});
