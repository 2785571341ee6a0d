import type { z } from 'zod';
import type { Problems } from '../i18n/index.ts';
import type { AppContext } from './context.ts';
import { invalidRequest } from './validation.ts';

/** A form's body as Hono parses it: each field a text, a file, or (with `all: true`) several of them. */
export type FormBody = Record<string, string | File | (string | File)[]>;

/** A form read at the edge: its input, or each field's first problem (translated when the form is shown again). */
export type Parsed<T> = { ok: true; value: T } | { ok: false; errors: Problems };

/** What was sent under one name. */
export type FormValue = FormBody[string];

/** The text of a field (the first, if it was sent several times); '' for a file or a field not sent. */
export function textOf(value: FormValue | undefined): string {
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? first : '';
}

/** Every text sent under one name (ticked boxes, repeated rows); files are left out. */
export function textsOf(value: FormValue | undefined): string[] {
  return [value ?? []].flat().filter((v): v is string => typeof v === 'string');
}

/** Every field as its text: what a form page shows again when its input did not pass. */
export function textFields(body: FormBody): Record<string, string> {
  return Object.fromEntries(Object.entries(body).map(([name, value]) => [name, textOf(value)]));
}

/** A button's few fields (the version read, a direction …), checked by `schema`; anything else is a form this app did not send. */
export async function buttonInput<S extends z.ZodType>(c: AppContext, schema: S): Promise<z.output<S>> {
  const parsed = schema.safeParse(await c.req.parseBody());
  if (!parsed.success) throw invalidRequest(c.var.t, parsed.error);
  return parsed.data;
}
