import type { ErrorRequestHandler, Request } from 'express';
import {
  fromProblemShaped,
  HttpProblem,
  isProblemShaped,
  PayloadTooLargeError,
  PROBLEM_CONTENT_TYPE,
  UnsupportedMediaTypeError,
  ValidationError,
} from './problem';

/** A hook that maps a service's own errors (e.g. domain errors) to problems; undefined passes. */
export type ErrorMapper = (error: unknown) => HttpProblem | undefined;

interface BodyParserError {
  type: string;
  status?: number;
  limit?: number;
  charset?: string;
  encoding?: string;
}

function isBodyParserError(error: unknown): error is BodyParserError {
  return typeof error === 'object' && error !== null && typeof (error as { type?: unknown }).type === 'string' && 'status' in error;
}

/** The problem an error answers with. Anything unknown is a 500 that reveals nothing. */
export function toHttpProblem(error: unknown, mappers: ErrorMapper[] = []): HttpProblem {
  if (error instanceof HttpProblem) return error;
  for (const mapper of mappers) {
    const mapped = mapper(error);
    if (mapped) return mapped;
  }
  if (isProblemShaped(error)) return fromProblemShaped(error);
  if (isBodyParserError(error)) {
    switch (error.type) {
      case 'entity.too.large':
        return new PayloadTooLargeError(error.limit ?? 0);
      case 'entity.parse.failed':
        return new ValidationError([{ field: '', location: 'body', message: 'is not valid JSON' }], 'the request body is not valid JSON');
      case 'encoding.unsupported':
        return new UnsupportedMediaTypeError(`content encoding ${error.encoding ?? ''}`.trim(), ['identity', 'gzip', 'deflate', 'br']);
      case 'charset.unsupported':
        return new UnsupportedMediaTypeError(`charset ${error.charset ?? ''}`.trim(), ['application/json; charset=utf-8']);
      case 'request.aborted':
      case 'request.size.invalid':
        return new HttpProblem({ status: 400, type: 'bad-request', title: 'Bad request', detail: 'the request body was incomplete' });
    }
  }
  // The router's own client errors, e.g. a path parameter that is not valid percent-encoding.
  const status = (error as { status?: unknown; statusCode?: unknown } | null)?.status ?? (error as { statusCode?: unknown } | null)?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return new HttpProblem({ status, type: 'bad-request', title: 'Bad request', detail: 'the request could not be understood' });
  }
  return new HttpProblem({ status: 500, detail: 'an unexpected error occurred; quote the requestId when reporting it' });
}

export function instanceOf(req: Request): string {
  return req.originalUrl.split('?')[0] ?? '/';
}

/** Answers every error as application/problem+json; 5xx are logged with the request id, never shown. */
export function problemErrorHandler(mappers: ErrorMapper[]): ErrorRequestHandler {
  return (error, req, res, next) => {
    const problem = toHttpProblem(error, mappers);
    if (problem.status >= 500) req.log.error({ err: error, status: problem.status }, 'request failed');
    else req.log.debug({ status: problem.status, type: problem.type, detail: problem.detail }, 'request rejected');
    if (res.headersSent) {
      next(error);
      return;
    }
    // An unread oversized body is not worth draining: close the connection after answering.
    if (problem.status === 413) res.setHeader('Connection', 'close');
    res.status(problem.status).set(problem.headers).type(PROBLEM_CONTENT_TYPE);
    res.send(JSON.stringify(problem.toProblem({ instance: instanceOf(req), requestId: req.id })));
  };
}
