import type { CommandResult } from '../db/command.ts';
import { translateProblem, translateProblems, type Problem, type Problems } from '../i18n/index.ts';
import type { AppContext } from './context.ts';
import { HttpError, NotFoundError } from './errors.ts';

type Page = Response | Promise<Response>;

/**
 * What a route answers for each outcome of its command. `ok` names where to go (303, with its notice); the others
 * show the page that says why. A reason without an answer here: a refusal or a conflict is a 409 error page saying
 * so, invalid input a 422 with its messages, and a record that is gone a 404.
 */
export type Answers<T, Current> = {
  ok: (value: T) => string;
  invalid?: (errors: Problems) => Page;
  conflict?: (current: Current) => Page;
  refused?: (refusal: { message: Problem; field?: string }) => Page;
};

/** The response to a command's result: the one switch every route's pipeline ends in. */
export async function respond<T, Current>(c: AppContext, result: CommandResult<T, Current>, answers: Answers<T, Current>): Promise<Response> {
  if (result.ok) return c.redirect(answers.ok(result.value), 303);
  switch (result.reason) {
    case 'invalid':
      if (answers.invalid) return answers.invalid(result.errors);
      throw new HttpError(422, Object.values(translateProblems(c.var.t, result.errors)).join(' '));
    case 'conflict':
      if (answers.conflict) return answers.conflict(result.current);
      throw new HttpError(409, c.var.t('admin.conflict.title'));
    case 'refused':
      if (answers.refused) return answers.refused(result);
      throw new HttpError(409, translateProblem(c.var.t, result.message));
    case 'not_found':
      throw new NotFoundError();
  }
}
