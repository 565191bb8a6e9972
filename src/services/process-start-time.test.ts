import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { linuxStartTime, ownStartTime, processStartTime } from './process-start-time';

const onLinux = existsSync('/proc/self/stat');

describe('processStartTime', () => {
  it('gives this process the time it started, before any of its code ran', () => {
    expect(processStartTime(process.pid)).toBe(ownStartTime());
    expect(ownStartTime()).toBeLessThanOrEqual(Date.now() - process.uptime() * 1000 + 50);
  });

  it.runIf(onLinux)('reads another process’s start from /proc, within the second the boot time is rounded to', async () => {
    const before = Date.now();
    const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
    try {
      await once(child, 'spawn');
      const started = linuxStartTime(child.pid ?? -1);
      expect(started).not.toBeNull();
      expect(Math.abs((started ?? 0) - before)).toBeLessThan(2_000);
    } finally {
      child.kill();
    }
  });

  it('answers null for a process that does not exist', () => {
    expect(processStartTime(2 ** 22 + 17)).toBeNull();
  });
});
