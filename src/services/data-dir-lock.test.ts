import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { readdir, readFile, utimes, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { useTempDir } from '../../tests/unit/support/temp-dir';
import { acquireDataDirLock, DataDirLockedError, LOCK_FILE, type HeldLock, type LockOwner } from './data-dir-lock';
import { linuxStartTime, ownStartTime } from './process-start-time';

const dir = useTempDir('data-dir-lock');
const lockPath = () => join(dir(), LOCK_FILE);
const held: HeldLock[] = [];
const children: ChildProcess[] = [];

afterEach(async () => {
  await Promise.all(held.splice(0).map((lock) => lock.release()));
  for (const child of children.splice(0)) child.kill();
});

async function acquire(shell: 'electron' | 'browser' = 'electron'): Promise<HeldLock> {
  const lock = await acquireDataDirLock({ dataDir: dir(), shell });
  held.push(lock);
  return lock;
}

/** A real other process that stays alive until the test ends. */
async function liveProcess(): Promise<number> {
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
  children.push(child);
  await once(child, 'spawn');
  if (child.pid === undefined) throw new Error('the child process has no pid');
  return child.pid;
}

/** The pid of a process that has already exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' });
  await once(child, 'exit');
  if (child.pid === undefined) throw new Error('the child process has no pid');
  return child.pid;
}

const ownerFile = (owner: Partial<LockOwner>) =>
  JSON.stringify({ pid: 1, shell: 'browser', hostname: hostname(), started: '2026-11-22T17:40:00.000Z', ...owner });

describe('acquireDataDirLock', () => {
  it('creates the lock with pid, shell, host and start time, and removes it on release', async () => {
    const lock = await acquire('browser');
    const owner = JSON.parse(await readFile(lockPath(), 'utf8')) as LockOwner;
    expect(owner).toEqual({
      pid: process.pid,
      shell: 'browser',
      hostname: hostname(),
      started: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      processStarted: new Date(ownStartTime()).toISOString(),
    });
    expect(lock.notice).toBeNull();
    await lock.release();
    expect(await readdir(dir())).toEqual([]);
  });

  it('refuses a data directory that a live process holds, naming it, and leaves its lock alone', async () => {
    const pid = await liveProcess();
    const theirs = ownerFile({ pid, processStarted: new Date(linuxStartTime(pid) ?? Date.now()).toISOString() });
    await writeFile(lockPath(), theirs);

    const error = await acquire().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataDirLockedError);
    expect((error as Error).message).toMatch(
      new RegExp(
        `^Notebook is already open on ${dir()} \\(browser mode, process ${pid}, since 2026-11-2\\d \\d\\d:\\d\\d\\)\\. Close it, or start with --data-dir to use another folder\\. ` +
          `Its lock is ${lockPath()}: delete it only once process ${pid} has stopped\\.$`,
      ),
    );
    expect(await readFile(lockPath(), 'utf8')).toBe(theirs);
  });

  it.runIf(existsSync('/proc/self/stat'))('takes over a lock whose pid now belongs to a process that started later (a reused pid)', async () => {
    const pid = await liveProcess();
    await writeFile(lockPath(), ownerFile({ pid, processStarted: new Date(Date.now() - 3_600_000).toISOString() }));

    const lock = await acquire();
    expect(lock.notice?.message).toMatch(new RegExp(`process ${pid}, since .*\\) is no longer running; its process number now belongs to another program\\. Notebook took the lock over\\.$`));
  });

  it('takes over a lock naming this very process but an earlier start (a container restarted with the same pid)', async () => {
    await writeFile(lockPath(), ownerFile({ pid: process.pid, processStarted: new Date(ownStartTime() - 60_000).toISOString() }));
    const lock = await acquire();
    expect(lock.notice?.kind).toBe('recovered');
    expect((JSON.parse(await readFile(lockPath(), 'utf8')) as LockOwner).processStarted).toBe(new Date(ownStartTime()).toISOString());
  });

  it('takes over a lock in the older format naming this very process, which cannot have written it', async () => {
    await writeFile(lockPath(), ownerFile({ pid: process.pid }));
    expect((await acquire()).notice?.kind).toBe('recovered');
  });

  it('takes over the lock of a process that is gone, and says so', async () => {
    const pid = await deadPid();
    await writeFile(lockPath(), ownerFile({ pid, shell: 'electron' }));

    const lock = await acquire('browser');
    expect(lock.notice?.kind).toBe('recovered');
    expect(lock.notice?.message).toMatch(new RegExp(`^The Notebook that last held ${dir()} \\(electron mode, process ${pid}, since .+\\) is no longer running\\. Notebook took the lock over\\.$`));
    expect((JSON.parse(await readFile(lockPath(), 'utf8')) as LockOwner).pid).toBe(process.pid);
    expect(await readdir(dir())).toEqual([LOCK_FILE]);
  });

  it('takes over an unreadable lock left long ago', async () => {
    await writeFile(lockPath(), '\0\0\0garbage');
    const anHourAgo = new Date(Date.now() - 3_600_000);
    await utimes(lockPath(), anHourAgo, anHourAgo);

    const lock = await acquire();
    expect(lock.notice?.message).toBe(`The lock file of ${dir()} could not be read (a Notebook probably stopped while starting). Notebook took the lock over.`);
  });

  it('counts a fresh unreadable lock as a Notebook still starting', async () => {
    await writeFile(lockPath(), '');
    await expect(acquire()).rejects.toThrow(`Another Notebook is starting on ${dir()}. Close it, or start with --data-dir to use another folder.`);
  });

  it('refuses a lock held from another computer, since its process cannot be checked', async () => {
    await writeFile(lockPath(), ownerFile({ hostname: 'analyst-laptop-2', pid: 4242 }));
    await expect(acquire()).rejects.toThrow(/already open on .* from the computer "analyst-laptop-2" \(browser mode, process 4242, since .*\)\. Close it there/);
  });

  it('lets exactly one of two concurrent opens in one process win', async () => {
    const results = await Promise.allSettled([acquire(), acquire()]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((r) => r.status === 'rejected');
    expect(refused?.status === 'rejected' && refused.reason).toBeInstanceOf(DataDirLockedError);
  });

  it('lets exactly one of two concurrent opens take over the same stale lock', async () => {
    await writeFile(lockPath(), ownerFile({ pid: await deadPid() }));
    const results = await Promise.allSettled([acquire(), acquire()]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected' && r.reason instanceof DataDirLockedError)).toHaveLength(1);
    expect((await readdir(dir())).sort()).toEqual([LOCK_FILE]);
  });

  it('does not remove on release a lock that another process has taken over since', async () => {
    const lock = await acquire();
    const theirs = ownerFile({ pid: await liveProcess() });
    await writeFile(lockPath(), theirs);
    await lock.release();
    expect(await readFile(lockPath(), 'utf8')).toBe(theirs);
  });

  it('removes the lock when the process exits, and stops listening for exit once released', async () => {
    const listeners = process.listeners('exit');
    await acquire();
    const added = process.listeners('exit').filter((listener) => !listeners.includes(listener));
    expect(added).toHaveLength(1);
    added[0]?.call(process, 0);
    expect(await readdir(dir())).toEqual([]);
    expect(process.listeners('exit')).toEqual(listeners);
  });

  it('says which lock file it could not create, and why', async () => {
    const missing = join(dir(), 'no-such-folder');
    await expect(acquireDataDirLock({ dataDir: missing, shell: 'browser' })).rejects.toThrow(
      `Could not create the lock file ${join(missing, LOCK_FILE)}: no such file or folder (ENOENT). Make the folder writable, or start with --data-dir to use another folder.`,
    );
  });
});
