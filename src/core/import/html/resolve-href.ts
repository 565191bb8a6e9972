/**
 * Resolves a link inside a book or page to the document path and fragment it points at, the way
 * a reading system does: relative to the linking document, dot segments removed, percent-decoded
 * (zip entry names are stored decoded). Null for anything with a scheme or outside the container.
 */
export function resolveInternalHref(fromPath: string, href: string): { readonly path: string; readonly fragment: string } | null {
  const trimmed = href.trim();
  if (/^[a-z][a-z0-9+.-]*:/i.test(trimmed) || trimmed.startsWith('//')) return null;
  const hash = trimmed.indexOf('#');
  const rawPath = (hash < 0 ? trimmed : trimmed.slice(0, hash)).replace(/\?.*$/, '');
  const fragment = hash < 0 ? '' : safeDecode(trimmed.slice(hash + 1));
  if (rawPath === '') return { path: fromPath, fragment };
  const path = resolvePath(fromPath, safeDecode(rawPath));
  return path === null ? null : { path, fragment };
}

/** `target` relative to the folder of `fromPath`; null when it climbs out of the container. */
export function resolvePath(fromPath: string, target: string): string | null {
  const base = target.startsWith('/') ? [] : fromPath.split('/').slice(0, -1);
  const segments = [...base];
  for (const segment of target.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (segments.length === 0) return null;
      segments.pop();
    } else {
      segments.push(segment);
    }
  }
  return segments.join('/');
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    // A stray "%" is a literal percent sign in a hand-written href.
    return text;
  }
}
