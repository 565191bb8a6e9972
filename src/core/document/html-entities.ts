/**
 * The named entities a converted document plausibly carries. An entity outside this table stays
 * as written, so the person sees exactly what the source says rather than a guessed character.
 */
const NAMED: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  ndash: '\u2013',
  mdash: '\u2014',
  lsquo: '\u2018',
  rsquo: '\u2019',
  ldquo: '\u201c',
  rdquo: '\u201d',
  hellip: '\u2026',
  copy: '\u00a9',
};

const ENTITY = /^&(?:#([0-9]{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]{1,31}));/;

function fromCodePoint(code: number): string | null {
  // NUL, surrogates and values past Unicode are not characters: CommonMark keeps them visible.
  if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return null;
  return String.fromCodePoint(code);
}

/**
 * Reads an entity at the start of `src` (which begins with "&"). Returns the decoded text and how
 * many characters of `src` it used, or null when `src` does not start with a known entity.
 */
export function readEntity(src: string): { readonly text: string; readonly length: number } | null {
  const match = ENTITY.exec(src);
  if (!match) return null;
  const [whole, decimal, hex, name] = match;
  let text: string | null = null;
  if (decimal !== undefined) text = fromCodePoint(Number.parseInt(decimal, 10));
  else if (hex !== undefined) text = fromCodePoint(Number.parseInt(hex, 16));
  else if (name !== undefined) text = NAMED[name] ?? null;
  return text === null ? null : { text, length: whole.length };
}
