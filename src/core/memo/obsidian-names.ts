import { fileNameForTitle } from './file-name';

/**
 * Names an Obsidian vault can hold: note names that are file names on every system and can stand
 * in a wikilink, tags in Obsidian's tag syntax, and block ids.
 */

/** What a wikilink cannot hold in its target (`#` and `^` start a heading or block, `|` an alias, brackets end it). */
const NOT_IN_LINKS = /[[\]#^|]+/g;

/**
 * One note name per title, without extension, safe as a file name (file-name.ts) and as a wikilink
 * target; titles that would give the same name (letter case aside, as macOS and Windows compare
 * them) get " (2)", " (3)"… in the order given.
 */
export function uniqueNoteNames(titles: readonly string[]): string[] {
  const taken = new Set<string>();
  return titles.map((title) => {
    const clean = title.replace(NOT_IN_LINKS, ' ');
    let name = fileNameForTitle(clean, '');
    // The number goes where an extension would, so that shortening a long title never cuts it off.
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = fileNameForTitle(clean, ` (${n})`);
    taken.add(name.toLowerCase());
    return name;
  });
}

/**
 * A tag name in Obsidian's tag syntax, without its `#`: letters, digits, `_` and `-` only (spaces and
 * punctuation become `-`; `/` too, which would nest the tag), and at least one character that is
 * not a digit (Obsidian ignores "#2025"). Null when nothing of the name is left.
 */
export function obsidianTag(name: string): string | null {
  const tag = name
    .normalize('NFC')
    .replace(/[^\p{L}\p{M}\p{N}_-]+/gu, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-+|-+$/g, '');
  if (tag === '') return null;
  return /^[\p{N}_-]+$/u.test(tag) ? `tag-${tag}` : tag;
}

/**
 * Block ids for highlights, `h-` and the start of the highlight's id (letters and digits only,
 * which Obsidian's block ids allow), lengthened until each is unique among `ids`.
 */
export function highlightBlockIds(ids: readonly string[]): Map<string, string> {
  const clean = (id: string): string => id.toLowerCase().replace(/[^a-z0-9]/g, '') || 'x';
  // An id's start is unique once it is longer than what it shares with its neighbours in sorted order.
  const sorted = [...new Set(ids.map(clean))].sort();
  const needed = new Map<string, number>();
  sorted.forEach((id, i) => {
    const shared = Math.max(commonPrefix(id, sorted[i - 1] ?? ''), commonPrefix(id, sorted[i + 1] ?? ''));
    needed.set(id, Math.min(id.length, Math.max(8, shared + 1)));
  });
  const blockIds = new Map<string, string>();
  const taken = new Set<string>();
  for (const id of ids) {
    const cleaned = clean(id);
    const base = `h-${cleaned.slice(0, needed.get(cleaned))}`;
    // Two ids that differ only in what a block id cannot hold ("a-1", "a1") are numbered apart.
    let blockId = base;
    for (let n = 2; taken.has(blockId); n++) blockId = `${base}-${n}`;
    taken.add(blockId);
    blockIds.set(id, blockId);
  }
  return blockIds;
}

function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return i;
}
