import { translateProblem, type Problem } from '../kernel/i18n/index.ts';
import { translatorFor } from '../messages.ts';
import { OperatorError } from '../kernel/process/operator-error.ts';

/** A problem the operator can fix: printed as is, exit code 1, no stack trace. */
export class CliError extends OperatorError {}

/** A module's problem as the operator's terminal says it (the CLI speaks Japanese). */
export const japaneseText = (problem: Problem): string => translateProblem(translatorFor('ja'), problem);
