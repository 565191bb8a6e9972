import { describe, expect, it } from 'vitest';
import { GradeChord } from './grade-keys';

const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {}) => ({ key: k, ctrlKey: false, metaKey: false, altKey: false, ...mods });

describe('GradeChord', () => {
  it('grades with G then a digit 1–6', () => {
    const chord = new GradeChord();
    expect(chord.press(key('g'), 0)).toBe('pending');
    expect(chord.press(key('2'), 100)).toBe(2);
    expect(chord.press(key('G'), 200)).toBe('pending');
    expect(chord.press(key('6'), 300)).toBe(6);
  });

  it('ignores a digit alone, after the chord was used, or too late', () => {
    const chord = new GradeChord();
    expect(chord.press(key('3'), 0)).toBeNull();
    chord.press(key('g'), 0);
    expect(chord.press(key('3'), 10)).toBe(3);
    expect(chord.press(key('3'), 20)).toBeNull();
    chord.press(key('g'), 100);
    expect(chord.press(key('4'), 2000)).toBeNull();
  });

  it('refuses digits outside 1–6, other keys between, and modified presses', () => {
    const chord = new GradeChord();
    for (const k of ['0', '7', 'x']) {
      chord.press(key('g'), 0);
      expect(chord.press(key(k), 1)).toBeNull();
    }
    chord.press(key('g'), 0);
    chord.press(key('x'), 1);
    expect(chord.press(key('2'), 2)).toBeNull();
    expect(chord.press(key('g', { ctrlKey: true }), 3)).toBeNull();
    expect(chord.press(key('2'), 4)).toBeNull();
    chord.press(key('g'), 5);
    expect(chord.press(key('2', { altKey: true }), 6)).toBeNull();
  });
});
