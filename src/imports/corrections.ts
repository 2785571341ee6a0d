/**
 * Corrections a user makes in the preview to what the reader misread, stored beside the parse
 * (`documentImports.corrections`) and laid on top of it: the parse itself is never edited, so what was read stays
 * visible next to what was corrected.
 */
import { z } from 'zod';
import type { InterchangeDocument, PlanNode } from '../reading/interchange.ts';

const fiscalYear = z.int().min(1900).max(2200);

export const planCorrectionSchema = z.object({
  name: z.string().nullable().optional(),
  nickname: z.string().nullable().optional(),
  period: z.int().min(1).nullable().optional(),
  fiscalYearStart: fiscalYear.nullable().optional(),
  fiscalYearEnd: fiscalYear.nullable().optional(),
});

export const nodeCorrectionSchema = z.object({
  code: z.string().optional(),
  title: z.string().optional(),
  owners: z.array(z.string()).optional(),
  vision: z.string().nullable().optional(),
  keywords: z.array(z.string()).optional(),
});

/** A report's place: the goal it is filed under, its owners as written, its fiscal year. */
export const reportCorrectionSchema = z.object({
  goalCode: z.string().nullable().optional(),
  goal: z.string().nullable().optional(),
  owner: z.string().nullable().optional(),
  fiscalYear: fiscalYear.nullable().optional(),
});

export const correctionsSchema = z.object({
  /** By the plan's index in `parsed.plans`. */
  plans: z.record(z.string(), planCorrectionSchema).default({}),
  /** By node key (`nodeKey`). */
  nodes: z.record(z.string(), nodeCorrectionSchema).default({}),
  /** By the report's index in `parsed.reports`. */
  reports: z.record(z.string(), reportCorrectionSchema).default({}),
});

export type PlanCorrection = z.infer<typeof planCorrectionSchema>;
export type NodeCorrection = z.infer<typeof nodeCorrectionSchema>;
export type ReportCorrection = z.infer<typeof reportCorrectionSchema>;
export type Corrections = z.infer<typeof correctionsSchema>;

/** A node's address in the parse: the plan's index, then the index at each level (`0:1.2`). */
export function nodeKey(planIndex: number, path: number[]): string {
  return `${planIndex}:${path.join('.')}`;
}

/** Reads stored corrections; anything unreadable counts as none (the column only ever holds what this module wrote). */
export function readCorrections(value: unknown): Corrections {
  const parsed = correctionsSchema.safeParse(value ?? {});
  return parsed.success ? parsed.data : { plans: {}, nodes: {}, reports: {} };
}

function definedOnly<T extends object>(correction: T): Partial<T> {
  return Object.fromEntries(Object.entries(correction).filter(([, value]) => value !== undefined)) as Partial<T>;
}

function correctedNodes(nodes: PlanNode[], planIndex: number, above: number[], corrections: Corrections): PlanNode[] {
  return nodes.map((node, index) => {
    const path = [...above, index];
    const correction = corrections.nodes[nodeKey(planIndex, path)] ?? {};
    return { ...node, ...definedOnly(correction), children: correctedNodes(node.children, planIndex, path, corrections) };
  });
}

/** The parse with the corrections laid on top: what the import maps into the plan model. */
export function correctedDocument(parsed: InterchangeDocument, corrections: Corrections): InterchangeDocument {
  return {
    ...parsed,
    plans: parsed.plans.map((plan, index) => ({
      ...plan,
      ...definedOnly(corrections.plans[String(index)] ?? {}),
      nodes: correctedNodes(plan.nodes, index, [], corrections),
    })),
    reports: parsed.reports.map((report, index) => ({ ...report, ...definedOnly(corrections.reports[String(index)] ?? {}) })),
  };
}

/** Every node of a plan with its key, depth-first in document order. */
export function nodesWithKeys(nodes: PlanNode[], planIndex: number, above: number[] = []): { key: string; node: PlanNode; depth: number }[] {
  return nodes.flatMap((node, index) => {
    const path = [...above, index];
    return [{ key: nodeKey(planIndex, path), node, depth: above.length }, ...nodesWithKeys(node.children, planIndex, path)];
  });
}
