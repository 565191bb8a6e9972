/**
 * Writing text into CommonMark so that it renders exactly as written: every character that could
 * open a construct is backslash-escaped (CommonMark lets any ASCII punctuation be escaped), and
 * what Markdown would swallow (whitespace at either end of a line) is written as a character
 * reference. Quotes from the sources go through here, so a citation never loses or gains a
 * character. Also escaped: `~` and `|`, which GitHub-flavoured renderers read as strikethrough and
 * tables.
 */

const ANYWHERE = /[\\`*_[\]<#~|]/g;
/** `&` only opens something when it reads as a character reference. */
const REFERENCE_AMPERSAND = /&(?=#?[A-Za-z0-9]+;)/g;

/** Text for one line of Markdown: no line breaks in it (see `finishLine` for the line's ends). */
export function escapeText(text: string): string {
  return text.replace(ANYWHERE, '\\$&').replace(REFERENCE_AMPERSAND, '\\&').replace(/\r/g, '&#13;');
}

const reference = (char: string): string => `&#${char.codePointAt(0)};`;

/**
 * A line of inline Markdown made safe at its ends: leading and trailing spaces and tabs (which a
 * paragraph strips) become character references, and a start that would open a block (a list
 * item, a block quote, a setext underline) is escaped.
 */
export function finishLine(line: string): string {
  const lead = /^[ \t]+/.exec(line)?.[0] ?? '';
  const trail = lead.length === line.length ? '' : (/[ \t]+$/.exec(line)?.[0] ?? '');
  const body = line.slice(lead.length, line.length - trail.length);
  const safeBody = lead === '' ? escapeLineStart(body) : body;
  return [...lead].map(reference).join('') + safeBody + [...trail].map(reference).join('');
}

function escapeLineStart(line: string): string {
  if (/^[-+=>]/.test(line)) return `\\${line}`;
  return line.replace(/^(\d{1,9})([.)])(?=[ \t]|$)/, '$1\\$2');
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
