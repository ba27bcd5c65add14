/**
 * Instants as the contracts want them: ISO-8601 with the offset São Paulo had at that instant
 * (`2017-10-02T10:56:33-03:00`, `-02:00` in the summer time Brazil kept until 2019), so that a reader
 * sees Olist's local wall clock. Milliseconds are written only when there are some.
 */
const formatter = new Intl.DateTimeFormat('en-US', {
  timeZone: 'America/Sao_Paulo',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  timeZoneName: 'longOffset',
});

export function toSaoPauloIso(instant: Date): string {
  const parts: Record<string, string> = {};
  for (const part of formatter.formatToParts(instant)) parts[part.type] = part.value;
  // longOffset is `GMT-03:00`, or `GMT` for a zero offset (never the case in São Paulo since 1914).
  const offset = parts.timeZoneName === 'GMT' ? '+00:00' : parts.timeZoneName!.replace('GMT', '');
  const ms = instant.getUTCMilliseconds();
  const fraction = ms === 0 ? '' : `.${String(ms).padStart(3, '0')}`;
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}${fraction}${offset}`;
}

/** The same, or null. */
export function toSaoPauloIsoOrNull(instant: Date | null): string | null {
  return instant === null ? null : toSaoPauloIso(instant);
}
