/** The seed documents and the demo transcription (the answer key), for the reader's tests. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { splitLines } from '../extract-text.ts';
import type { InterchangeDocument } from '../interchange.ts';
import { parseLines } from '../parse.ts';

export const SEED_FILES = [
  '000_e9d5bda1a79b8884.txt',
  '001_201624cb2daa6d5c.txt',
  '002_5595658a04dc1541.txt',
  '003_a28a7f2139639f67.txt',
  '004_529c19d04d9a4e6c.txt',
] as const;

export type SeedFile = (typeof SEED_FILES)[number];

export function seedPath(file: string): string {
  return fileURLToPath(new URL(`../../../fixtures/seeds/${file}`, import.meta.url));
}

export function seedText(file: SeedFile): string {
  return readFileSync(seedPath(file), 'utf8');
}

export function parseSeed(file: SeedFile): InterchangeDocument {
  return parseLines(splitLines(seedText(file)), { file, format: 'txt' });
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type DemoNode = { code: string; title: string; [field: string]: any };

export function demoPlan(ward: 'totsuka' | 'tsurumi' | 'asahi'): { periods: { period: number; nodes: DemoNode[]; [field: string]: unknown }[] } {
  const url = new URL(`../../demo/data/${ward}.json`, import.meta.url);
  return JSON.parse(readFileSync(fileURLToPath(url), 'utf8')).plans[0];
}
