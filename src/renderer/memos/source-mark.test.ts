import { describe, expect, it } from 'vitest';
import { compactSourceName } from './source-mark';

describe('compactSourceName', () => {
  it('uses the author’s family name and the year', () => {
    expect(compactSourceName({ author: 'Weeda Mehran', publisher: 'Andiana Foundation', title: 'The New Jihadi Sphere', isoDate: '2025-01' })).toBe('Mehran 2025');
  });

  it('falls back to the publisher, in English when it gives that in parentheses', () => {
    expect(compactSourceName({ author: null, publisher: 'Foreign Policy', title: 'What Happened?', isoDate: null })).toBe('Foreign Policy');
    expect(compactSourceName({ author: null, publisher: 'Институт Ближнего Востока (Institute of the Middle East)', title: 'Duality', isoDate: '2023-09-11' })).toBe('Institute of the Middle East 2023');
  });

  it('falls back to the start of the title, without the brackets of a descriptive one', () => {
    expect(compactSourceName({ author: null, publisher: null, title: '[US officials weigh wider counter-terrorism cooperation with the Taliban against ISIS-K]', isoDate: '2025-01-13' })).toBe('US officials weigh wider… 2025');
  });
});
