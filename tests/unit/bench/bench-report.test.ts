import { describe, expect, it } from 'vitest';
import { figure, formatValue, GENERATED_END, GENERATED_START, replaceGenerated, resultsMarkdown, type BenchResults } from '../../../bench/bench-report';

const base = { id: 'x', measurement: 'Paint', scale: 'report', statistic: 'median of 5', unit: 'ms', method: 'How.' } as const;

describe('figure', () => {
  it('passes a figure at or under its target and fails one over it', () => {
    expect(figure({ ...base, value: 150, target: { max: 150, unit: 'ms' } }).pass).toBe(true);
    expect(figure({ ...base, value: 150.1, target: { max: 150, unit: 'ms' } }).pass).toBe(false);
    expect(figure({ ...base, value: 10 }).pass).toBeNull();
  });

  it('counts nothing over the reporting threshold as under the target', () => {
    expect(figure({ ...base, value: null, shown: 'none over 50 ms', target: { max: 50, unit: 'ms' } }).pass).toBe(true);
  });

  it('gives how many times slower the baseline is', () => {
    const f = figure({ ...base, value: 20, baseline: { label: 'naive', value: 500, unit: 'ms', estimated: false } });
    expect(f.ratio).toBe(25);
    expect(figure({ ...base, value: null, baseline: { label: 'naive', value: 500, unit: 'ms', estimated: false } }).ratio).toBeNull();
  });
});

describe('formatValue', () => {
  it('shows as many digits as the size warrants, and seconds past ten thousand milliseconds', () => {
    expect(formatValue(0.2345, 'ms')).toBe('0.23 ms');
    expect(formatValue(16.84, 'ms')).toBe('16.8 ms');
    expect(formatValue(2430.4, 'ms')).toBe('2,430 ms');
    expect(formatValue(24812, 'ms')).toBe('24.8 s');
    expect(formatValue(1.1, '×')).toBe('1.10×');
    expect(formatValue(346.2, '×')).toBe('346×');
  });
});

describe('the generated part of docs/benchmarks.md', () => {
  const results: BenchResults = {
    date: '2026-11-22T19:00:00.000Z',
    node: 'v20.20.2',
    machine: { cpus: 2, cpuModel: 'CPU', memoryGB: 24, platform: 'linux', chromium: 'Chromium 1', loadAverage: { start: 1, end: 2 } },
    durationSeconds: 100,
    scales: [],
    figures: [
      figure({ ...base, value: 681, target: { max: 150, unit: 'ms' }, baseline: { label: '<mark> | wrapping', value: 2024, unit: 'ms', estimated: true } }),
      figure({ ...base, id: 'y', measurement: 'Longest task', value: null, shown: 'none over 50 ms', target: { max: 50, unit: 'ms' }, detail: { runs: 5, skipped: null } }),
      figure({ ...base, id: 'z', measurement: 'Memory', value: 1947.5, unit: 'MB', method: 'Other.' }),
    ],
  };

  it('has a row per figure, saying whether each met its target', () => {
    const table = resultsMarkdown(results);
    expect(table).toContain('| 1 | Paint | report | 681 ms (median of 5) | ≤ 150 ms | **no** | <mark> \\| wrapping: ~2,024 ms | 2.97× |');
    expect(table).toContain('| 2 | Longest task | report | none over 50 ms (median of 5) | ≤ 50.0 ms | yes | — | — |');
    expect(table).toContain('| 3 | Memory | report | 1,948 MB (median of 5) | — | — | — | — |');
  });

  it('says how each row is measured, once for rows measured alike', () => {
    const table = resultsMarkdown(results);
    expect(table).toContain('1. How.\n2. As row 1. (runs 5.)\n3. Other.');
  });

  it('replaces only what lies between its markers', () => {
    const document = `# Benchmarks\n\nIntro.\n\n${GENERATED_START}\nold table\n${GENERATED_END}\n\n## Notes\n\nKept.\n`;
    const updated = replaceGenerated(document, 'new table');
    expect(updated).toBe(`# Benchmarks\n\nIntro.\n\n${GENERATED_START}\nnew table\n${GENERATED_END}\n\n## Notes\n\nKept.\n`);
    expect(replaceGenerated(updated, 'newer')).toContain(`${GENERATED_START}\nnewer\n${GENERATED_END}\n\n## Notes`);
  });

  it('adds the markers at the end of a document that has none', () => {
    expect(replaceGenerated('# Benchmarks\n', 'table')).toBe(`# Benchmarks\n\n${GENERATED_START}\ntable\n${GENERATED_END}\n`);
  });
});
