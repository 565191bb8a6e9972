/** A run of inline content as the memo writers build it: text, a line break, or something opaque (a footnote, raw Markdown). */
interface Run {
  readonly kind: string;
}

const textOf = (run: Run): string | null => (run.kind === 'text' ? (run as Run & { readonly text: string }).text : null);

/**
 * `runs` without the whitespace and line breaks at one end: a paragraph's edges are not the
 * writer's to keep (Markdown and Word would each show them differently). An opaque run stops it.
 */
export function trimRuns<T extends Run>(runs: readonly T[], side: 'start' | 'end'): T[] {
  const rest = [...runs];
  const index = (): number => (side === 'start' ? 0 : rest.length - 1);
  while (rest.length > 0) {
    const run = rest[index()]!;
    const text = textOf(run);
    if (run.kind !== 'break' && text === null) break;
    if (text === null || text.trim() === '') {
      rest.splice(index(), 1);
      continue;
    }
    rest[index()] = { ...run, text: side === 'start' ? text.trimStart() : text.trimEnd() };
    break;
  }
  return rest;
}
