import type { z } from 'zod';
import { issueLines } from '../issue-lines';
import { migrate, type MigrationTable, type StoredObject } from './migrations';

/** What a kind of store file is: its current version, how older versions migrate, its shape. */
export interface StoreFileFormat<T> {
  readonly version: number;
  readonly migrations: MigrationTable;
  readonly schema: z.ZodType<T>;
}

export type Decoded<T> =
  | { readonly ok: true; readonly data: T }
  | { readonly ok: false; readonly reason: 'damaged'; readonly detail: string }
  | { readonly ok: false; readonly reason: 'newer'; readonly version: number };

const damaged = (detail: string): Decoded<never> => ({ ok: false, reason: 'damaged', detail });
const MAX_ISSUES_SHOWN = 3;

/** Reads a store file's bytes into validated, current-version data, or says why it cannot. */
export function decodeStoreFile<T>(bytes: Uint8Array, format: StoreFileFormat<T>): Decoded<T> {
  if (bytes.length === 0) return damaged('the file is empty');
  if (bytes.every((b) => b === 0)) return damaged(`the file holds only zero bytes (${bytes.length}), as a write cut short by a crash leaves it`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return damaged('the file is not UTF-8 text');
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return damaged(describeJsonError(text, error));
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return damaged('the file is JSON but not an object');
  const migrated = migrate(parsed as StoredObject, format.migrations, format.version);
  if (migrated.kind === 'newer') return { ok: false, reason: 'newer', version: migrated.version };
  if (migrated.kind === 'unversioned') return damaged(migrated.detail);
  const checked = format.schema.safeParse(migrated.data);
  if (!checked.success) {
    const lines = issueLines(checked.error.issues);
    const more = lines.length > MAX_ISSUES_SHOWN ? ` (and ${lines.length - MAX_ISSUES_SHOWN} more)` : '';
    return damaged(`wrong shape: ${lines.slice(0, MAX_ISSUES_SHOWN).join('; ')}${more}`);
  }
  return { ok: true, data: checked.data };
}

/**
 * V8 reports JSON errors at a UTF-16 index ("in JSON at position 12"); people and hex editors
 * count bytes, so the position is given as a byte offset.
 */
function describeJsonError(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const at = /\s*in JSON at position (\d+)/.exec(message);
  if (at?.[1] !== undefined) {
    const byte = Buffer.byteLength(text.slice(0, Number(at[1])));
    return `${message.slice(0, at.index)}${message.slice(at.index + at[0].length)} at byte ${byte}`.replace(/\s+\(line \d+ column \d+\)/, '');
  }
  if (message.startsWith('Unexpected end of JSON input')) return `Unexpected end of JSON input at byte ${Buffer.byteLength(text)}`;
  return message;
}
