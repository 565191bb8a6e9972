/** A store file's top-level object, as read from disk, before validation. */
export type StoredObject = Readonly<Record<string, unknown>>;

/** Turns a file of schemaVersion n into one of n + 1. Pure: no I/O, no clock. */
export type Migration = (data: StoredObject) => StoredObject;

/** `table[n]` migrates version n to n + 1. */
export type MigrationTable = Readonly<Partial<Record<number, Migration>>>;

export type MigrationOutcome =
  | { readonly kind: 'current'; readonly data: StoredObject; readonly from: number }
  | { readonly kind: 'newer'; readonly version: number }
  | { readonly kind: 'unversioned'; readonly detail: string };

/**
 * Brings `data` up to `current` one step at a time. A file from a newer build is reported, never
 * touched; a gap in the table is a bug of this build and throws.
 */
export function migrate(data: StoredObject, table: MigrationTable, current: number): MigrationOutcome {
  const version = data['schemaVersion'];
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { kind: 'unversioned', detail: `its schemaVersion is ${JSON.stringify(version) ?? 'missing'}, not a whole number from 1` };
  }
  if (version > current) return { kind: 'newer', version };
  let migrated = data;
  for (let from = version; from < current; from++) {
    const step = table[from];
    if (step === undefined) throw new Error(`This build has no migration from schemaVersion ${from} to ${from + 1}.`);
    migrated = { ...step(migrated), schemaVersion: from + 1 };
  }
  return { kind: 'current', data: migrated, from: version };
}
