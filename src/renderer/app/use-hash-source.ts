import { useSyncExternalStore } from 'react';
import type { SourceId } from '../../core/model/ids';
import { sourceIdFromHash } from './location-hash';

const subscribe = (onChange: () => void) => {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
};

/** The source the URL names; library entries are links that change it. */
export function useHashSource(): SourceId | null {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return sourceIdFromHash(hash);
}
