import { describe, expect, it } from 'vitest';
import { parseAliases } from './tag-set-changes';

describe('parseAliases', () => {
  it('splits on commas and semicolons and trims each alias', () => {
    expect(parseAliases(' ISKP, ISIS-K ;Islamic State Khorasan Province ')).toEqual(['ISKP', 'ISIS-K', 'Islamic State Khorasan Province']);
  });

  it('drops blanks and repeats that differ only in case', () => {
    expect(parseAliases('TTP,, ttp , ;Pakistani Taliban')).toEqual(['TTP', 'Pakistani Taliban']);
    expect(parseAliases('  ')).toEqual([]);
  });
});
