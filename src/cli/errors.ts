/** A problem the operator can fix: printed as is, exit code 1, no stack trace. */
export class CliError extends Error {}
