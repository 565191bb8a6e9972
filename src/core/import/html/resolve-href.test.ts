import { describe, expect, it } from 'vitest';
import { resolveInternalHref, resolvePath } from './resolve-href';

describe('resolveInternalHref', () => {
  it('resolves fragments, relative and percent-encoded paths against the linking document', () => {
    expect(resolveInternalHref('OEBPS/text/ch1.xhtml', '#fn1')).toEqual({ path: 'OEBPS/text/ch1.xhtml', fragment: 'fn1' });
    expect(resolveInternalHref('OEBPS/text/ch1.xhtml', 'ch2.xhtml#fn3')).toEqual({ path: 'OEBPS/text/ch2.xhtml', fragment: 'fn3' });
    expect(resolveInternalHref('OEBPS/text/ch1.xhtml', '../notes/End%20notes.xhtml#n%201')).toEqual({ path: 'OEBPS/notes/End notes.xhtml', fragment: 'n 1' });
    expect(resolveInternalHref('', '#x')).toEqual({ path: '', fragment: 'x' });
  });

  it('gives null for addresses with a scheme and for paths that climb out of the container', () => {
    expect(resolveInternalHref('a.xhtml', 'https://example.org/#x')).toBeNull();
    expect(resolveInternalHref('a.xhtml', 'javascript:alert(1)')).toBeNull();
    expect(resolveInternalHref('a.xhtml', '//example.org/x')).toBeNull();
    expect(resolveInternalHref('OEBPS/a.xhtml', '../../etc/passwd')).toBeNull();
  });

  it('keeps a stray percent sign as written', () => {
    expect(resolveInternalHref('a.xhtml', '100%.xhtml')).toEqual({ path: '100%.xhtml', fragment: '' });
  });
});

describe('resolvePath', () => {
  it('resolves relative to the folder of the base, and from the root for a leading slash', () => {
    expect(resolvePath('OEBPS/content.opf', 'Text/./ch1.xhtml')).toBe('OEBPS/Text/ch1.xhtml');
    expect(resolvePath('OEBPS/content.opf', '/images/x.png')).toBe('images/x.png');
    expect(resolvePath('content.opf', 'ch1.xhtml')).toBe('ch1.xhtml');
  });
});
