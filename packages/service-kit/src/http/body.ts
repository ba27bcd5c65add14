import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import { PayloadTooLargeError, UnsupportedMediaTypeError } from './problem';

export const DEFAULT_JSON_LIMIT = '1mb';
/** Bulk imports stream; their limit only guards against runaway uploads. */
export const DEFAULT_NDJSON_LIMIT = '256mb';
export const JSON_TYPES = ['application/json', 'application/*+json'];
export const NDJSON_TYPES = ['application/x-ndjson', 'application/ndjson'];
export const DEFAULT_MAX_LINE_BYTES = 1024 * 1024;

const UNITS: Record<string, number> = { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 };

/** Bytes in a size such as `1mb`, `512kb`, `100` (as express's limit option reads it, base 1024). */
export function parseByteSize(size: string | number): number {
  if (typeof size === 'number') return size;
  const match = /^\s*(\d+(?:\.\d+)?)\s*(b|kb|mb|gb)?\s*$/i.exec(size);
  if (!match) throw new Error(`"${size}" is not a byte size (use e.g. 1mb, 512kb, 100)`);
  return Math.floor(Number(match[1]) * UNITS[(match[2] ?? 'b').toLowerCase()]!);
}

function hasBody(req: Request): boolean {
  return req.headers['transfer-encoding'] !== undefined || (req.headers['content-length'] !== undefined && req.headers['content-length'] !== '0');
}

/** 415 when a body is sent with a content type the route does not take. */
export function requireContentType(types: string[], documented: string[] = types): RequestHandler {
  return (req: Request, _res: Response, next: NextFunction) => {
    if (hasBody(req) && !req.is(types)) throw new UnsupportedMediaTypeError(req.get('content-type'), documented);
    next();
  };
}

/** Parses a JSON body up to `limit`. */
export function jsonBody(limit: string | number): RequestHandler[] {
  const limitBytes = parseByteSize(limit);
  return [
    requireContentType(JSON_TYPES, ['application/json']),
    (req, _res, next) => {
      req.bodyLimitBytes = limitBytes;
      next();
    },
    express.json({ limit: limitBytes, type: JSON_TYPES, strict: true }),
  ];
}

/** Checks an NDJSON body's type and declared length; the handler streams it with readNdjson(). */
export function ndjsonBody(limit: string | number): RequestHandler[] {
  const limitBytes = parseByteSize(limit);
  return [
    requireContentType(NDJSON_TYPES, ['application/x-ndjson']),
    (req, _res, next) => {
      const declared = Number(req.headers['content-length']);
      if (Number.isFinite(declared) && declared > limitBytes) throw new PayloadTooLargeError(limitBytes);
      req.bodyLimitBytes = limitBytes;
      next();
    },
  ];
}

export type NdjsonLine = { line: number; value: unknown } | { line: number; error: string };

export interface ReadNdjsonOptions {
  /** Default: the route's body limit. */
  limitBytes?: number;
  /** A longer line is reported as an error and skipped (default 1 MiB). */
  maxLineBytes?: number;
}

/**
 * Streams an NDJSON body line by line without holding it in memory: each non-blank line yields its
 * parsed value or, when it is not JSON, its error, with its 1-based line number, so the caller can
 * keep good records and report bad ones. Exceeding the body limit throws a 413 PayloadTooLargeError.
 */
export async function* readNdjson(req: Request, options: ReadNdjsonOptions = {}): AsyncGenerator<NdjsonLine> {
  const limitBytes = options.limitBytes ?? req.bodyLimitBytes ?? Number.POSITIVE_INFINITY;
  const maxLineBytes = options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
  let received = 0;
  let line = 0;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let overlong = false;

  const finish = (): NdjsonLine | undefined => {
    line += 1;
    const wasOverlong = overlong;
    const text = wasOverlong ? '' : Buffer.concat(pending, pendingBytes).toString('utf8').replace(/\r$/, '');
    pending = [];
    pendingBytes = 0;
    overlong = false;
    if (wasOverlong) return { line, error: `the line is longer than ${maxLineBytes} bytes` };
    if (text.trim() === '') return undefined;
    try {
      return { line, value: JSON.parse(text) };
    } catch (error) {
      return { line, error: `not valid JSON: ${(error as Error).message}` };
    }
  };

  for await (const chunk of req as AsyncIterable<Buffer>) {
    received += chunk.length;
    if (received > limitBytes) throw new PayloadTooLargeError(limitBytes);
    let start = 0;
    for (let newline = chunk.indexOf(0x0a, start); newline !== -1; newline = chunk.indexOf(0x0a, start)) {
      append(chunk.subarray(start, newline));
      const result = finish();
      if (result) yield result;
      start = newline + 1;
    }
    if (start < chunk.length) append(chunk.subarray(start));
  }
  if (pendingBytes > 0 || overlong) {
    const result = finish();
    if (result) yield result;
  }

  function append(piece: Buffer): void {
    if (overlong || piece.length === 0) return;
    if (pendingBytes + piece.length > maxLineBytes) {
      overlong = true;
      pending = [];
      pendingBytes = 0;
      return;
    }
    pending.push(piece);
    pendingBytes += piece.length;
  }
}
