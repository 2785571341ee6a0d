/**
 * An error the person running the server or the command line can act on: its message (Japanese) says what is wrong
 * and what to do, and is shown as it is, in one line, never with a stack trace.
 */
export class OperatorError extends Error {}
