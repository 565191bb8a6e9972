import { readFileSync } from 'node:fs';

/**
 * When a process started, in milliseconds since the epoch, or null where this cannot be told.
 *
 * A pid alone does not name a process: pids are reused, and a container restarts its server with
 * the same small pid every time. The start time does, together with the pid, so a lock records it
 * and whoever finds the lock compares it with the start time of the process now bearing that pid.
 */
export function processStartTime(pid: number): number | null {
  if (pid === process.pid) return ownStartTime();
  return linuxStartTime(pid);
}

/** This process's start, from the clock the runtime read as it began. */
export function ownStartTime(): number {
  return Math.round(performance.timeOrigin);
}

/**
 * Linux's /proc says how many clock ticks after boot a process started, and /proc/stat when the
 * machine booted. USER_HZ, the tick those figures use, is 100 on every architecture Linux exports
 * to user space. Elsewhere (macOS, Windows) there is no /proc and the answer is null.
 */
export function linuxStartTime(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may itself hold spaces or parentheses.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Field 22 of the whole line, starttime; `fields` begins at field 3.
    const ticks = Number(fields[19]);
    const bootLine = /^btime (\d+)$/m.exec(readFileSync('/proc/stat', 'utf8'));
    if (!Number.isFinite(ticks) || bootLine === null) return null;
    return Number(bootLine[1]) * 1000 + ticks * 10;
  } catch {
    return null;
  }
}
