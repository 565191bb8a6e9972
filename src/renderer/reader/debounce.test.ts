import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { debounce } from './debounce';

describe('debounce', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('runs once with the latest value after the quiet period', () => {
    const run = vi.fn();
    const d = debounce(run, 300);
    d.schedule(1);
    vi.advanceTimersByTime(200);
    d.schedule(2);
    vi.advanceTimersByTime(299);
    expect(run).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(run).toHaveBeenCalledExactlyOnceWith(2);
  });

  it('flush runs a pending call at once, and only once', () => {
    const run = vi.fn();
    const d = debounce(run, 300);
    d.schedule('a');
    d.flush();
    expect(run).toHaveBeenCalledExactlyOnceWith('a');
    vi.advanceTimersByTime(1000);
    d.flush();
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('cancel drops a pending call', () => {
    const run = vi.fn();
    const d = debounce(run, 300);
    d.schedule(1);
    d.cancel();
    vi.advanceTimersByTime(1000);
    d.flush();
    expect(run).not.toHaveBeenCalled();
  });
});
