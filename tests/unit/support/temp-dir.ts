import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';

/** A fresh folder under the OS temp dir for each test of the calling file, removed after it. */
export function useTempDir(prefix: string): () => string {
  let current: string | null = null;
  beforeEach(async () => {
    current = await mkdtemp(join(tmpdir(), `notebook-${prefix}-`));
  });
  afterEach(async () => {
    if (current !== null) await rm(current, { recursive: true, force: true });
    current = null;
  });
  return () => {
    if (current === null) throw new Error('useTempDir: the folder exists only while a test runs');
    return current;
  };
}
