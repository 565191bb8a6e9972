import { UNTITLED_MEMO } from './memo-title';

/** Room for the longest name some file systems and sync tools take without complaint, in UTF-8 bytes. */
export const MAX_FILE_NAME_BYTES = 120;

// Forbidden on Windows (and "/" everywhere), plus control characters, which no system shows sanely.
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[<>:"/\\|?*\u0000-\u001f\u007f]+/g;
/** Names Windows reserves for devices, whatever the extension ("con.md" cannot be created). */
const RESERVED = /^(?:CON|PRN|AUX|NUL|COM[0-9¹²³]|LPT[0-9¹²³])$/i;

/** Bytes of `text` in UTF-8 (a lone surrogate counts as the three bytes of the character replacing it). */
function utf8Length(text: string): number {
  let bytes = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}

/**
 * A file name for a memo titled `title`, with `extension` (".md"), that Windows, macOS and Linux
 * all accept: forbidden characters become spaces, a reserved device name gets a "_" appended,
 * leading and trailing dots and spaces go, and the whole name fits MAX_FILE_NAME_BYTES without
 * cutting a character (or an emoji, or a letter from its accent) in two. An empty result is
 * "Untitled memo".
 */
export function fileNameForTitle(title: string, extension = '.md'): string {
  const room = MAX_FILE_NAME_BYTES - utf8Length(extension);
  let base = unreserved(tidy(title.normalize('NFC').replace(FORBIDDEN, ' ')));
  if (utf8Length(base) > room) base = tidy(truncate(base, room));
  return `${base === '' ? UNTITLED_MEMO : base}${extension}`;
}

/** Windows reserves a device name before any extension ("CON.notes" too), ignoring trailing spaces: "CON" becomes "CON_". */
function unreserved(base: string): string {
  const [head = '', ...rest] = base.split('.');
  return RESERVED.test(head.trimEnd()) ? [`${head.trimEnd()}_`, ...rest].join('.') : base;
}

/** Runs of spaces made one; dots and spaces trimmed from both ends (a leading dot hides a file; a trailing one Windows drops). */
const tidy = (text: string): string => text.replace(/\s+/g, ' ').replace(/^[\s.]+|[\s.]+$/g, '');

/** The longest prefix of `text`, whole grapheme by whole grapheme, that fits `bytes` of UTF-8. */
function truncate(text: string, bytes: number): string {
  let kept = '';
  let used = 0;
  for (const { segment } of new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(text)) {
    used += utf8Length(segment);
    if (used > bytes) break;
    kept += segment;
  }
  return kept;
}
