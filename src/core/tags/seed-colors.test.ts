import { describe, expect, it } from 'vitest';
import { groupSeeds } from './seed-groups';
import { recommendationSeeds } from './seed-recommendations';

const channels = (hex: string): [number, number, number] => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255) as [number, number, number];
const linear = (c: number): number => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);

/** WCAG relative luminance. */
function luminance(hex: string): number {
  const [r, g, b] = channels(hex).map(linear) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

const contrast = (a: string, b: string): number => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
};

/** CIE L*a*b* (D65), to measure how far apart two colours look. */
function lab(hex: string): [number, number, number] {
  const [r, g, b] = channels(hex).map(linear) as [number, number, number];
  const x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
  const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  const z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
  const f = (t: number): number => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27) * t / 116 + 16 / 116);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

const distance = (a: string, b: string): number => {
  const [l1, a1, b1] = lab(a);
  const [l2, a2, b2] = lab(b);
  return Math.hypot(l1 - l2, a1 - a2, b1 - b2);
};

const LIGHT_PAGE = '#ffffff';
const DARK_PAGE = '#1e1e1e';

describe.each([
  { family: 'groups', colors: groupSeeds.map((g) => g.color) },
  { family: 'recommendations', colors: recommendationSeeds.map((r) => r.color) },
])('the $family palette', ({ colors }) => {
  it('is written as #rrggbb', () => {
    for (const c of colors) expect(c).toMatch(/^#[0-9a-f]{6}$/);
  });

  it('stands out (3:1, as for interface parts) on a light and on a dark page', () => {
    for (const c of colors) {
      expect(contrast(c, LIGHT_PAGE), c).toBeGreaterThanOrEqual(3);
      expect(contrast(c, DARK_PAGE), c).toBeGreaterThanOrEqual(3);
    }
  });

  it('keeps every two colours clearly apart (ΔE*ab of at least 15)', () => {
    colors.forEach((a, i) => {
      for (const b of colors.slice(i + 1)) expect(distance(a, b), `${a} vs ${b}`).toBeGreaterThanOrEqual(15);
    });
  });
});

describe('the colour measures', () => {
  it('agree with known values', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
    expect(lab('#ffffff')[0]).toBeCloseTo(100, 1);
    expect(distance('#ff0000', '#ff0000')).toBe(0);
  });
});
