import { createContext, useContext } from 'react';
import type { Resource } from '../app/use-api-resource';
import type { TagIndex } from './tag-index';

export interface TagSetState {
  readonly tags: Resource<TagIndex>;
  readonly retry: () => void;
}

/** The notebook's tag set, loaded once by the App and reloaded whenever a change was applied. */
export const TagSetContext = createContext<TagSetState>({ tags: { status: 'loading' }, retry: () => undefined });

export function useTagSet(): TagSetState {
  return useContext(TagSetContext);
}

/** The tag set once loaded; null while loading or when it failed (the App shows why). */
export function useTagIndex(): TagIndex | null {
  const { tags } = useContext(TagSetContext);
  return tags.status === 'ready' ? tags.value : null;
}
