import { describe, expect, it } from 'vitest';
import { finishLineText, normalizeRunText, SOFT_HYPHEN } from './normalize-pdf-text';

describe('normalizeRunText', () => {
  it('expands the Latin ligatures U+FB00-FB06', () => {
    expect(normalizeRunText('\uFB00 \uFB01nd \uFB02ow o\uFB03ce ba\uFB04e \uFB05 \uFB06')).toBe('ff find flow office baffle st st');
  });

  it('turns NBSP-like spaces and tabs into plain spaces', () => {
    expect(normalizeRunText('a\u00A0b\u2009c\u202Fd\te\u3000f')).toBe('a b c d e f');
  });

  it('removes zero-width spaces, BOMs and control codes but keeps ZWNJ', () => {
    expect(normalizeRunText('in\u200Bter\uFEFFna\u0002tional')).toBe('international');
    expect(normalizeRunText('می\u200Cخواهم')).toBe('می\u200Cخواهم');
  });
});

describe('finishLineText', () => {
  it('collapses and trims spaces', () => {
    expect(finishLineText('  two   words ')).toBe('two words');
  });

  it('drops soft hyphens inside the line and keeps one that ends it', () => {
    expect(finishLineText(`hy${SOFT_HYPHEN}phen in${SOFT_HYPHEN}`)).toBe(`hyphen in${SOFT_HYPHEN}`);
    expect(finishLineText(`${SOFT_HYPHEN} `)).toBe('');
  });
});
