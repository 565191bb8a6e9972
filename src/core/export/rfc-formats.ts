/**
 * The two value formats the W3C Web Annotation model requires of what the export writes:
 * absolute URIs (RFC 3986) for ids and sources, and date-times (RFC 3339, with a time zone)
 * for timestamps. Checked here so that an export either conforms or says why it cannot.
 */

const URI_UNIT = String.raw`[A-Za-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9A-Fa-f]{2}`;
/** scheme ":" then URI characters (brackets allowed for IPv6 hosts), with at most one fragment. */
const ABSOLUTE_URI = new RegExp(String.raw`^[A-Za-z][A-Za-z0-9+.\-]*:(?:${URI_UNIT}|[\[\]])*(?:#(?:${URI_UNIT})*)?$`);

export function isAbsoluteUri(s: string): boolean {
  return ABSOLUTE_URI.test(s);
}

/**
 * `iri` as a URI: unchanged when it already is one, else with its non-ASCII characters and
 * spaces percent-encoded as RFC 3987 maps an IRI to a URI; null when even that is not a URI.
 */
export function toUri(iri: string): string | null {
  if (isAbsoluteUri(iri)) return iri;
  let encoded: string;
  try {
    encoded = encodeURI(iri);
  } catch {
    // encodeURI refuses lone surrogates: such a string names nothing.
    return null;
  }
  return isAbsoluteUri(encoded) ? encoded : null;
}

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:Z|[+-](\d{2}):(\d{2}))$/i;

/** True for an RFC 3339 date-time with a time zone, such as 2025-01-13T09:30:00.000Z. */
export function isDateTime(s: string): boolean {
  const parts = DATE_TIME.exec(s);
  if (!parts) return false;
  const field = (i: number): number => Number(parts[i] ?? 0);
  const [year, month, day] = [field(1), field(2), field(3)];
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const dateOk = month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth;
  const timeOk = field(4) <= 23 && field(5) <= 59 && field(6) <= 60;
  const zoneOk = field(7) <= 23 && field(8) <= 59;
  return dateOk && timeOk && zoneOk;
}
