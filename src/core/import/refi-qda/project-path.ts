/**
 * The zip entry a source's path names. The specification writes `internal://<file>` for files under
 * `sources/`; tools also write `Sources/` (either case), paths relative to the project, `./`, or a
 * path on the maker's own disk, of which only the file name can mean anything here.
 */
export function projectEntry(path: string, entryNames: readonly string[]): string | null {
  const written = path.trim().replace(/\\/g, '/');
  const internal = /^internal:\/\//i.test(written);
  const bare = written.replace(/^internal:\/\//i, '').replace(/^file:\/\/\/?/i, '').replace(/^(\.\/)+/, '');
  let decoded = bare;
  try {
    decoded = decodeURI(bare);
  } catch {
    // A stray % is part of the name: it is looked for as written.
  }
  const lower = (name: string): string => name.toLowerCase();
  for (const wanted of new Set([bare, decoded])) {
    const candidates = internal ? [`sources/${wanted}`, wanted] : [wanted, `sources/${wanted}`];
    for (const candidate of candidates) {
      const exact = entryNames.find((name) => name === candidate) ?? entryNames.find((name) => lower(name) === lower(candidate));
      if (exact !== undefined) return exact;
    }
  }
  // A path from the maker's disk: the file of that name under sources/, when there is just one.
  const base = lower(decoded.slice(decoded.lastIndexOf('/') + 1));
  if (base === '') return null;
  const same = entryNames.filter((name) => /^sources\//i.test(name) && lower(name.slice(name.lastIndexOf('/') + 1)) === base);
  return same.length === 1 ? (same[0] ?? null) : null;
}
