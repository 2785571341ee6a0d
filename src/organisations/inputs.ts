import { z } from 'zod';
import { optionalEmail } from '../kernel/web/inputs.ts';
import { organisationKinds } from './schema.ts';

const lines = z
  .string()
  .max(5_000, '長すぎます')
  .transform((s) => s.replace(/\r\n?/g, '\n').split('\n').filter((line) => line.trim() !== ''));

export const organisationInput = z.object({
  version: z.coerce.number().int().min(0).default(0),
  name: z
    .string()
    .max(200, '200文字以内で入力してください')
    .refine((s) => s.trim() !== '', '名称を入力してください'),
  kind: z.enum(organisationKinds, { message: '種別を選んでください' }),
  wardId: z.union([z.literal('').transform(() => null), z.string().uuid('区の指定が不正です')]),
  aliases: lines,
  collective: z.string().optional().transform((value) => value === 'on'),
  description: z
    .string()
    .max(2_000, '2000文字以内で入力してください')
    .transform((s) => (s.trim() === '' ? null : s.replace(/\r\n?/g, '\n'))),
  /** Where reminders go for a body whose staff do not log in. */
  contactEmail: optionalEmail,
});
export type OrganisationInput = z.output<typeof organisationInput>;
