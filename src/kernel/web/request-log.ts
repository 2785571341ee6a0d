import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { createMiddleware } from 'hono/factory';
import { clientAddress } from './client-address.ts';
import type { AppContext, AppEnv } from './context.ts';

/** What a proxy may hand on as the request id (nginx's `$request_id` is 32 hex digits); anything else is replaced. */
const FORWARDED_ID = /^[A-Za-z0-9._-]{8,64}$/;

/** One request as a log line. No query string (it may carry what someone typed), no account, no address unless asked. */
export type RequestLine = {
  time: string;
  level: 'info';
  requestId: string;
  method: string;
  path: string;
  status: number;
  durationMs: number;
  /** Bytes written to the socket for this response, headers included (as nginx's `$bytes_sent`). */
  bytes: number;
  /** The client did not wait for the whole answer. */
  aborted?: true;
  clientAddress?: string;
};

export type ErrorLine = { time: string; level: 'error'; requestId: string; method: string; path: string; message: string; cause?: string; stack?: string };

/**
 * Names each request (the proxy's `X-Request-Id`, or a new one), says the name in the response's `X-Request-Id`, and,
 * with LOG_REQUESTS on, writes one JSON line to stdout when the answer has gone out (or the client went away).
 * Only requests that arrive over a socket are logged: in-process test requests have no response to watch.
 */
export const requestLog = createMiddleware<AppEnv>(async (c, next) => {
  const forwarded = c.req.header('x-request-id');
  const requestId = forwarded && FORWARDED_ID.test(forwarded) ? forwarded : randomUUID();
  c.set('requestId', requestId);
  c.header('x-request-id', requestId);
  const mode = c.var.services.config.logRequests;
  const outgoing = (c.env as { outgoing?: ServerResponse } | undefined)?.outgoing;
  if (mode === 'off' || !outgoing) return next();
  const started = performance.now();
  const socket = outgoing.socket;
  const bytesBefore = socket?.bytesWritten ?? 0;
  const address = mode === 'with-address' ? clientAddress(c) : undefined;
  outgoing.once('close', () => {
    const line: RequestLine = {
      time: new Date().toISOString(),
      level: 'info',
      requestId,
      method: c.req.method,
      path: c.req.path,
      status: outgoing.statusCode,
      durationMs: Math.round((performance.now() - started) * 10) / 10,
      bytes: (socket?.bytesWritten ?? 0) - bytesBefore,
      ...(outgoing.writableFinished ? {} : { aborted: true as const }),
      ...(address ? { clientAddress: address } : {}),
    };
    process.stdout.write(`${JSON.stringify(line)}\n`);
  });
  await next();
});

/** Drizzle ends a failed query's message with its parameters: what someone typed, kept out of the log. */
const QUERY_PARAMETERS = /\nparams: [\s\S]*$/;

/**
 * An unexpected error as one JSON line on stderr, for the operator's log and never for the client: its message and
 * stack without a query's parameters, and the message of its cause (the database's own reason for a failed query).
 */
export function logError(c: AppContext, error: Error): void {
  const message = error.message.replace(QUERY_PARAMETERS, '');
  const line: ErrorLine = {
    time: new Date().toISOString(),
    level: 'error',
    requestId: c.var.requestId ?? '',
    method: c.req.method,
    path: c.req.path,
    message,
    ...(error.cause instanceof Error ? { cause: error.cause.message } : {}),
    ...(error.stack ? { stack: error.stack.replace(error.message, message) } : {}),
  };
  console.error(JSON.stringify(line));
}
