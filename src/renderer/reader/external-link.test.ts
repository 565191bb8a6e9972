import { describe, expect, it } from 'vitest';
import { externalHref } from './external-link';

describe('externalHref', () => {
  it('follows web and mail addresses', () => {
    expect(externalHref('https://andianafoundation.org')).toBe('https://andianafoundation.org/');
    expect(externalHref('http://example.org/a?b=c#d')).toBe('http://example.org/a?b=c#d');
    expect(externalHref('mailto:someone@example.org')).toBe('mailto:someone@example.org');
  });

  it('refuses script, local files and relative links', () => {
    expect(externalHref('javascript:alert(1)')).toBeNull();
    expect(externalHref(' JavaScript:alert(1)')).toBeNull();
    expect(externalHref('file:///etc/passwd')).toBeNull();
    expect(externalHref('data:text/html,<b>x</b>')).toBeNull();
    expect(externalHref('/api')).toBeNull();
    expect(externalHref('#note-1')).toBeNull();
  });
});
