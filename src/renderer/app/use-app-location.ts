import { useMemo, useSyncExternalStore } from 'react';
import { locationFromHash, type AppLocation } from './location-hash';

const subscribe = (onChange: () => void) => {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
};

/** What the URL says the window shows; links (library entries, tags, passages) change it. */
export function useAppLocation(): AppLocation {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return useMemo(() => locationFromHash(hash), [hash]);
}
