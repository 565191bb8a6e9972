/**
 * The decoded path segments of a URL path, or null if any segment could climb out of the folder
 * it is served from (`.`, `..`, an encoded slash or backslash, a NUL) or is not valid
 * percent-encoding. Both shells serve the renderer's files through this check, so neither relies
 * on a URL parser having normalised the path first (Node hands the server raw request targets).
 */
export function safePathSegments(path: string): string[] | null {
  if (!path.startsWith('/')) return null;
  const segments: string[] = [];
  for (const raw of path.slice(1).split('/')) {
    if (raw === '') continue;
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return null;
    }
    if (segment === '.' || segment === '..' || /[/\\\0]/.test(segment)) return null;
    segments.push(segment);
  }
  return segments;
}
