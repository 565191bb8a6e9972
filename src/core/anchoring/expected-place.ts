import { NEAR_EXPECTED, SHIFT_AGREEMENT } from './anchor-policy';

/**
 * Where a passage is expected to start: `at`, or anywhere in [low, high] when anchorAll brackets
 * it between where the highlights before and after it moved. `firm` when neighbours say so; a
 * recorded position alone says little once the text before it has changed.
 */
export interface Expected {
  readonly at: number;
  readonly low: number;
  readonly high: number;
  readonly firm: boolean;
}

export const pointAt = (at: number): Expected => ({ at, low: at, high: at, firm: false });

/** Whether a place lies where the passage is expected, within NEAR_EXPECTED. */
export const nearExpected = (start: number, expected: Expected): boolean => start >= expected.low - NEAR_EXPECTED && start <= expected.high + NEAR_EXPECTED;

interface Shift {
  readonly target: number;
  readonly from: number;
  readonly by: number;
}

/**
 * For each target (recorded at `recorded[i]`), where it is expected now, given where some were
 * found (`found[i]`, null when not settled): between the places its nearest settled neighbours
 * before and after it, other than itself, moved to. Text between two passages moves with them
 * unless it was edited, so the passage lies within their shifts, give or take those edits.
 */
export function expectedPlaces(recorded: readonly number[], found: readonly (number | null)[], length: number): Expected[] {
  const measured: Shift[] = [];
  found.forEach((at, i) => {
    const from = recorded[i];
    if (at !== null && at !== undefined && from !== undefined) measured.push({ target: i, from, by: at - from });
  });
  measured.sort((a, b) => a.from - b.from);
  const shifts = consistent(measured);
  return recorded.map((from, i) => around(shifts, from, i, length));
}

/**
 * The shifts that agree with the one recorded just before or just after them, within
 * SHIFT_AGREEMENT. Edits move neighbouring passages by similar amounts, and a large insertion
 * moves everything after it alike, so a true shift agrees with at least one side; a first-pass
 * result on a twin passage elsewhere agrees with neither, and must not tell its neighbours where
 * to look.
 */
function consistent(shifts: readonly Shift[]): Shift[] {
  const agrees = (a: Shift | undefined, b: Shift): boolean => a !== undefined && Math.abs(a.by - b.by) <= SHIFT_AGREEMENT;
  return shifts.filter((s, i) => shifts.length === 1 || agrees(shifts[i - 1], s) || agrees(shifts[i + 1], s));
}

function around(shifts: readonly Shift[], recorded: number, self: number, length: number): Expected {
  let lo = 0;
  let hi = shifts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((shifts[mid]?.from ?? 0) < recorded) lo = mid + 1;
    else hi = mid;
  }
  let before = lo - 1;
  while (shifts[before]?.target === self) before--;
  let after = lo;
  while (shifts[after]?.target === self) after++;
  const bys = [shifts[before]?.by, shifts[after]?.by].filter((by) => by !== undefined);
  const clamp = (n: number): number => Math.max(0, Math.min(length, n));
  if (bys.length === 0) return pointAt(clamp(recorded));
  const low = clamp(recorded + Math.min(...bys));
  const high = clamp(recorded + Math.max(...bys));
  return { at: Math.round((low + high) / 2), low, high, firm: true };
}
