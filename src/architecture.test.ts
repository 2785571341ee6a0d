import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * The house rules of docs/ARCHITECTURE.md, checked on every import of the code (type-only imports, re-exports and
 * dynamic imports included):
 * - a module's tables are imported only by its own files and by schema files (foreign keys): other modules read
 *   through its queries.ts and write through its commands.ts;
 * - the kernel imports nothing above it (no module, no top-level file of src/, nothing from scripts/);
 * - no import cycle, between files or between modules.
 * A module is the first folder under src/ (all of src/kernel is one); a file directly in src/ is a module of its own.
 * What the rules allow anyway is listed in `exceptions`, each with its reason; an exception that no longer matches
 * anything fails the test, so that whoever removes a breach also removes its line.
 */

/** An import: repository-relative paths with `/`. */
type Edge = { from: string; to: string };
type Rule = 'schema' | 'kernel' | 'cycle';
/** `from` / `to` name a file, or with a trailing `/` every file under a folder. */
type Exception = { rule: Rule; from: string; to: string; reason: string };

const exceptions: Exception[] = [
  { rule: 'schema', from: 'src/kernel/db/backup.test.ts', to: 'src/schema.ts', reason: 'backup is checked against every table of the schema, with rows the demo does not have' },
];

// ---------------------------------------------------------------------------------------------------------------
// Reading the imports

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** Every module specifier a source text imports: import (also `import type`), export … from, import(). */
function specifiersOf(text: string): string[] {
  return ts.preProcessFile(text, true, true).importedFiles.map((file) => file.fileName);
}

/** The file a relative specifier names (with or without its extension), or null for a package. */
function resolveSpecifier(fromFile: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  const target = resolve(dirname(fromFile), specifier);
  const candidates = [target, `${target}.ts`, `${target}.tsx`, join(target, 'index.ts')];
  const found = candidates.find((candidate) => existsSync(candidate) && statSync(candidate).isFile());
  if (!found) throw new Error(`${fromFile}: ${specifier} names no file`);
  return found;
}

/** The imports of every source file under `base`/src, between files (packages left out), with paths relative to `base`. */
function importsOfTree(base: string): Edge[] {
  const repoPath = (file: string) => relative(base, file).split('\\').join('/');
  return sourceFiles(join(base, 'src')).flatMap((file) =>
    specifiersOf(readFileSync(file, 'utf8')).flatMap((specifier) => {
      const target = resolveSpecifier(file, specifier);
      return target ? [{ from: repoPath(file), to: repoPath(target) }] : [];
    }),
  );
}

// ---------------------------------------------------------------------------------------------------------------
// The rules, on a list of imports

const isTest = (path: string) => /\.test\.tsx?$/.test(path);
const isSchema = (path: string) => path.endsWith('/schema.ts');
const inKernel = (path: string) => path.startsWith('src/kernel/');

/** `plans` for src/plans/…, `app.tsx` for a file directly in src/, `scripts` for scripts/…. */
function moduleOf(path: string): string {
  const parts = path.split('/');
  return parts[0] === 'src' ? parts[1]! : parts[0]!;
}

const matches = (pattern: string, path: string) => (pattern.endsWith('/') ? path.startsWith(pattern) : path === pattern);
const excepted = (rule: Rule, edge: Edge, list: Exception[]) =>
  list.some((e) => e.rule === rule && matches(e.from, edge.from) && matches(e.to, edge.to));
const show = (edge: Edge) => `${edge.from} → ${edge.to}`;

function schemaBreaches(edges: Edge[]): Edge[] {
  return edges.filter(({ from, to }) => isSchema(to) && !isSchema(from) && moduleOf(from) !== moduleOf(to));
}

function kernelBreaches(edges: Edge[]): Edge[] {
  return edges.filter(({ from, to }) => inKernel(from) && !isTest(from) && !inKernel(to));
}

/** Strongly connected components with more than one member (or a member importing itself), by Tarjan's algorithm. */
function cyclicGroups(graph: Map<string, Set<string>>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  const visit = (node: string) => {
    index.set(node, index.size);
    low.set(node, index.get(node)!);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node)!, index.get(next)!));
    }
    if (low.get(node) !== index.get(node)) return;
    const group: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      group.push(member);
    } while (member !== node);
    if (group.length > 1 || graph.get(node)?.has(node)) groups.push(group.sort());
  };
  for (const node of [...graph.keys()].sort()) if (!index.has(node)) visit(node);
  return groups;
}

/** A shortest way from one member of a group to another, both included (breadth first inside the group). */
function cyclePath(graph: Map<string, Set<string>>, group: string[], start: string, end: string): string[] {
  const cameFrom = new Map<string, string>([[start, start]]);
  const queue = [start];
  while (!cameFrom.has(end)) {
    const node = queue.shift()!;
    for (const next of [...graph.get(node)!].filter((n) => group.includes(n) && !cameFrom.has(n)).sort()) {
      cameFrom.set(next, node);
      queue.push(next);
    }
  }
  const path = [end];
  while (path[0] !== start) path.unshift(cameFrom.get(path[0]!)!);
  return path;
}

function graphOf(edges: Edge[], node: (path: string) => string): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const edge of edges) {
    const [from, to] = [node(edge.from), node(edge.to)];
    if (node === moduleOf && from === to) continue;
    graph.set(from, (graph.get(from) ?? new Set()).add(to));
  }
  return graph;
}

/** The imports a cycle may be made of: not a test's (a test file is imported by nothing, but ties together the modules it tests). */
function codeGraphs(edges: Edge[]) {
  const code = edges.filter((edge) => !isTest(edge.from));
  return { file: graphOf(code, (path) => path), module: graphOf(code, moduleOf), code };
}

/** One import from one module to another, named beside a step of a cycle between modules. */
function witness(code: Edge[], from: string, to: string): string {
  return show(code.find((e) => moduleOf(e.from) === from && moduleOf(e.to) === to)!);
}

/**
 * Each cycle as its path: for every import inside a group of files or modules that import each other, the shortest
 * way back from where it leads (so each import that takes part in a cycle is named in one).
 */
function cycles(edges: Edge[]): string[] {
  const graphs = codeGraphs(edges);
  return (['file', 'module'] as const).flatMap((kind) => {
    const graph = graphs[kind];
    const found = new Map<string, string>();
    for (const group of cyclicGroups(graph)) {
      for (const from of group) {
        for (const to of [...graph.get(from)!].filter((next) => group.includes(next)).sort()) {
          const path = [from, ...cyclePath(graph, group, to, from)];
          const key = rotated(path.slice(1)).join(' ');
          if (found.has(key)) continue;
          const steps = kind === 'module' ? ` (${path.slice(1).map((next, i) => witness(graphs.code, path[i]!, next)).join('; ')})` : '';
          found.set(key, `${kind}s: ${path.join(' → ')}${steps}`);
        }
      }
    }
    return [...found.values()];
  });
}

/** A cycle's members starting from the least, so that one cycle found from two of its members is one. */
function rotated(members: string[]): string[] {
  const first = members.indexOf([...members].sort()[0]!);
  return [...members.slice(first), ...members.slice(0, first)];
}

function reaches(graph: Map<string, Set<string>>, from: string, to: string): boolean {
  const seen = new Set([from]);
  const queue = [from];
  while (queue.length > 0) {
    for (const next of graph.get(queue.shift()!) ?? []) {
      if (next === to) return true;
      if (seen.has(next)) continue;
      seen.add(next);
      queue.push(next);
    }
  }
  return false;
}

/** Every breach of the rules that no exception allows, and every exception that allows nothing. */
function breaches(edges: Edge[], allowed: Exception[]): string[] {
  const open = (rule: Rule) => (edge: Edge) => !excepted(rule, edge, allowed);
  const found = [
    ...schemaBreaches(edges).filter(open('schema')).map((e) => `another module's tables: ${show(e)}`),
    ...kernelBreaches(edges).filter(open('kernel')).map((e) => `the kernel imports from above it: ${show(e)}`),
    ...cycles(edges.filter(open('cycle'))).map((path) => `import cycle between ${path}`),
  ];
  const stale = allowed.filter((exception) => !allowsSomething(exception, edges, allowed));
  return [...found, ...stale.map((e) => `exception allows nothing any more, remove it: ${e.rule} ${e.from} → ${e.to}`)];
}

function allowsSomething(exception: Exception, edges: Edge[], allowed: Exception[]): boolean {
  const applies = (edge: Edge) => matches(exception.from, edge.from) && matches(exception.to, edge.to);
  if (exception.rule === 'schema') return schemaBreaches(edges).some(applies);
  if (exception.rule === 'kernel') return kernelBreaches(edges).some(applies);
  // An import allowed to close a cycle must still close one, among the imports no other exception takes out.
  const others = allowed.filter((e) => e !== exception);
  const graphs = codeGraphs(edges.filter((edge) => !excepted('cycle', edge, others)));
  return graphs.code
    .filter(applies)
    .some(({ from, to }) => reaches(graphs.file, to, from) || (moduleOf(from) !== moduleOf(to) && reaches(graphs.module, moduleOf(to), moduleOf(from))));
}

// ---------------------------------------------------------------------------------------------------------------

describe('the code', () => {
  const edges = importsOfTree(root);

  it('reads every import of every file under src/', () => {
    expect(edges.length).toBeGreaterThan(1000);
  });

  it('keeps the house rules', () => {
    expect(breaches(edges, exceptions)).toEqual([]);
  });
});

describe('the rules themselves', () => {
  const edge = (from: string, to: string): Edge => ({ from, to });

  it('reads type-only imports, re-exports, dynamic imports and side-effect imports, resolving files with or without extension', () => {
    const base = mkdtempSync(join(tmpdir(), 'sasaeai-architecture-'));
    try {
      const write = (path: string, text: string) => {
        mkdirSync(dirname(join(base, path)), { recursive: true });
        writeFileSync(join(base, path), text);
      };
      write('scripts/tool.ts', '');
      write('src/a/index.ts', '');
      write('src/a/schema.ts', '');
      write('src/b/page.tsx', '');
      write('src/b/queries.ts', '');
      write(
        'src/b/commands.ts',
        [
          "import type { T } from '../a/schema.ts';",
          "export { q } from './queries';",
          "import { z } from 'zod';",
          "import '../a';",
          "const page = await import('./page.tsx');",
          "import { run } from '../../scripts/tool.ts';",
        ].join('\n'),
      );
      expect(importsOfTree(base)).toEqual([
        edge('src/b/commands.ts', 'src/a/schema.ts'),
        edge('src/b/commands.ts', 'src/b/queries.ts'),
        edge('src/b/commands.ts', 'src/a/index.ts'),
        edge('src/b/commands.ts', 'src/b/page.tsx'),
        edge('src/b/commands.ts', 'scripts/tool.ts'),
      ]);
      write('src/b/broken.ts', "import { x } from './missing.ts';");
      expect(() => importsOfTree(base)).toThrow('./missing.ts names no file');
    } finally {
      rmSync(base, { recursive: true, force: true });
    }
  });

  it("fails on another module's tables outside schema files, and not on a module's own or a foreign key", () => {
    expect(breaches([edge('src/reports/commands.ts', 'src/plans/schema.ts')], [])).toEqual([
      "another module's tables: src/reports/commands.ts → src/plans/schema.ts",
    ]);
    expect(breaches([edge('src/reports/queries.test.ts', 'src/kernel/audit/schema.ts')], [])).toHaveLength(1);
    expect(breaches([edge('src/reports/x.ts', 'src/schema.ts')], [])).toHaveLength(1);
    expect(breaches([edge('src/plans/queries.ts', 'src/plans/schema.ts'), edge('src/reports/schema.ts', 'src/plans/schema.ts'), edge('src/reports/commands.ts', 'src/plans/queries.ts')], [])).toEqual([]);
  });

  it('fails on the kernel importing a module, a top-level file or a script, and not on its tests', () => {
    expect(
      breaches([edge('src/kernel/db/a.ts', 'src/plans/queries.ts'), edge('src/kernel/web/b.ts', 'src/env.ts'), edge('src/kernel/db/c.ts', 'scripts/server.ts')], []),
    ).toEqual([
      'the kernel imports from above it: src/kernel/db/a.ts → src/plans/queries.ts',
      'the kernel imports from above it: src/kernel/web/b.ts → src/env.ts',
      'the kernel imports from above it: src/kernel/db/c.ts → scripts/server.ts',
    ]);
    expect(breaches([edge('src/kernel/db/a.test.ts', 'src/testing/factories.ts'), edge('src/kernel/db/a.ts', 'src/kernel/auth/actor.ts'), edge('src/plans/a.ts', 'src/kernel/db/a.ts')], [])).toEqual([]);
  });

  it('fails on a cycle between files, naming its path', () => {
    const edges = [edge('src/r/a.ts', 'src/r/b.ts'), edge('src/r/b.ts', 'src/r/c.ts'), edge('src/r/c.ts', 'src/r/a.ts'), edge('src/r/c.ts', 'src/r/d.ts')];
    expect(breaches(edges, [])).toEqual(['import cycle between files: src/r/a.ts → src/r/b.ts → src/r/c.ts → src/r/a.ts']);
    expect(breaches(edges.slice(1), [])).toEqual([]);
  });

  it('fails on a cycle between modules even when no file cycle exists, naming an import for each step, and not on a test', () => {
    const edges = [edge('src/plans/commands.ts', 'src/reports/queries.ts'), edge('src/reports/commands.ts', 'src/plans/queries.ts')];
    expect(breaches(edges, [])).toEqual([
      'import cycle between modules: plans → reports → plans (src/plans/commands.ts → src/reports/queries.ts; src/reports/commands.ts → src/plans/queries.ts)',
    ]);
    expect(breaches([edges[0]!, edge('src/reports/commands.test.ts', 'src/plans/queries.ts')], [])).toEqual([]);
  });

  it('lets an exception allow what it names, and fails on an exception that allows nothing', () => {
    const edges = [edge('src/meetings/commands.ts', 'src/plans/schema.ts'), edge('src/plans/commands.ts', 'src/reports/queries.ts'), edge('src/reports/commands.ts', 'src/plans/queries.ts')];
    const allowed: Exception[] = [
      { rule: 'schema', from: 'src/meetings/commands.ts', to: 'src/plans/schema.ts', reason: 'test' },
      { rule: 'cycle', from: 'src/plans/', to: 'src/reports/queries.ts', reason: 'test' },
    ];
    expect(breaches(edges, allowed)).toEqual([]);
    expect(breaches(edges.slice(0, 2), allowed)).toEqual(['exception allows nothing any more, remove it: cycle src/plans/ → src/reports/queries.ts']);
    expect(breaches(edges.slice(1), allowed)).toEqual(['exception allows nothing any more, remove it: schema src/meetings/commands.ts → src/plans/schema.ts']);
  });
});
