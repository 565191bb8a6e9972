import { describe, expect, it } from 'vitest';
import { readEntity } from './html-entities';

describe('readEntity', () => {
  it('decodes named, decimal and hexadecimal entities, reporting their length', () => {
    expect(readEntity('&amp; rest')).toEqual({ text: '&', length: 5 });
    expect(readEntity('&#8220;')).toEqual({ text: '“', length: 7 });
    expect(readEntity('&#x1F310;')).toEqual({ text: '🌐', length: 9 });
  });

  it('refuses unknown names, non-characters and text that is no entity', () => {
    expect(readEntity('&unknown;')).toBeNull();
    expect(readEntity('&#0;')).toBeNull();
    expect(readEntity('&#xD800;')).toBeNull();
    expect(readEntity('& the rest')).toBeNull();
    expect(readEntity('&amp without semicolon')).toBeNull();
  });
});
