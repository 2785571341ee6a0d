/** The preview's forms, checked at the edge: a correction of a plan or of an item, the confirmation. */
import { z } from 'zod';
import { fiscalYearInput, optionalTypedText, typedText } from '../kernel/web/inputs.ts';
import { says } from '../kernel/web/validation.ts';

const version = z.coerce.number().int().min(1, says('form.version'));

/** One entry per line; blank lines dropped, each line kept as typed. */
const lines = z
  .string()
  .max(20_000, says('form.overLong'))
  .transform((s) => s.replace(/\r\n?/g, '\n').split('\n').filter((line) => line.trim() !== ''));

/** A number field that may be left blank (null). */
const optionalNumber = <T extends z.ZodType<number>>(number: T) => z.preprocess((value) => (typeof value === 'string' && value.trim() === '' ? null : value), number.nullable());

export const nodeCorrectionInput = z.object({
  version,
  kind: z.literal('node'),
  key: z.string().regex(/^\d+:\d+(\.\d+)*$/, says('import.error.item')),
  code: typedText(50),
  title: typedText(500),
  owners: lines,
  vision: optionalTypedText(20_000),
  keywords: lines,
});

export const planCorrectionInput = z
  .object({
    version,
    kind: z.literal('plan'),
    key: z.string().regex(/^\d+$/, says('import.error.plan')),
    name: optionalTypedText(300),
    nickname: optionalTypedText(300),
    period: optionalNumber(z.coerce.number(says('import.error.period')).int(says('import.error.period')).min(1, says('import.error.periodMin'))),
    fiscalYearStart: optionalNumber(fiscalYearInput('import.field.fiscalYearStart')),
    fiscalYearEnd: optionalNumber(fiscalYearInput('import.field.fiscalYearEnd')),
  })
  .refine((p) => p.fiscalYearStart === null || p.fiscalYearEnd === null || p.fiscalYearEnd >= p.fiscalYearStart, {
    path: ['fiscalYearEnd'],
    ...says('form.fiscalYearOrder'),
  });

/** Where a report goes: its goal (number and title as in the plan), its owners, its fiscal year. */
export const reportCorrectionInput = z.object({
  version,
  kind: z.literal('report'),
  key: z.string().regex(/^\d+$/, says('import.error.report')),
  goalCode: optionalTypedText(50),
  goal: optionalTypedText(500),
  owner: optionalTypedText(500),
  fiscalYear: optionalNumber(fiscalYearInput('import.field.fiscalYear')),
});

export const correctionInput = z.discriminatedUnion('kind', [nodeCorrectionInput, planCorrectionInput, reportCorrectionInput]);
export type CorrectionFormInput = z.output<typeof correctionInput>;

export const applyInput = z.object({
  version,
  fingerprint: z.string().min(1).max(100),
  overwrite: z.array(z.string().max(200)).max(10_000),
});

export const discardInput = z.object({ version });
