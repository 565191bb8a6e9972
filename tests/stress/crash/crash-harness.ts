import { spawn } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { seededRandom, type SeededRandom } from '../../support/seeded-random';
import type { ChildConfig, ChildLine } from './crash-protocol';
import { applyWrite, difference, possibleStates, type NotebookState, type WriteCall } from './notebook-model';

export interface CrashRunOptions {
  /** How many times the writer is killed. */
  readonly kills: number;
  readonly seed: number;
  readonly dataDir: string;
  readonly resourcesDir: string;
  /** The bundled crash-child.ts. */
  readonly childPath: string;
  /** Told after each restart, for progress on long runs. */
  readonly onRestart?: (figures: CrashFigures) => void;
}

export interface CrashFigures {
  kills: number;
  /** Of the kills, those that struck while the notebook was opening (before it reported its state). */
  killsWhileOpening: number;
  /** Restarts whose state was checked against the acknowledged writes. */
  restartsChecked: number;
  /** Writes acknowledged by the API, in all, and per method. */
  acknowledged: number;
  acknowledgedByMethod: Record<string, number>;
  /** Writes begun but not answered when the writer was killed (each may or may not have landed). */
  runningAtKill: number;
  /** Restarts at which an acknowledged change was missing, or a change had half landed. */
  lostChanges: number;
  /** Files moved to quarantine at a restart: a kill must never damage one. */
  quarantined: number;
  /** Restarts that found the killed writer's lock and took it over. */
  staleLocksRecovered: number;
  /** Restarts that found a change the killed writer had begun on several files, and undid it. */
  unfinishedChangesUndone: number;
  /** Restarts that found a lock file the killed writer had created but not yet written (10 s grace). */
  lockWaits: number;
  /** The write methods the build answered, all of which the writer used. */
  methods: string[];
  /** What went wrong, one sentence each; empty when the run passed. */
  failures: string[];
  elapsedMs: number;
}

/** When to kill one writer: a little after it starts (maybe mid-open), or after some acknowledgements. */
type KillPlan = { readonly afterMs: number } | { readonly afterAcks: number; readonly thenMs: number };

function planKill(random: SeededRandom): KillPlan {
  return random.below(10) === 0 ? { afterMs: random.below(150) } : { afterAcks: 1 + random.below(20), thenMs: random.below(4) };
}

const LIFE_TIMEOUT_MS = 30_000;
const LOCK_GRACE_WAIT_MS = 1_000;

interface Life {
  readonly killed: boolean;
  readonly opened: boolean;
  readonly locked: boolean;
}

/**
 * Starts the writer on one data directory again and again, killing it with SIGKILL at random
 * moments, and checks at every restart that the notebook loads without damage and holds every
 * acknowledged change (and, of the writes still running at the kill, each wholly or not at all).
 */
export async function runCrashHarness(options: CrashRunOptions): Promise<CrashFigures> {
  const started = Date.now();
  const random = seededRandom(options.seed);
  const figures: CrashFigures = {
    kills: 0,
    killsWhileOpening: 0,
    restartsChecked: 0,
    acknowledged: 0,
    acknowledgedByMethod: {},
    runningAtKill: 0,
    lostChanges: 0,
    quarantined: 0,
    staleLocksRecovered: 0,
    unfinishedChangesUndone: 0,
    lockWaits: 0,
    methods: [],
    failures: [],
    elapsedMs: 0,
  };
  /** Null until the first start reports the notebook's state. */
  let acknowledged: NotebookState | null = null;
  let running: WriteCall[] = [];
  let seq = 1;

  const check = (line: Extract<ChildLine, { type: 'opened' }>): void => {
    for (const notice of line.notices) {
      if (notice.kind === 'quarantined') {
        figures.quarantined++;
        figures.failures.push(`A restart quarantined a file: ${notice.message}`);
      } else if (notice.kind === 'recovered' && notice.path.endsWith('notebook.lock')) {
        figures.staleLocksRecovered++;
      } else if (notice.kind === 'recovered' && notice.path.endsWith('pending-change.json')) {
        figures.unfinishedChangesUndone++;
      } else {
        figures.failures.push(`A restart gave an unexpected notice: ${notice.kind}: ${notice.message}`);
      }
    }
    if (acknowledged !== null) {
      figures.restartsChecked++;
      const candidates = possibleStates(acknowledged, running);
      if (!candidates.some((candidate) => difference(candidate, line.state) === null)) {
        figures.lostChanges++;
        const [closest] = candidates;
        figures.failures.push(`After kill ${figures.kills}, the notebook differs from what was acknowledged: ${closest === undefined ? '' : difference(closest, line.state)}`);
      }
    }
    acknowledged = line.state;
    running = [];
    figures.methods = [...line.methods];
  };

  /** A writer killed while opening could have quarantined a file without living to report it. */
  const checkNothingQuarantined = async (): Promise<void> => {
    const kept = await readdir(join(options.dataDir, 'quarantine')).catch(() => []);
    if (kept.length > figures.quarantined) {
      figures.quarantined = kept.length;
      figures.failures.push(`The quarantine folder holds ${kept.join(', ')}: a kill damaged a file.`);
    }
  };

  const live = (kill: KillPlan | null): Promise<Life> =>
    new Promise((resolve) => {
      const config: ChildConfig = { dataDir: options.dataDir, resourcesDir: options.resourcesDir, seed: random.below(2 ** 31), firstSeq: seq, concurrency: 1 + random.below(4) };
      const child = spawn(process.execPath, [options.childPath, JSON.stringify(config)], { stdio: ['ignore', 'pipe', 'pipe'] });
      let killed = false;
      let opened = false;
      let locked = false;
      let acks = 0;
      let stderr = '';
      const killNow = (): void => {
        if (killed || child.exitCode !== null) return;
        killed = child.kill('SIGKILL');
      };
      const timer = setTimeout(() => {
        figures.failures.push(`A writer neither finished opening nor was killed within ${LIFE_TIMEOUT_MS / 1000} s.`);
        killNow();
      }, LIFE_TIMEOUT_MS);
      if (kill !== null && 'afterMs' in kill) setTimeout(killNow, kill.afterMs);
      child.stderr.on('data', (chunk: Buffer) => void (stderr += chunk.toString('utf8')));
      const lines = createInterface({ input: child.stdout });
      lines.on('line', (text) => {
        const line = JSON.parse(text) as ChildLine;
        switch (line.type) {
          case 'opened':
            opened = true;
            check(line);
            if (kill === null) killNow();
            break;
          case 'begin':
            running.push(line.call);
            seq = Math.max(seq, line.call.seq + 1);
            break;
          case 'ack': {
            const call = running.find((c) => c.seq === line.seq);
            if (call === undefined || acknowledged === null) {
              figures.failures.push(`The writer acknowledged write ${line.seq}, which it never began.`);
              break;
            }
            acknowledged = applyWrite(acknowledged, call, line.createdId ?? '');
            running = running.filter((c) => c !== call);
            figures.acknowledged++;
            figures.acknowledgedByMethod[call.method] = (figures.acknowledgedByMethod[call.method] ?? 0) + 1;
            acks++;
            if (kill !== null && 'afterAcks' in kill && acks === kill.afterAcks) setTimeout(killNow, kill.thenMs);
            break;
          }
          case 'refused':
            figures.failures.push(`The API refused write ${line.seq}, which the harness made valid: ${line.error}`);
            break;
          case 'locked':
            locked = true;
            break;
          case 'failed':
            figures.failures.push(`The writer failed: ${line.message}`);
            break;
        }
      });
      child.on('close', (code, signal) => {
        clearTimeout(timer);
        if (!killed && !locked && kill !== null) figures.failures.push(`A writer stopped by itself (${signal ?? `exit code ${code}`}): ${stderr.trim()}`);
        resolve({ killed, opened, locked });
      });
    });

  while (figures.kills < options.kills && figures.failures.length === 0) {
    const life = await live(planKill(random));
    if (life.locked) {
      // The killed writer had created its lock file but not written it: a fresh unreadable lock
      // counts as a Notebook still starting, for a grace period.
      figures.lockWaits++;
      await new Promise((resolve) => setTimeout(resolve, LOCK_GRACE_WAIT_MS));
      continue;
    }
    await checkNothingQuarantined();
    if (!life.killed) continue;
    figures.kills++;
    if (life.opened) figures.runningAtKill += running.length;
    else figures.killsWhileOpening++;
    options.onRestart?.(figures);
  }
  // A last start, left alone, checks the state the last kill left.
  while (figures.failures.length === 0) {
    const life = await live(null);
    if (!life.locked) break;
    figures.lockWaits++;
    await new Promise((resolve) => setTimeout(resolve, LOCK_GRACE_WAIT_MS));
  }
  await checkNothingQuarantined();
  figures.elapsedMs = Date.now() - started;
  return figures;
}
