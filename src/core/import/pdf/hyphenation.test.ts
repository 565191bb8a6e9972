import { describe, expect, it } from 'vitest';
import { collectHyphenatedForms, lineJoint } from './hyphenation';
import { SOFT_HYPHEN } from './normalize-pdf-text';

const join = (before: string, after: string, forms: Iterable<string> = []): string => {
  const joint = lineJoint(before, after, new Set(forms));
  return before.slice(0, joint.keep) + joint.separator + after;
};

describe('lineJoint', () => {
  it('joins lines with a space', () => {
    expect(join('the end of a', 'line')).toBe('the end of a line');
  });

  it('joins a word broken by a line-end hyphen', () => {
    expect(join('an inter-', 'national treaty')).toBe('an international treaty');
  });

  it('keeps the hyphen before a capitalised word', () => {
    expect(join('the Anglo-', 'Saxon world')).toBe('the Anglo-Saxon world');
  });

  it('keeps the hyphen the document writes elsewhere inside a line', () => {
    const forms = collectHyphenatedForms(['a well-known fact', 'nothing here']);
    expect(join('a well-', 'known author', forms)).toBe('a well-known author');
  });

  it('keeps hyphens of compounds and numbers', () => {
    expect(join('state-of-the-', 'art methods')).toBe('state-of-the-art methods');
    expect(join('in 1990-', '95 prices')).toBe('in 1990-95 prices');
  });

  it('leaves dashes and hyphens not between words alone', () => {
    expect(join('one thing –', 'another')).toBe('one thing – another');
    expect(join('a list -', '- of items')).toBe('a list - - of items');
  });

  it('always joins at a soft hyphen', () => {
    expect(join(`Well${SOFT_HYPHEN}`, 'being')).toBe('Wellbeing');
  });
});

describe('collectHyphenatedForms', () => {
  it('lower-cases forms and ignores a hyphen ending the line', () => {
    expect([...collectHyphenatedForms(['Well-Known and co\u2010operate', 'inter-'])]).toEqual(['well-known', 'co-operate']);
  });
});
