import { describe, expect, it } from 'vitest';
import { isoDateOf } from './iso-date';

describe('isoDateOf', () => {
  it('reads ISO-like dates as written, whatever the time zone', () => {
    expect(isoDateOf('2024-03-05T23:30:00-05:00')).toBe('2024-03-05');
    expect(isoDateOf('2024-03-05T08:30:00Z')).toBe('2024-03-05');
    expect(isoDateOf('2024-03-05 08:30')).toBe('2024-03-05');
    expect(isoDateOf('2024/3/5')).toBe('2024-03-05');
    expect(isoDateOf(' 2024-03 ')).toBe('2024-03');
  });

  it('gives null for a bare year, impossible dates and other text', () => {
    expect(isoDateOf('2024')).toBeNull();
    expect(isoDateOf('2023-02-29')).toBeNull();
    expect(isoDateOf('2024-13-01')).toBeNull();
    expect(isoDateOf('March 5, 2024')).toBeNull();
    expect(isoDateOf('20240305')).toBeNull();
    expect(isoDateOf(null)).toBeNull();
  });
});
