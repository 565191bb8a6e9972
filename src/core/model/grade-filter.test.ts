import { describe, expect, it } from 'vitest';
import { bareHighlight as highlight } from '../../../tests/unit/support/sample-highlight';
import { ANY_GRADE, isAnyGrade, passesGradeFilter } from './grade-filter';

describe('passesGradeFilter', () => {
  it('lets everything through with no grade asked for', () => {
    expect(isAnyGrade(ANY_GRADE)).toBe(true);
    expect(passesGradeFilter(highlight(), null, ANY_GRADE)).toBe(true);
  });

  it('keeps passages credible enough, never ungraded ones', () => {
    const filter = { maxCredibility: 3, minReliability: null } as const;
    expect(passesGradeFilter(highlight({ credibility: 3 }), null, filter)).toBe(true);
    expect(passesGradeFilter(highlight({ credibility: 4 }), 'A', filter)).toBe(false);
    expect(passesGradeFilter(highlight(), 'A', filter)).toBe(false);
  });

  it('keeps passages of sources reliable enough, and asks both when both are set', () => {
    const filter = { maxCredibility: 2, minReliability: 'B' } as const;
    expect(passesGradeFilter(highlight({ credibility: 1 }), 'B', filter)).toBe(true);
    expect(passesGradeFilter(highlight({ credibility: 1 }), 'C', filter)).toBe(false);
    expect(passesGradeFilter(highlight({ credibility: 3 }), 'A', filter)).toBe(false);
    expect(passesGradeFilter(highlight({ credibility: 1 }), undefined, { maxCredibility: null, minReliability: 'F' })).toBe(false);
  });
});
