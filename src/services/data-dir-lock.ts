import { randomBytes } from 'node:crypto';
import { readFileSync, unlinkSync } from 'node:fs';
import { open, readFile, rename, rm, stat } from 'node:fs/promises';
import { hostname as osHostname } from 'node:os';
import { join } from 'node:path';
import type { StoreNotice } from '../shared/api-contract';
import { ownStartTime, processStartTime } from './process-start-time';
import { describeFsError, StorageError } from './store/storage-error';
import { errorCode } from './store/store-fs';

export type Shell = 'electron' | 'browser';

/** What `<dataDir>/notebook.lock` says about the process holding the data directory. */
export interface LockOwner {
  readonly pid: number;
  readonly shell: Shell;
  readonly hostname: string;
  /** ISO 8601. */
  readonly started: string;
  /**
   * When the holding process itself started (ISO 8601): with the pid, what names the process, since
   * pids are reused (absent from locks older Notebooks wrote).
   */
  readonly processStarted?: string;
}

/** Thrown by openNotebook when another process holds the data directory. */
export class DataDirLockedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DataDirLockedError';
  }
}

export interface HeldLock {
  readonly path: string;
  /** Set when a stale lock (its process gone, or its file unreadable) was taken over. */
  readonly notice: StoreNotice | null;
  /** Removes the lock file if it is still ours. */
  release(): Promise<void>;
}

export interface LockRequest {
  readonly dataDir: string;
  readonly shell: Shell;
  readonly now?: () => Date;
}

export const LOCK_FILE = 'notebook.lock';
/**
 * A lock file that cannot be read is normally the leftover of a crash, but for a moment it is also
 * what a starting Notebook has created and not yet written; younger than this, it counts as live.
 */
const UNREADABLE_GRACE_MS = 10_000;
const TAKEOVER_ATTEMPTS = 5;

/** How far apart two readings of one process's start may be (the boot time /proc gives is in whole seconds). */
const SAME_START_TOLERANCE_MS = 2_000;

/**
 * Makes this process the only writer of `dataDir`: creates the lock file exclusively, refuses if a
 * live process on this host (or any process on another host) holds it, and takes over a stale one:
 * one whose process is gone, or whose pid now belongs to a process that started at another time.
 */
export async function acquireDataDirLock({ dataDir, shell, now = () => new Date() }: LockRequest): Promise<HeldLock> {
  const path = join(dataDir, LOCK_FILE);
  const owner: LockOwner = { pid: process.pid, shell, hostname: osHostname(), started: now().toISOString(), processStarted: new Date(ownStartTime()).toISOString() };
  const content = `${JSON.stringify(owner)}\n`;
  let notice: StoreNotice | null = null;
  for (let attempt = 0; attempt < TAKEOVER_ATTEMPTS; attempt++) {
    if (await createExclusively(path, content)) return holdLock(path, content, notice);
    const existing = await readLock(path);
    if (existing === null) continue;
    const verdict = judge(existing, dataDir, now());
    if (verdict.live) throw new DataDirLockedError(verdict.message);
    if (await moveStaleLockAway(path, existing.raw)) {
      notice = { kind: 'recovered', message: `${verdict.message} Notebook took the lock over.`, path };
    }
  }
  throw new DataDirLockedError(`Notebook could not take the lock ${path}: other Notebooks kept starting on ${dataDir} at the same time. Start it again.`);
}

async function createExclusively(path: string, content: string): Promise<boolean> {
  let handle;
  try {
    handle = await open(path, 'wx');
  } catch (error) {
    if (errorCode(error) === 'EEXIST') return false;
    throw new StorageError(`Could not create the lock file ${path}: ${describeFsError(error)}. Make the folder writable, or start with --data-dir to use another folder.`, path, errorCode(error));
  }
  try {
    await handle.writeFile(content);
    await handle.sync();
  } finally {
    await handle.close();
  }
  return true;
}

interface ExistingLock {
  readonly raw: string;
  readonly owner: LockOwner | null;
  readonly modified: Date;
}

async function readLock(path: string): Promise<ExistingLock | null> {
  try {
    const [raw, info] = await Promise.all([readFile(path, 'utf8'), stat(path)]);
    return { raw, owner: parseOwner(raw), modified: info.mtime };
  } catch (error) {
    // Gone between our create and our read: its holder released it, so try again.
    if (errorCode(error) === 'ENOENT') return null;
    throw new StorageError(`Could not read the lock file ${path}: ${describeFsError(error)}. Make the folder readable, or start with --data-dir to use another folder.`, path, errorCode(error));
  }
}

function parseOwner(raw: string): LockOwner | null {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const { pid, shell, hostname, started, processStarted } = value as Record<string, unknown>;
  // pid 0 or below would address a process group, not a process.
  if (typeof pid !== 'number' || !Number.isInteger(pid) || pid < 1) return null;
  if (shell !== 'electron' && shell !== 'browser') return null;
  if (typeof hostname !== 'string' || typeof started !== 'string') return null;
  if (processStarted !== undefined && typeof processStarted !== 'string') return null;
  return { pid, shell, hostname, started, ...(processStarted === undefined ? {} : { processStarted }) };
}

/** Whether the lock's holder may still be running, and a sentence saying who holds or held it. */
interface Verdict {
  readonly live: boolean;
  readonly message: string;
}

function judge({ owner, modified }: ExistingLock, dataDir: string, now: Date): Verdict {
  const path = join(dataDir, LOCK_FILE);
  if (owner === null) {
    if (now.getTime() - modified.getTime() < UNREADABLE_GRACE_MS) {
      return { live: true, message: `Another Notebook is starting on ${dataDir}. Close it, or start with --data-dir to use another folder.` };
    }
    return { live: false, message: `The lock file of ${dataDir} could not be read (a Notebook probably stopped while starting).` };
  }
  const who = `${owner.shell} mode, process ${owner.pid}, since ${formatStarted(owner.started)}`;
  if (owner.hostname !== osHostname()) {
    return {
      live: true,
      message: `Notebook is already open on ${dataDir} from the computer "${owner.hostname}" (${who}). Close it there, or start with --data-dir to use another folder. If no Notebook is running there, delete ${path}.`,
    };
  }
  const holder = holderState(owner);
  if (holder === 'running') {
    return {
      live: true,
      message: `Notebook is already open on ${dataDir} (${who}). Close it, or start with --data-dir to use another folder. Its lock is ${path}: delete it only once process ${owner.pid} has stopped.`,
    };
  }
  if (holder === 'pid-reused') {
    return { live: false, message: `The Notebook that last held ${dataDir} (${who}) is no longer running; its process number now belongs to another program.` };
  }
  return { live: false, message: `The Notebook that last held ${dataDir} (${who}) is no longer running.` };
}

/**
 * Whether the lock's process still runs. A live pid is the holder only if that process started when
 * the lock says its holder did; a lock naming this very process (as a container restart gives) but
 * an earlier start was left by a previous run. Where start times cannot be read (no /proc), a live
 * pid other than ours counts as the holder, the safe way to be wrong.
 */
function holderState(owner: LockOwner): 'running' | 'gone' | 'pid-reused' {
  if (!isAlive(owner.pid)) return 'gone';
  const recorded = owner.processStarted === undefined ? Number.NaN : Date.parse(owner.processStarted);
  const actual = processStartTime(owner.pid);
  if (Number.isNaN(recorded)) {
    // An older Notebook's lock: it cannot have been written by this process, which writes processStarted.
    return owner.pid === process.pid ? 'pid-reused' : 'running';
  }
  if (actual === null) return 'running';
  return Math.abs(actual - recorded) <= SAME_START_TOLERANCE_MS ? 'running' : 'pid-reused';
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return errorCode(error) === 'EPERM';
  }
}

/**
 * Renames the stale lock to a unique name, which only one of several racing starters can do, and
 * checks that what it moved is the stale lock it judged: if another starter took over in between,
 * the moved file is that starter's live lock and is put back. The winner then creates its own lock
 * exclusively on the next attempt.
 */
async function moveStaleLockAway(path: string, staleRaw: string): Promise<boolean> {
  const aside = `${path}.${randomBytes(6).toString('hex')}.stale`;
  try {
    await rename(path, aside);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return false;
    throw error;
  }
  if ((await readFile(aside, 'utf8')) !== staleRaw) {
    await rename(aside, path);
    return false;
  }
  await rm(aside, { force: true });
  return true;
}

function holdLock(path: string, content: string, notice: StoreNotice | null): HeldLock {
  let released = false;
  const releaseSync = (): void => {
    if (released) return;
    released = true;
    process.off('exit', releaseSync);
    try {
      if (readFileSync(path, 'utf8') === content) unlinkSync(path);
    } catch (error) {
      if (errorCode(error) !== 'ENOENT') throw error;
    }
  };
  // Node runs only synchronous code on 'exit', hence the synchronous twin of release.
  process.on('exit', releaseSync);
  return {
    path,
    notice,
    release: async () => releaseSync(),
  };
}

/** "2026-11-22 17:40" in local time, as a person would say when they started it. */
function formatStarted(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())} ${two(date.getHours())}:${two(date.getMinutes())}`;
}
