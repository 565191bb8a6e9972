import { describe, expect, it } from 'vitest';
import { splitListMarker } from './list-marker';

describe('splitListMarker', () => {
  it('splits bullets, dashes and enumerators off', () => {
    expect(['• One', '•Two', '– Three', '1. Four', '12) Five', 'a) Six', '(iv) Seven', '2.3. Eight'].map(splitListMarker)).toEqual([
      { marker: '•', text: 'One', certain: true },
      { marker: '•', text: 'Two', certain: true },
      { marker: '–', text: 'Three', certain: false },
      { marker: '1.', text: 'Four', certain: false },
      { marker: '12)', text: 'Five', certain: false },
      { marker: 'a)', text: 'Six', certain: false },
      { marker: '(iv)', text: 'Seven', certain: false },
      { marker: '2.3.', text: 'Eight', certain: false },
    ]);
  });

  it('finds no marker in ordinary text', () => {
    expect(['1990 was a year', 'e.g. this', '-not spaced', '(a. odd', 'Item', '•'].map(splitListMarker)).toEqual([null, null, null, null, null, null]);
  });
});
