/** `scheme://user:password@host` → `scheme://user:***@host`, anywhere in a string. */
export function redactUrlPasswords(text: string): string {
  return text.replace(/([a-z][a-z0-9+.-]*:\/\/[^\s:/@]+:)([^\s@/]+)(@)/gi, '$1***$3');
}

const SENSITIVE_KEY = /^(authorization|cookie|set-cookie|password|passwd|secret|token|access_?token|refresh_?token|id_?token|api_?key|client_?secret|private_?key)$/i;

/**
 * A copy of a log object with secrets hidden: values under sensitive keys (authorization, password,
 * token, …) become `[REDACTED]` and URL passwords (DATABASE_URL) are masked, to a small depth.
 */
export function redactSecrets(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return redactUrlPasswords(value);
  if (depth >= 6 || value === null || typeof value !== 'object') return value;
  if (value instanceof Error) return value;
  if (Array.isArray(value)) return value.map((item) => redactSecrets(item, depth + 1));
  if (Buffer.isBuffer(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    out[key] = SENSITIVE_KEY.test(key) && item !== undefined && item !== null ? '[REDACTED]' : redactSecrets(item, depth + 1);
  }
  return out;
}
