import { z } from 'zod';
import { displayNameInput, loginInput } from '../accounts/inputs.ts';
import { passwordProblem } from '../accounts/password-rules.ts';
import { municipalityKinds } from '../municipalities/queries.ts';
import { romanisedNameInput, romanisedNameSource, ROMANISED_NAME_MAX } from '../municipalities/inputs.ts';
import { says } from '../kernel/web/validation.ts';

const SLUG_MAX = 50;
const slugPattern = new RegExp(`^[a-z0-9][a-z0-9-]{0,${SLUG_MAX - 1}}$`);
const slug = z.string().trim().regex(slugPattern, says('setup.error.slug'));
const name = (required: 'setup.error.nameRequired' | 'setup.error.prefectureRequired') => z.string().trim().min(1, says(required)).max(50, says('setup.error.nameLong', { max: 50 }));

export type WardEntry = { slug: string; name: string; romanisedName: string | null };

const separator = '[\\s,:、：\\u3000]+';
const wardLine = new RegExp(`^([^\\s,:、：\\u3000]+)${separator}(.+?)(?:${separator}(${romanisedNameSource}))?$`);

/**
 * One ward a line, "asahi 旭区" or with its romanised name "asahi 旭区 Asahi" (a space, a tab, a comma or a colon
 * between, full-width too); blank lines are skipped.
 */
const wardLines = z.string().transform((text, ctx): WardEntry[] => {
  const wards: WardEntry[] = [];
  let unreadable = false;
  text.split('\n').forEach((raw, index) => {
    const line = raw.trim();
    if (line === '') return;
    const match = wardLine.exec(line);
    const entry = match && { slug: match[1]!, name: match[2]!.trim(), romanisedName: match[3] ?? null };
    if (!entry || !slugPattern.test(entry.slug) || entry.name.length > 50 || (entry.romanisedName?.length ?? 0) > ROMANISED_NAME_MAX) {
      unreadable = true;
      ctx.addIssue({ code: 'custom', ...says('setup.error.wardLine', { line: index + 1, text: line }) });
    } else if (wards.some((w) => w.slug === entry.slug || w.name === entry.name)) {
      unreadable = true;
      ctx.addIssue({ code: 'custom', ...says('setup.error.wardTwice', { line: index + 1, slug: entry.slug }) });
    } else {
      wards.push(entry);
    }
  });
  if (wards.length === 0 && !unreadable) ctx.addIssue({ code: 'custom', ...says('setup.error.wardsRequired') });
  return wards;
});

const setupFields = z.object({
  municipalityName: name('setup.error.nameRequired'),
  municipalityRomanisedName: romanisedNameInput,
  slug,
  prefecture: name('setup.error.prefectureRequired'),
  kind: z.enum(municipalityKinds, says('setup.error.kind')),
  wards: wardLines,
  login: loginInput,
  displayName: displayNameInput,
  password: z.string(),
});

function checkPassword(input: { password: string; login: string }, ctx: z.RefinementCtx): void {
  const problem = passwordProblem(input.password, input.login);
  if (problem) ctx.addIssue({ code: 'custom', path: ['password'], ...says(problem.key, problem.params) });
}

/** What the setup page and `sasaeai setup` ask for: the municipality, its wards, and the first administrator. */
export const setupInput = setupFields.superRefine(checkPassword);
export type SetupInput = z.output<typeof setupInput>;

/** The setup page's form: the same, with the password typed a second time, which must be the same. */
export const setupForm = setupFields.extend({ passwordConfirmation: z.string() }).superRefine((input, ctx) => {
  checkPassword(input, ctx);
  if (input.passwordConfirmation !== input.password) ctx.addIssue({ code: 'custom', path: ['passwordConfirmation'], ...says('setup.error.passwordMismatch') });
});
