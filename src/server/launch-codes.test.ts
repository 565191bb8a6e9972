import { describe, expect, it } from 'vitest';
import { LaunchCodes } from './launch-codes';

describe('LaunchCodes', () => {
  it('redeems a code once', () => {
    const codes = new LaunchCodes();
    const code = codes.issue();
    expect(codes.redeem(code)).toBe(true);
    expect(codes.redeem(code)).toBe(false);
  });

  it('refuses a code it never issued, and one older than two minutes', () => {
    let now = 1_000_000;
    const codes = new LaunchCodes(() => now);
    const code = codes.issue();
    expect(codes.redeem('made-up')).toBe(false);
    now += 2 * 60_000 + 1;
    expect(codes.redeem(code)).toBe(false);
  });

  it('issues a different, unguessable code each time', () => {
    const codes = new LaunchCodes();
    const issued = new Set(Array.from({ length: 100 }, () => codes.issue()));
    expect(issued.size).toBe(100);
    for (const code of issued) expect(code).toMatch(/^[\w-]{32}$/);
  });
});
