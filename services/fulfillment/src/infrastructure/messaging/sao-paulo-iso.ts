/**
 * Instants as the contracts want them: ISO-8601 with the offset São Paulo had at that instant
 * (`2017-10-02T10:56:33-03:00`, `-02:00` in the summer time Brazil kept until 2019), so that a reader
 * sees Olist's local wall clock. Milliseconds are written only when there are some.
 */
const offsetFormatter = new Intl.DateTimeFormat('en-US', {
  timeZone: 'America/Sao_Paulo',
  timeZoneName: 'longOffset',
});

const HOUR_MS = 3_600_000;
/**
 * The zone's offset (minutes) per UTC hour: São Paulo changes offset only on whole hours, and Intl
 * formatting is the costly part of writing an instant (a bulk import writes hundreds of thousands).
 */
const offsetByHour = new Map<number, number>();

function offsetMinutes(epochMs: number): number {
  const hour = Math.floor(epochMs / HOUR_MS);
  let offset = offsetByHour.get(hour);
  if (offset === undefined) {
    const name = offsetFormatter.formatToParts(new Date(hour * HOUR_MS)).find((p) => p.type === 'timeZoneName')!.value;
    // `GMT-03:00`, or `GMT` for a zero offset.
    const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
    offset = match ? (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : 0;
    if (offsetByHour.size > 200_000) offsetByHour.clear();
    offsetByHour.set(hour, offset);
  }
  return offset;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export function toSaoPauloIso(instant: Date): string {
  const epochMs = instant.getTime();
  const offset = offsetMinutes(epochMs);
  const wall = new Date(epochMs + offset * 60_000);
  const ms = wall.getUTCMilliseconds();
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return (
    `${pad(wall.getUTCFullYear(), 4)}-${pad(wall.getUTCMonth() + 1)}-${pad(wall.getUTCDate())}` +
    `T${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())}:${pad(wall.getUTCSeconds())}` +
    `${ms === 0 ? '' : `.${pad(ms, 3)}`}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  );
}

/** The same, or null. */
export function toSaoPauloIsoOrNull(instant: Date | null): string | null {
  return instant === null ? null : toSaoPauloIso(instant);
}
