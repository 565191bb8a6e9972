/**
 * Arrow-key movement through the library's entries (Tab still moves through them one by one):
 * which entry a key moves focus to, or null if the key is not for moving.
 */
export function entryIndexForKey(key: string, current: number, count: number): number | null {
  if (count === 0) return null;
  switch (key) {
    case 'ArrowDown':
      return Math.min(current + 1, count - 1);
    case 'ArrowUp':
      return Math.max(current - 1, 0);
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}
