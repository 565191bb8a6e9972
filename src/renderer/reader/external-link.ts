/**
 * Links in sources lead out of the notebook: only web and mail addresses are followed, so a
 * source cannot make the reader run script or open local files. Relative links have no base to
 * resolve against and are shown as plain text.
 */
const FOLLOWED_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

export function externalHref(href: string): string | null {
  if (!URL.canParse(href)) return null;
  const url = new URL(href);
  return FOLLOWED_PROTOCOLS.has(url.protocol) ? url.href : null;
}
