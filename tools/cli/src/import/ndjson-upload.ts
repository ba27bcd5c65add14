// Streams records to a bulk import endpoint as NDJSON, in requests of at most `chunkSize` records, with
// backpressure: the next record is read from the source only when the request body asks for more bytes.

export interface UploadReject {
  line?: number;
  index?: number;
  field?: string | null;
  reason: string;
  [key: string]: unknown;
}

export interface UploadSummary {
  sent: number;
  accepted: number;
  unchanged: number;
  rejected: UploadReject[];
  requests: number;
}

export interface UploadOptions {
  url: string;
  token: string;
  chunkSize?: number;
  /** Called after each request with the running summary. */
  onProgress?: (summary: UploadSummary) => void;
}

export class UploadError extends Error {
  constructor(
    readonly url: string,
    readonly status: number,
    readonly body: string,
  ) {
    super(`POST ${url} answered ${status}: ${body.slice(0, 500)}`);
    this.name = 'UploadError';
  }
}

const encoder = new TextEncoder();

/** Reads a service's import answer whatever its exact wording: counts of accepted/unchanged, and rejects. */
export function readImportAnswer(answer: Record<string, unknown>): {
  accepted: number;
  unchanged: number;
  rejected: UploadReject[];
} {
  const count = (...keys: string[]): number => {
    for (const key of keys) {
      const value = answer[key];
      if (typeof value === 'number') return value;
      if (Array.isArray(value)) return value.length;
    }
    return 0;
  };
  const rejected = (['rejected', 'rejects', 'errors'] as const)
    .map((key) => answer[key])
    .find((value): value is UploadReject[] => Array.isArray(value));
  return {
    accepted: count('accepted', 'imported', 'created', 'inserted', 'changed'),
    unchanged: count('unchanged', 'duplicates', 'skipped', 'alreadyImported'),
    rejected: rejected ?? [],
  };
}

/** One record to send, with the physical line of the CSV file it came from (for the rejects report). */
export interface SourcedRecord {
  sourceLine: number;
  payload: object;
}

export interface SourcedReject extends UploadReject {
  sourceLine: number | undefined;
}

export async function uploadNdjson(
  records: AsyncIterable<SourcedRecord>,
  options: UploadOptions,
): Promise<UploadSummary & { rejected: SourcedReject[] }> {
  const chunkSize = options.chunkSize ?? 5_000;
  const summary: UploadSummary & { rejected: SourcedReject[] } = {
    sent: 0,
    accepted: 0,
    unchanged: 0,
    rejected: [],
    requests: 0,
  };
  const iterator = records[Symbol.asyncIterator]();
  let pending = await iterator.next();
  while (!pending.done) {
    // Source lines of this request's records, so a reject at NDJSON line n maps back to the CSV line.
    const chunkLines: number[] = [];
    // A pull-based body: each pull serialises up to 64 KiB, so memory stays bounded by what the socket
    // has not yet taken.
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        let text = '';
        while (!pending.done && text.length < 64 * 1024 && chunkLines.length < chunkSize) {
          chunkLines.push(pending.value.sourceLine);
          text += JSON.stringify(pending.value.payload) + '\n';
          pending = await iterator.next();
        }
        if (text) controller.enqueue(encoder.encode(text));
        if (pending.done || chunkLines.length >= chunkSize) controller.close();
      },
    });
    const response = await fetch(options.url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-ndjson', authorization: `Bearer ${options.token}` },
      body,
      duplex: 'half',
    } as RequestInit);
    const answerText = await response.text();
    if (!response.ok) throw new UploadError(options.url, response.status, answerText);
    summary.requests++;
    summary.sent += chunkLines.length;
    const answer = readImportAnswer(JSON.parse(answerText) as Record<string, unknown>);
    summary.accepted += answer.accepted;
    summary.unchanged += answer.unchanged;
    for (const reject of answer.rejected) {
      const position =
        typeof reject.line === 'number'
          ? reject.line - 1
          : typeof reject.index === 'number'
            ? reject.index
            : -1;
      summary.rejected.push({ ...reject, sourceLine: chunkLines[position] });
    }
    options.onProgress?.(summary);
  }
  return summary;
}
