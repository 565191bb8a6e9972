import { sourceId, type SourceId } from '../../core/model/ids';

/**
 * The open source lives in the URL fragment (`#source=<id>`), so a reload reopens it while the
 * query string keeps the browser-mode launch token untouched.
 */
const KEY = 'source';

export function sourceIdFromHash(hash: string): SourceId | null {
  const value = new URLSearchParams(hash.replace(/^#/, '')).get(KEY);
  return value ? sourceId(value) : null;
}

export function hashForSource(id: SourceId): string {
  return `#${new URLSearchParams({ [KEY]: id }).toString()}`;
}
