import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { CONTENT_SECURITY_POLICY } from '../shared/csp';

/**
 * Headers on every response. The page URL carries the launch token, so no referrer may leave for
 * another origin. 'same-origin' rather than 'no-referrer': under the Fetch standard a no-referrer
 * page's own POSTs may carry `Origin: null`, which this server refuses. Nothing of ours is meant
 * to be embedded or read elsewhere.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

const LOOPBACK_HOSTNAMES = ['127.0.0.1', 'localhost', '[::1]'];

/**
 * Why a request must be refused before anything else is looked at, or null if it may proceed.
 * The Host check defeats DNS rebinding (a foreign name resolving to 127.0.0.1); the Origin check
 * defeats cross-site requests from pages the person has open, including sandboxed ones (`null`).
 */
export function foreignRequestReason(req: IncomingMessage, port: number): string | null {
  const host = req.headers.host?.toLowerCase();
  if (host === undefined || !LOOPBACK_HOSTNAMES.some((name) => host === `${name}:${port}`)) {
    return `Notebook only answers requests addressed to 127.0.0.1:${port}, not ${JSON.stringify(req.headers.host ?? '')}; open the address it printed when it started.`;
  }
  const origin = req.headers.origin;
  if (origin !== undefined && origin.toLowerCase() !== `http://${host}`) {
    return `Notebook refuses requests from other web pages (this one came from ${JSON.stringify(origin)}); use the page at the address it printed when it started.`;
  }
  return null;
}

/** Constant-time comparison, so the token cannot be guessed one character at a time. */
export function tokenMatches(given: string, expected: string): boolean {
  const a = Buffer.from(given, 'utf8');
  const b = Buffer.from(expected, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}
