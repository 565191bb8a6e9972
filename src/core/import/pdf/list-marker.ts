export interface ListMarker {
  /** As printed: "•", "–", "1.", "a)", "(iv)". */
  readonly marker: string;
  /** The item's text after the marker. */
  readonly text: string;
  /**
   * Bullet glyphs only ever start an item. Dashes and enumerators also occur at the start of a
   * wrapped line ("– and then", "2. Auflage"), so they start an item only where a new block
   * begins anyway or a list is already running.
   */
  readonly certain: boolean;
}

const BULLET = /^([•◦▪▫●○■□‣⁃∙·*➢►▶✓✔])\s*(\S.*)$/u;
const DASH = /^([-–—])\s+(\S.*)$/u;
const ENUMERATOR = /^(\(?(?:\d{1,3}(?:\.\d{1,3})*|[a-z]|[ivxlc]{1,6})[.)])\s+(\S.*)$/i;

/** Splits a list marker off the start of a line, when it has one. */
export function splitListMarker(text: string): ListMarker | null {
  const bullet = BULLET.exec(text);
  if (bullet) return { marker: bullet[1]!, text: bullet[2]!, certain: true };
  const other = DASH.exec(text) ?? ENUMERATOR.exec(text);
  if (!other) return null;
  const marker = other[1]!;
  // "(a." and "a)" without "(" are fine; a lone "(" needs its ")".
  if (marker.startsWith('(') && !marker.endsWith(')')) return null;
  return { marker, text: other[2]!, certain: false };
}
