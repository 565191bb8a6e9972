/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export interface LoneSurrogate {
  /** Where in the value, e.g. `text` or `doc.content[0].content[2].text` (`(input)` for the value itself). */
  readonly path: string;
  /** The UTF-16 index of the broken character within that string. */
  readonly index: number;
}

/**
 * The first string in `value` (object keys included) holding half a surrogate pair: text that no
 * file encoding can store, so it would come back from disk as U+FFFD, a different text, and every
 * offset and quote measured on it would be wrong after a restart. Walks iteratively, since inputs
 * (a memo body) can nest deeper than the stack; typed arrays (file bytes) are not text and are skipped.
 */
export function findLoneSurrogate(value: unknown): LoneSurrogate | null {
  const pending: { readonly value: unknown; readonly path: string }[] = [{ value, path: '' }];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const found = inString(next.value, next.path);
    if (found !== null) return found;
    if (typeof next.value !== 'object' || next.value === null || ArrayBuffer.isView(next.value)) continue;
    if (Array.isArray(next.value)) {
      for (let i = next.value.length - 1; i >= 0; i--) pending.push({ value: next.value[i], path: `${next.path}[${i}]` });
      continue;
    }
    const entries = Object.entries(next.value);
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, child] = entries[i] as [string, unknown];
      const path = next.path === '' ? key : `${next.path}.${key}`;
      const inKey = inString(key, `${path} (the name)`);
      if (inKey !== null) return inKey;
      pending.push({ value: child, path });
    }
  }
  return null;
}

function inString(value: unknown, path: string): LoneSurrogate | null {
  if (typeof value !== 'string') return null;
  const match = LONE_SURROGATE.exec(value);
  return match === null ? null : { path: path === '' ? '(input)' : path, index: match.index };
}
