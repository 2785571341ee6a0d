import { planPaths } from '../paths.ts';
import type { StructureFormat } from './export.ts';

/** URLs of a period's structure file: download, upload, and the preview of one upload. */
export const structurePaths = {
  download: (m: string, plan: string, n: number, format: StructureFormat) => `${planPaths.adminPeriod(m, plan, n)}/structure/${format}`,
  upload: (m: string, plan: string, n: number) => `${planPaths.adminPeriod(m, plan, n)}/structure`,
  preview: (m: string, plan: string, n: number, upload: string) => `${planPaths.adminPeriod(m, plan, n)}/structure/imports/${upload}`,
};
