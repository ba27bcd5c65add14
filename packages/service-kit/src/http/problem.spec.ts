import {
  buildProblem,
  ConflictError,
  fromProblemShaped,
  HttpProblem,
  isProblemShaped,
  MethodNotAllowedError,
  NotFoundError,
  PayloadTooLargeError,
  problemTypeUri,
  UnsupportedMediaTypeError,
  ValidationError,
} from './problem';

describe('problem details', () => {
  it('turns slugs into mercado.dev problem URIs and keeps full URIs', () => {
    expect(problemTypeUri('validation-error')).toBe('https://mercado.dev/problems/validation-error');
    expect(problemTypeUri('https://example.org/p/x')).toBe('https://example.org/p/x');
    expect(problemTypeUri('about:blank')).toBe('about:blank');
  });

  it('builds the standard members, then extensions, then the request id; extensions cannot overwrite them', () => {
    const problem = buildProblem(
      { type: 'conflict', title: 'Conflict', status: 409, detail: 'no', extensions: { status: 200, currentStatus: 'shipped' } },
      { instance: '/orders/1', requestId: 'r-1' },
    );
    expect(problem).toEqual({
      type: 'https://mercado.dev/problems/conflict',
      title: 'Conflict',
      status: 409,
      detail: 'no',
      instance: '/orders/1',
      currentStatus: 'shipped',
      requestId: 'r-1',
    });
    expect(Object.keys(problem)).toEqual(['type', 'title', 'status', 'detail', 'instance', 'currentStatus', 'requestId']);
  });

  it('leaves out detail and instance when absent', () => {
    expect(buildProblem({ type: 'x', title: 'X', status: 500 })).toEqual({ type: 'https://mercado.dev/problems/x', title: 'X', status: 500 });
  });

  it('gives each standard error its status, type, title, detail and extensions', () => {
    const validation = new ValidationError([
      { field: '/a', message: 'is required', location: 'body' },
      { field: 'limit', message: 'must be ≤ 500', location: 'query' },
    ]);
    expect(validation.toProblem({ instance: '/x' })).toEqual({
      type: 'https://mercado.dev/problems/validation-error',
      title: 'Your request is not valid',
      status: 400,
      detail: '2 fields are invalid',
      instance: '/x',
      errors: [
        { field: '/a', message: 'is required', location: 'body' },
        { field: 'limit', message: 'must be ≤ 500', location: 'query' },
      ],
    });
    expect(new ValidationError([{ field: '', message: 'm', location: 'body' }]).detail).toBe('1 field is invalid');

    expect(new NotFoundError('order', 'o-1').toProblem()).toEqual({
      type: 'https://mercado.dev/problems/not-found',
      title: 'Not found',
      status: 404,
      detail: 'order o-1 not found',
      resource: 'order',
      id: 'o-1',
    });
    expect(new NotFoundError('seller').detail).toBe('seller not found');

    const conflict = new ConflictError('order o-1 is delivered; it cannot be approved', {
      type: 'illegal-transition',
      extensions: { currentStatus: 'delivered', attemptedStatus: 'approved' },
    });
    expect(conflict.toProblem()).toEqual({
      type: 'https://mercado.dev/problems/illegal-transition',
      title: 'Conflict with the current state',
      status: 409,
      detail: 'order o-1 is delivered; it cannot be approved',
      currentStatus: 'delivered',
      attemptedStatus: 'approved',
    });
    expect(conflict).toBeInstanceOf(Error);
    expect(conflict.name).toBe('ConflictError');

    expect(new PayloadTooLargeError(1024).toProblem()).toMatchObject({ status: 413, limitBytes: 1024, detail: 'the request body exceeds the limit of 1024 bytes' });
    const unsupported = new UnsupportedMediaTypeError('text/plain', ['application/json']);
    expect(unsupported.detail).toBe('the request body must be application/json, not text/plain');
    expect(new UnsupportedMediaTypeError(undefined, ['a', 'b']).detail).toBe('the request body must be a or b');
    const notAllowed = new MethodNotAllowedError('DELETE', '/orders', ['GET', 'POST']);
    expect(notAllowed.headers).toEqual({ Allow: 'GET, POST' });
    expect(notAllowed.detail).toBe('DELETE is not allowed on /orders; allowed: GET, POST');
  });

  it('falls back to about:blank and "Error" for a non-standard status', () => {
    const problem = new HttpProblem({ status: 418 });
    expect(problem.type).toBe('about:blank');
    expect(problem.title).toBe('Error');
    expect(problem.message).toBe('Error');
  });

  it('recognizes problem-shaped errors structurally', () => {
    class IllegalTransitionError extends Error {
      readonly httpStatus = 409;
      readonly problemType = 'illegal-transition';
      readonly problemTitle = 'Illegal status transition';
      readonly problemExtensions = { currentStatus: 'canceled', attemptedStatus: 'shipped' };
    }
    const error = new IllegalTransitionError('order o-9 is canceled; it cannot be shipped');
    expect(isProblemShaped(error)).toBe(true);
    expect(isProblemShaped(new Error('x'))).toBe(false);
    expect(isProblemShaped({ httpStatus: 200 })).toBe(false);
    expect(isProblemShaped({ httpStatus: 409.5 })).toBe(false);
    expect(isProblemShaped(null)).toBe(false);
    expect(fromProblemShaped(error).toProblem()).toEqual({
      type: 'https://mercado.dev/problems/illegal-transition',
      title: 'Illegal status transition',
      status: 409,
      detail: 'order o-9 is canceled; it cannot be shipped',
      currentStatus: 'canceled',
      attemptedStatus: 'shipped',
    });
    // A 5xx keeps its message to itself.
    expect(fromProblemShaped({ httpStatus: 503, message: 'pool exhausted at postgres://u:p@h/db' }).toProblem()).toEqual({
      type: 'https://mercado.dev/problems/service-unavailable',
      title: 'Service unavailable',
      status: 503,
    });
  });
});
