import { describe, expect, it } from 'vitest';
import type { Highlight } from '../model/highlight';
import { highlightId } from '../model/ids';
import { bareHighlight } from '../../../tests/unit/support/sample-highlight';
import { gradingLabel, regrade } from './grade-operations';

const base: Highlight = bareHighlight();
const stamp = { at: '2026-11-22T18:00:00.000Z', by: 'analyst' };
const [a, b] = [highlightId('a'), highlightId('b')];

describe('regrade', () => {
  it('grades, appending who and when to the history', () => {
    const graded = regrade(base, { credibility: 2 }, stamp);
    expect(graded.changed).toEqual(['credibility']);
    expect(graded.highlight).toEqual({ ...base, credibility: 2, history: [{ ...stamp, field: 'credibility', from: null, to: 2 }] });
    expect(gradingLabel(graded)).toBe('Grade highlight 2');
  });

  it('changes nothing when asked for what is already there, or for nothing', () => {
    const graded = regrade(base, { credibility: 2, corroboratedBy: [a] }, stamp).highlight;
    expect(regrade(graded, { credibility: 2, corroboratedBy: [a, a] }, stamp)).toEqual({ highlight: graded, changed: [] });
    expect(regrade(base, {}, stamp)).toEqual({ highlight: base, changed: [] });
    expect(regrade(base, { credibility: null, corroboratedBy: [] }, stamp)).toEqual({ highlight: base, changed: [] });
  });

  it('drops the properties of a grade cleared, keeping the history', () => {
    const graded = regrade(base, { credibility: 4, corroboratedBy: [a, b] }, stamp).highlight;
    const cleared = regrade(graded, { credibility: null, corroboratedBy: [] }, stamp);
    expect(cleared.highlight).not.toHaveProperty('credibility');
    expect(cleared.highlight).not.toHaveProperty('corroboratedBy');
    expect(cleared.highlight.history?.map((c) => c.field)).toEqual(['credibility', 'corroboratedBy', 'credibility', 'corroboratedBy']);
    expect(gradingLabel(cleared)).toBe('Grade highlight');
    expect(gradingLabel(regrade(graded, { credibility: null }, stamp))).toBe('Clear highlight grade');
  });

  it('treats corroboration as a set: order alone is no change', () => {
    const linked = regrade(base, { corroboratedBy: [a, b] }, stamp);
    expect(gradingLabel(linked)).toBe('Change corroboration');
    expect(regrade(linked.highlight, { corroboratedBy: [b, a] }, stamp).changed).toEqual([]);
  });
});
