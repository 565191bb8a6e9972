/**
 * Writing text into Markdown so that it reads back as written, by CommonMark readers and by
 * Pandoc's Markdown alike: every character that could open a construct is backslash-escaped (both
 * let any ASCII punctuation be escaped). Beyond CommonMark's own: `~` and `|` (strikethrough,
 * tables in GitHub-flavoured renderers), and what Pandoc reads specially: `"` and `'` (which its
 * "smart" typography curls), `--` and `...` (dashes, ellipsis), `^` `~` (super- and subscript),
 * `$` (TeX math), `@` (citations) and `{` (attributes). No character reference is ever written:
 * the file holds the analyst's characters and nothing else. Quotes from the sources go through
 * here, so a citation never loses or gains a character.
 *
 * What Markdown cannot carry without character references is whitespace at the start or end of a
 * line: a paragraph drops it, and Pandoc also drops spaces before a hard line break. It is left
 * out (it shows nothing either way). Pandoc also reads any run of spaces between words as one.
 */

const ANYWHERE = /[\\`*_[\]<#~|"'^$@{]/g;
/** `--` and `...`: Pandoc's dash and ellipsis, escaped by their first character. */
const TYPOGRAPHY = /-(?=-)|\.(?=\.\.)/g;
/** `&` only opens something when it reads as a character reference. */
const REFERENCE_AMPERSAND = /&(?=#?[A-Za-z0-9]+;)/g;

/** Text for one line of Markdown: no line breaks in it (see `finishLine` for the line's ends). */
export function escapeText(text: string): string {
  return text.replace(ANYWHERE, '\\$&').replace(TYPOGRAPHY, '\\$&').replace(REFERENCE_AMPERSAND, '\\&').replace(/\r/g, '&#13;');
}

/**
 * A line of inline Markdown made safe at its ends: spaces and tabs there (which a paragraph
 * strips) are left out, and a start that would open a block (a list item, a block quote, a
 * setext underline, a Pandoc definition or fancy list) is escaped.
 */
export function finishLine(line: string): string {
  return escapeLineStart(line.replace(/^[ \t]+|[ \t]+$/g, ''));
}

function escapeLineStart(line: string): string {
  if (/^[-+=>:]/.test(line)) return `\\${line}`;
  return (
    line
      .replace(/^(\d{1,9})([.)])(?=[ \t]|$)/, '$1\\$2')
      // Pandoc's fancy lists: "a. ", "iv) ", "(b) ", "(12) ".
      .replace(/^([A-Za-z]|[ivxlcdmIVXLCDM]+)([.)])(?=[ \t]|$)/, '$1\\$2')
      .replace(/^\((?=(?:\d{1,9}|[A-Za-z]|[ivxlcdmIVXLCDM]+)\)(?:[ \t]|$))/, '\\(')
  );
}

/** A code span holding `text` verbatim: its fence is longer than any run of backticks inside. */
export function codeSpan(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  // CommonMark strips one space from each end when both are spaces, and a backtick at an end would join the fence.
  const pad = /^[ `]|[ `]$/.test(text) && text.trim() !== '' ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** A link destination: in angle brackets (which allow spaces and parentheses) with `<`, `>` and `\` escaped. */
export function linkDestination(href: string): string {
  return `<${href.replace(/[\\<>]/g, '\\$&').replace(/\n/g, '%0A')}>`;
}
