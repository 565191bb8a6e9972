import { achBoardId, charOffset, memoId, sourceId, tagId, type AchBoardId, type MemoId, type SourceId, type TagId } from '../../core/model/ids';
import type { TextRange } from '../../core/model/source';
import type { PaneView } from '../../shared/api-contract';

/**
 * What the window shows lives in the URL fragment, so a reload (and Back) returns to it while the
 * query string keeps the browser-mode launch token untouched:
 *   #source=<id>                  a source in the reader
 *   #source=<id>&at=<start>-<end> ... scrolled to a passage, briefly emphasised
 *   #view=tag&tag=<id>            every passage with a tag
 *   #view=mentions&tag=<id>       passages that mention a group but are not tagged to it
 *   #view=tags                    the tag families and tags, to edit
 *   #view=problems                highlights needing review or orphaned, across sources
 *   #view=memo&memo=<id>          a memo (without an id: the list of memos)
 *   #view=matrix                  the evidence matrix
 *   #view=cooccurrence            tags that occur together
 *   #view=links                   the link chart of groups
 *   #view=ach&board=<id>          a board of competing hypotheses (without an id: the boards)
 *   #view=search&q=<query>        every result of a search across sources
 *   #view=help                    the keyboard shortcuts and what the views are for
 */
export type AppLocation =
  | { readonly view: 'source'; readonly sourceId: SourceId | null; readonly at: TextRange | null }
  | { readonly view: 'tag'; readonly tagId: TagId | null }
  | { readonly view: 'mentions'; readonly tagId: TagId | null }
  | { readonly view: 'tags' }
  | { readonly view: 'problems' }
  | { readonly view: 'memo'; readonly memoId: MemoId | null }
  | { readonly view: 'matrix' }
  | { readonly view: 'cooccurrence' }
  | { readonly view: 'links' }
  | { readonly view: 'ach'; readonly boardId: AchBoardId | null }
  | { readonly view: 'search'; readonly query: string }
  | { readonly view: 'help' };

const params = (hash: string) => new URLSearchParams(hash.replace(/^#/, ''));
const RANGE = /^(\d+)-(\d+)$/;

function rangeParam(value: string | null): TextRange | null {
  const match = value === null ? null : RANGE.exec(value);
  if (!match) return null;
  const start = Number(match[1]);
  const end = Number(match[2]);
  return start < end ? { start: charOffset(start), end: charOffset(end) } : null;
}

export function locationFromHash(hash: string): AppLocation {
  const p = params(hash);
  const tag = p.get('tag');
  switch (p.get('view')) {
    case 'tag':
      return { view: 'tag', tagId: tag ? tagId(tag) : null };
    case 'mentions':
      return { view: 'mentions', tagId: tag ? tagId(tag) : null };
    case 'tags':
      return { view: 'tags' };
    case 'problems':
      return { view: 'problems' };
    case 'help':
      return { view: 'help' };
    case 'memo': {
      const memo = p.get('memo');
      return { view: 'memo', memoId: memo ? memoId(memo) : null };
    }
    case 'matrix':
    case 'cooccurrence':
    case 'links':
      return { view: p.get('view') as 'matrix' | 'cooccurrence' | 'links' };
    case 'search':
      return { view: 'search', query: p.get('q') ?? '' };
    case 'ach': {
      const board = p.get('board');
      return { view: 'ach', boardId: board ? achBoardId(board) : null };
    }
    default: {
      const id = p.get('source');
      return { view: 'source', sourceId: id ? sourceId(id) : null, at: rangeParam(p.get('at')) };
    }
  }
}

export function hashFor(location: AppLocation): string {
  switch (location.view) {
    case 'source':
      return location.sourceId === null ? '#' : hashForSource(location.sourceId, location.at);
    case 'tag':
    case 'mentions':
      return `#${new URLSearchParams(location.tagId === null ? { view: location.view } : { view: location.view, tag: location.tagId }).toString()}`;
    case 'tags':
      return '#view=tags';
    case 'problems':
      return '#view=problems';
    case 'help':
      return '#view=help';
    case 'memo':
      return `#${new URLSearchParams(location.memoId === null ? { view: 'memo' } : { view: 'memo', memo: location.memoId }).toString()}`;
    case 'matrix':
    case 'cooccurrence':
    case 'links':
      return `#view=${location.view}`;
    case 'search':
      return `#${new URLSearchParams({ view: 'search', q: location.query }).toString()}`;
    case 'ach':
      return `#${new URLSearchParams(location.boardId === null ? { view: 'ach' } : { view: 'ach', board: location.boardId }).toString()}`;
  }
}

/** What the left pane shows for a location; null for the views no pane keeps (mentions, tag editing, no source). */
export function paneViewOf(location: AppLocation): PaneView | null {
  switch (location.view) {
    case 'source':
      return location.sourceId === null ? null : { kind: 'source', sourceId: location.sourceId, offset: null };
    case 'memo':
      return { kind: 'memo', memoId: location.memoId };
    case 'tag':
      return { kind: 'tag', tagId: location.tagId };
    case 'search':
      return { kind: 'search', query: location.query };
    default:
      return null;
  }
}

/** The location that shows a pane's view in the left pane, at a passage of a source when given. */
export function hashForView(view: PaneView, at: TextRange | null = null): string {
  switch (view.kind) {
    case 'source':
      return hashForSource(view.sourceId, at);
    case 'memo':
      return hashFor({ view: 'memo', memoId: view.memoId });
    case 'tag':
      return hashFor({ view: 'tag', tagId: view.tagId });
    case 'search':
      return hashFor({ view: 'search', query: view.query });
  }
}

export function sourceIdFromHash(hash: string): SourceId | null {
  const location = locationFromHash(hash);
  return location.view === 'source' ? location.sourceId : null;
}

export function hashForSource(id: SourceId, at: TextRange | null = null): string {
  const p = new URLSearchParams({ source: id });
  if (at) p.set('at', `${at.start}-${at.end}`);
  return `#${p.toString()}`;
}
