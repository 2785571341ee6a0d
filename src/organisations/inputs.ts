import { z } from 'zod';
import { optionalEmail } from '../kernel/web/inputs.ts';
import { says } from '../kernel/web/validation.ts';
import { organisationKinds } from './schema.ts';

const lines = z
  .string()
  .max(5_000, says('form.overLong'))
  .transform((s) => s.replace(/\r\n?/g, '\n').split('\n').filter((line) => line.trim() !== ''));

export const organisationInput = z.object({
  version: z.coerce.number().int().min(0).default(0),
  name: z
    .string()
    .max(200, says('form.tooLong'))
    .refine((s) => s.trim() !== '', says('form.nameRequired')),
  kind: z.enum(organisationKinds, says('registry.error.kind')),
  wardId: z.union([z.literal('').transform(() => null), z.string().uuid(says('registry.error.ward'))]),
  aliases: lines,
  collective: z.string().optional().transform((value) => value === 'on'),
  description: z
    .string()
    .max(2_000, says('form.tooLong'))
    .transform((s) => (s.trim() === '' ? null : s.replace(/\r\n?/g, '\n'))),
  /** Where reminders go for a body whose staff do not log in. */
  contactEmail: optionalEmail,
});
export type OrganisationInput = z.output<typeof organisationInput>;
