/** An error a route throws on purpose; the app's error handler turns it into the matching Japanese page. */
export class HttpError extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 409 | 413 | 422 | 429,
    message: string,
  ) {
    super(message);
  }
}

export class NotFoundError extends HttpError {
  constructor(what = 'not found') {
    super(404, what);
  }
}

export class ForbiddenError extends HttpError {
  constructor(what = 'forbidden') {
    super(403, what);
  }
}
