/**
 * Wraps a loader so that callers share one load, and the loaded state is kept; a load that failed
 * (a disk error at start) is tried again by the next call rather than remembered as failed.
 */
export function loadOnce(load: () => Promise<void>): () => Promise<void> {
  let loading: Promise<void> | null = null;
  return () => {
    if (loading === null) {
      const current = load();
      loading = current;
      current.catch(() => {
        if (loading === current) loading = null;
      });
    }
    return loading;
  };
}
