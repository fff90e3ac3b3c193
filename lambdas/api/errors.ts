/** Typed HTTP errors: the handler turns each into its status and a JSON body `{error, message, issues?}`. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues?: { path: string; message: string }[],
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class BadRequest extends HttpError {
  constructor(message: string, issues?: { path: string; message: string }[]) {
    super(400, 'bad_request', message, issues);
  }
}

export class NotFound extends HttpError {
  constructor(message: string) {
    super(404, 'not_found', message);
  }
}

export class MethodNotAllowed extends HttpError {
  constructor(
    readonly allow: string[],
    method: string,
    path: string,
  ) {
    super(405, 'method_not_allowed', `${method} is not allowed on ${path}; allowed: ${allow.join(', ')}`);
  }
}
