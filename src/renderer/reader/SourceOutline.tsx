import type { CSSProperties, KeyboardEvent, MouseEvent, RefObject } from 'react';
import { PopoverPanel } from '../controls/PopoverPanel';
import { entryIndexForKey } from '../library/roving-focus';
import { blockElementId } from './element-ids';
import type { OutlineEntry } from './source-outline';

interface SourceOutlineProps {
  readonly entries: readonly OutlineEntry[];
  /** Prefix of the reader's element ids. */
  readonly scope: string;
  readonly scrollerRef: RefObject<HTMLElement | null>;
  readonly navigate: (elementId: string) => void;
}

/** The heading the reader is in: the last one at or above the top of its scrolling area. */
function currentEntry(entries: readonly OutlineEntry[], scope: string, scroller: HTMLElement | null): number | null {
  if (!scroller) return null;
  const top = scroller.getBoundingClientRect().top + 8;
  let current: number | null = null;
  for (const entry of entries) {
    const heading = document.getElementById(blockElementId(scope, entry.index));
    if (!heading || heading.getBoundingClientRect().top > top) break;
    current = entry.index;
  }
  return current;
}

/**
 * The source's headings, from a button above its text: it opens on the heading being read, the
 * arrow keys move through them and choosing one takes the reader (and the keyboard) there.
 */
export function SourceOutline({ entries, scope, scrollerRef, navigate }: SourceOutlineProps) {
  const onKeyDown = (event: KeyboardEvent<HTMLOListElement>) => {
    const links = [...event.currentTarget.querySelectorAll<HTMLAnchorElement>('a')];
    const next = entryIndexForKey(event.key, Math.max(links.indexOf(document.activeElement as HTMLAnchorElement), 0), links.length);
    if (next === null) return;
    event.preventDefault();
    links[next]?.focus();
  };
  return (
    <PopoverPanel label="Outline" placement="bottom-end">
      {(close) => {
        const current = currentEntry(entries, scope, scrollerRef.current);
        const go = (index: number) => (event: MouseEvent) => {
          event.preventDefault();
          close();
          navigate(blockElementId(scope, index));
        };
        return (
          <ol className="outline-list" onKeyDown={onKeyDown}>
            {entries.map((entry) => (
              <li key={entry.index} style={{ '--depth': entry.depth } as CSSProperties}>
                <a href={`#${blockElementId(scope, entry.index)}`} aria-current={entry.index === current ? 'location' : undefined} onClick={go(entry.index)}>
                  {entry.title}
                </a>
              </li>
            ))}
          </ol>
        );
      }}
    </PopoverPanel>
  );
}
