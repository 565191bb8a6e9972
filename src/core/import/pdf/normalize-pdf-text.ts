/**
 * Cleans the characters pdf.js reports so the canonical text searches like typed text: a "ﬁ"
 * glyph would otherwise make "find" unfindable (Zotero #2044), and the odd spaces and invisible
 * characters of typesetting would break word matching.
 */

const LIGATURES: Readonly<Record<string, string>> = {
  '\uFB00': 'ff',
  '\uFB01': 'fi',
  '\uFB02': 'fl',
  '\uFB03': 'ffi',
  '\uFB04': 'ffl',
  '\uFB05': 'st',
  '\uFB06': 'st',
};
const LIGATURE = /[\uFB00-\uFB06]/g;

/** NBSP and the fixed-width spaces of typesetting, tabs, and line breaks a run may carry. */
const ODD_SPACE = /[\t\n\r\f\v\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]/g;

/**
 * Zero-width space, word joiner, BOM and control codes (unmapped glyphs come out as these).
 * ZWNJ and ZWJ stay: in Persian, Indic scripts and emoji they change the word.
 */
// eslint-disable-next-line no-control-regex -- matching control codes is the point
const INVISIBLE = /[\u0000-\u0008\u000E-\u001F\u007F\u200B\u2060\uFEFF]/g;

export const SOFT_HYPHEN = '\u00AD';

/** The characters of one text run, cleaned; soft hyphens stay until the line is whole. */
export function normalizeRunText(str: string): string {
  return str
    .replace(LIGATURE, (ch) => LIGATURES[ch] ?? ch)
    .replace(ODD_SPACE, ' ')
    .replace(INVISIBLE, '');
}

/**
 * A whole line's text: spaces collapsed and trimmed, soft hyphens dropped except one ending the
 * line, which says the word goes on at the next line.
 */
export function finishLineText(text: string): string {
  const collapsed = text.replace(/ {2,}/g, ' ').trim();
  const broken = collapsed.endsWith(SOFT_HYPHEN);
  const plain = collapsed.replaceAll(SOFT_HYPHEN, '').trim();
  return broken && plain !== '' ? plain + SOFT_HYPHEN : plain;
}
