/**
 * What `npm run bench` reports: each figure with its unit, the target it is held to, whether it
 * met it, and the naive baseline it is compared with (written to bench/results.json), and the
 * table of them (written into docs/benchmarks.md).
 */

export type Unit = 'ms' | 'MB' | '×';

/** Every target is an upper bound: the figure must be at most `max`. */
export interface Target {
  readonly max: number;
  readonly unit: Unit;
}

export interface Baseline {
  /** What the naive way is, in a few words. */
  readonly label: string;
  readonly value: number;
  readonly unit: Unit;
  /** True when the baseline was timed on a sample and extrapolated. */
  readonly estimated: boolean;
}

export interface FigureInput {
  readonly id: string;
  readonly measurement: string;
  readonly scale: string;
  /** How the value summarises the samples: "median of 5 runs", "p95 of 50 queries". */
  readonly statistic: string;
  /** null: nothing to report (e.g. no task over 50 ms); `shown` then says so. */
  readonly value: number | null;
  readonly unit: Unit;
  readonly shown?: string;
  readonly target?: Target;
  readonly baseline?: Baseline;
  /** How it is measured, in a sentence or two. */
  readonly method: string;
  /** Supporting figures (counts, breakdowns, CPU time). */
  readonly detail?: Readonly<Record<string, number | string | null>>;
}

export interface Figure extends Omit<FigureInput, 'target' | 'baseline'> {
  readonly target: Target | null;
  readonly pass: boolean | null;
  readonly baseline: Baseline | null;
  /** Baseline ÷ value: how many times the naive way is slower. */
  readonly ratio: number | null;
}

export function figure(input: FigureInput): Figure {
  const target = input.target ?? null;
  const baseline = input.baseline ?? null;
  // A figure with no value (nothing over the reporting threshold) is under any bound.
  const pass = target === null ? null : input.value === null || input.value <= target.max;
  const ratio = baseline === null || input.value === null || input.value <= 0 ? null : baseline.value / input.value;
  return { ...input, target, pass, baseline, ratio };
}

export interface Machine {
  readonly cpus: number;
  readonly cpuModel: string;
  readonly memoryGB: number;
  readonly platform: string;
  readonly chromium: string;
  /** 1-minute load average when the run began and when it ended (the machine is shared). */
  readonly loadAverage: { readonly start: number; readonly end: number };
}

export interface BenchResults {
  readonly date: string;
  readonly node: string;
  readonly machine: Machine;
  readonly durationSeconds: number;
  readonly scales: readonly { readonly key: string; readonly label: string; readonly sources: number; readonly megabytes: number; readonly highlights: number }[];
  readonly figures: readonly Figure[];
}

/** Bytes as (decimal) megabytes, the unit memory figures are given in. */
export const megabytes = (bytes: number): number => bytes / 1e6;

const grouped = (n: number, digits: number): string => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** A value with its unit, with as many digits as its size warrants. */
export function formatValue(value: number, unit: Unit): string {
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  if (unit === '×') return `${grouped(value, value >= 10 ? 0 : 2)}×`;
  if (unit === 'ms' && value >= 10_000) return `${grouped(value / 1000, 1)} s`;
  return `${grouped(value, digits)} ${unit}`;
}

const cell = (text: string): string => text.replace(/\|/g, '\\|');

function shown(f: Figure): string {
  return f.value === null ? (f.shown ?? '—') : formatValue(f.value, f.unit);
}

/** The Markdown table of a run and, below it, how each row is measured. */
export function resultsMarkdown(results: BenchResults): string {
  const { machine } = results;
  const lines = [
    `Run of ${results.date} on ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGB} GB, ${machine.platform}; Node ${results.node}; ${machine.chromium}. ` +
      `Load average ${machine.loadAverage.start.toFixed(1)} at the start and ${machine.loadAverage.end.toFixed(1)} at the end (the machine is shared); the run took ${Math.round(results.durationSeconds)} s.`,
    '',
    '| # | Measurement | Scale | Result | Target | Met | Naive baseline | Naive ÷ Notebook |',
    '|--:|---|---|--:|--:|:-:|---|--:|',
  ];
  results.figures.forEach((f, i) => {
    const target = f.target === null ? '—' : `≤ ${formatValue(f.target.max, f.target.unit)}`;
    const met = f.pass === null ? '—' : f.pass ? 'yes' : '**no**';
    const baseline = f.baseline === null ? '—' : `${f.baseline.label}: ${f.baseline.estimated ? '~' : ''}${formatValue(f.baseline.value, f.baseline.unit)}`;
    const ratio = f.ratio === null ? '—' : formatValue(f.ratio, '×');
    lines.push(`| ${i + 1} | ${cell(f.measurement)} | ${cell(f.scale)} | ${shown(f)} (${cell(f.statistic)}) | ${target} | ${met} | ${cell(baseline)} | ${ratio} |`);
  });
  lines.push('', '### How each row is measured', '');
  const firstWith = new Map<string, number>();
  results.figures.forEach((f, i) => {
    const detail = Object.entries(f.detail ?? {})
      .filter(([, value]) => value !== null)
      .map(([key, value]) => `${key} ${typeof value === 'number' ? grouped(value, Number.isInteger(value) ? 0 : 1) : value}`)
      .join('; ');
    const earlier = firstWith.get(f.method);
    if (earlier === undefined) firstWith.set(f.method, i + 1);
    lines.push(`${i + 1}. ${earlier === undefined ? f.method : `As row ${earlier}.`}${detail === '' ? '' : ` (${detail}.)`}`);
  });
  return lines.join('\n');
}

export const GENERATED_START = '<!-- bench:results:start (written by npm run bench; edit outside these markers) -->';
export const GENERATED_END = '<!-- bench:results:end -->';

/** `document` with the text between the markers replaced by `generated` (the markers added at the end if missing). */
export function replaceGenerated(document: string, generated: string): string {
  const block = `${GENERATED_START}\n${generated}\n${GENERATED_END}`;
  const start = document.indexOf(GENERATED_START);
  const end = document.indexOf(GENERATED_END);
  if (start < 0 || end < start) return `${document.trimEnd()}\n\n${block}\n`;
  return `${document.slice(0, start)}${block}${document.slice(end + GENERATED_END.length)}`;
}
