/** Where a bad field was found in the request. */
export type FieldLocation = 'body' | 'query' | 'params' | 'headers';

/**
 * One invalid field: a JSON pointer into the body (`/items/0/price`, `""` for the whole body) or the
 * parameter name for query and path parameters (`limit`).
 */
export interface FieldError {
  field: string;
  message: string;
  location: FieldLocation;
}

/** An RFC 9457 problem details document, with extension members. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  [extension: string]: unknown;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
export const PROBLEM_BASE_URI = 'https://mercado.dev/problems/';

/** A problem type URI from its slug (`validation-error`); full URIs pass through. */
export function problemTypeUri(slugOrUri: string): string {
  return /^[a-z][a-z0-9+.-]*:/i.test(slugOrUri) ? slugOrUri : `${PROBLEM_BASE_URI}${slugOrUri}`;
}

/** The standard problems the kit answers with: slug and title per status. */
export const STANDARD_PROBLEMS = {
  400: { slug: 'validation-error', title: 'Your request is not valid' },
  401: { slug: 'unauthorized', title: 'Authentication is required' },
  403: { slug: 'forbidden', title: 'You are not allowed to do this' },
  404: { slug: 'not-found', title: 'Not found' },
  405: { slug: 'method-not-allowed', title: 'Method not allowed' },
  409: { slug: 'conflict', title: 'Conflict with the current state' },
  413: { slug: 'payload-too-large', title: 'Request body too large' },
  415: { slug: 'unsupported-media-type', title: 'Unsupported media type' },
  500: { slug: 'internal-error', title: 'Internal server error' },
  503: { slug: 'service-unavailable', title: 'Service unavailable' },
} as const;

export type StandardStatus = keyof typeof STANDARD_PROBLEMS;

export interface HttpProblemInit {
  status: number;
  /** Slug under https://mercado.dev/problems/ or a full URI; defaults to the status's standard type. */
  type?: string;
  title?: string;
  detail?: string;
  extensions?: Record<string, unknown>;
  /** Extra response headers (Allow, WWW-Authenticate, …). */
  headers?: Record<string, string>;
}

/**
 * An error that knows its problem+json answer. Throw it (or a subclass) from a handler, or return it
 * from an error mapper.
 */
export class HttpProblem extends Error {
  readonly status: number;
  readonly type: string;
  readonly title: string;
  readonly detail: string | undefined;
  readonly extensions: Record<string, unknown>;
  readonly headers: Record<string, string>;

  constructor(init: HttpProblemInit) {
    const standard = (STANDARD_PROBLEMS as Record<number, { slug: string; title: string } | undefined>)[init.status];
    const title = init.title ?? standard?.title ?? 'Error';
    super(init.detail ?? title);
    this.name = new.target.name;
    this.status = init.status;
    this.type = problemTypeUri(init.type ?? standard?.slug ?? 'about:blank');
    this.title = title;
    this.detail = init.detail;
    this.extensions = init.extensions ?? {};
    this.headers = init.headers ?? {};
  }

  /** The problem document, with the request's instance path and id. */
  toProblem(context: { instance?: string; requestId?: string } = {}): ProblemDetails {
    return buildProblem({ type: this.type, title: this.title, status: this.status, detail: this.detail, extensions: this.extensions }, context);
  }
}

/** Assembles a problem document; standard members first, then extensions, then the request id. */
export function buildProblem(
  init: { type: string; title: string; status: number; detail?: string | undefined; extensions?: Record<string, unknown> },
  context: { instance?: string; requestId?: string } = {},
): ProblemDetails {
  const problem: ProblemDetails = { type: problemTypeUri(init.type), title: init.title, status: init.status };
  if (init.detail !== undefined) problem.detail = init.detail;
  if (context.instance !== undefined) problem.instance = context.instance;
  for (const [key, value] of Object.entries(init.extensions ?? {})) {
    if (!(key in problem)) problem[key] = value;
  }
  if (context.requestId !== undefined) problem.requestId = context.requestId;
  return problem;
}

/** 400: lists every invalid field. */
export class ValidationError extends HttpProblem {
  readonly errors: FieldError[];

  constructor(errors: FieldError[], detail = describeFieldErrors(errors)) {
    super({ status: 400, detail, extensions: { errors } });
    this.errors = errors;
  }
}

export function describeFieldErrors(errors: FieldError[]): string {
  return errors.length === 1 ? '1 field is invalid' : `${errors.length} fields are invalid`;
}

/** 404 for a resource that does not exist (`new NotFoundError('order', orderId)`). */
export class NotFoundError extends HttpProblem {
  constructor(resource: string, id?: string, detail?: string) {
    super({
      status: 404,
      detail: detail ?? (id === undefined ? `${resource} not found` : `${resource} ${id} not found`),
      extensions: id === undefined ? { resource } : { resource, id },
    });
  }
}

/**
 * 409 for a request that conflicts with the resource's state. Pass a specific problem type slug and
 * extension members, e.g. `{ currentStatus: 'delivered', attemptedStatus: 'approved' }`.
 */
export class ConflictError extends HttpProblem {
  constructor(detail: string, options: { type?: string; title?: string; extensions?: Record<string, unknown> } = {}) {
    super({ status: 409, detail, ...options });
  }
}

export class UnauthorizedError extends HttpProblem {
  constructor(detail: string, wwwAuthenticate: string) {
    super({ status: 401, detail, headers: { 'WWW-Authenticate': wwwAuthenticate } });
  }
}

export class ForbiddenError extends HttpProblem {
  constructor(detail: string, extensions: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
    super({ status: 403, detail, extensions, headers });
  }
}

export class PayloadTooLargeError extends HttpProblem {
  constructor(limitBytes: number) {
    super({ status: 413, detail: `the request body exceeds the limit of ${limitBytes} bytes`, extensions: { limitBytes } });
  }
}

export class UnsupportedMediaTypeError extends HttpProblem {
  constructor(received: string | undefined, accepted: string[]) {
    super({
      status: 415,
      detail: `the request body must be ${accepted.join(' or ')}${received ? `, not ${received}` : ''}`,
      extensions: { accepted },
      headers: { 'Accept-Post': accepted.join(', ') },
    });
  }
}

export class MethodNotAllowedError extends HttpProblem {
  constructor(method: string, path: string, allowed: string[]) {
    super({
      status: 405,
      detail: `${method} is not allowed on ${path}; allowed: ${allowed.join(', ')}`,
      extensions: { allowed },
      headers: { Allow: allowed.join(', ') },
    });
  }
}

/**
 * Structural shape a domain or application error may take to choose its own answer without
 * importing the kit: `class IllegalTransitionError extends Error { readonly httpStatus = 409;
 * readonly problemType = 'illegal-transition'; readonly problemExtensions = { currentStatus, attemptedStatus } }`.
 * Its message becomes the problem's detail.
 */
export interface ProblemShapedError {
  httpStatus: number;
  problemType?: string;
  problemTitle?: string;
  problemExtensions?: Record<string, unknown>;
  message: string;
}

export function isProblemShaped(error: unknown): error is ProblemShapedError {
  if (typeof error !== 'object' || error === null) return false;
  const status = (error as { httpStatus?: unknown }).httpStatus;
  return typeof status === 'number' && Number.isInteger(status) && status >= 400 && status <= 599;
}

/** Turns a problem-shaped error into an HttpProblem; 5xx keep a generic detail so nothing leaks. */
export function fromProblemShaped(error: ProblemShapedError): HttpProblem {
  const extensions = error.problemExtensions && typeof error.problemExtensions === 'object' ? error.problemExtensions : {};
  const init: HttpProblemInit = { status: error.httpStatus, extensions };
  if (error.problemType !== undefined) init.type = error.problemType;
  if (error.problemTitle !== undefined) init.title = error.problemTitle;
  if (error.httpStatus < 500) init.detail = error.message;
  return new HttpProblem(init);
}
