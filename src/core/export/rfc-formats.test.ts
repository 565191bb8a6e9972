import { describe, expect, it } from 'vitest';
import { isAbsoluteUri, isDateTime, toUri } from './rfc-formats';

describe('isAbsoluteUri', () => {
  it('accepts absolute URIs of any scheme', () => {
    for (const uri of ['https://foreignpolicy.com/2024/08/30/al-qaeda/', 'urn:notebook:highlight:h-1', 'http://[2001:db8::1]/a?b=c#d', 'mailto:desk@example.org', 'https://x.org/a%20b']) {
      expect(isAbsoluteUri(uri), uri).toBe(true);
    }
  });

  it('refuses relative references, spaces, raw non-ASCII and second fragments', () => {
    for (const uri of ['exports/today', '//example.org/x', 'https://x.org/a b', 'https://x.org/طالبان', 'urn:a#b#c', 'https://x.org/%zz', '']) {
      expect(isAbsoluteUri(uri), uri).toBe(false);
    }
  });
});

describe('toUri', () => {
  it('keeps a URI, and maps an IRI to one by percent-encoding', () => {
    expect(toUri('https://example.org/a')).toBe('https://example.org/a');
    expect(toUri('https://example.org/د طالبانو')).toBe('https://example.org/%D8%AF%20%D8%B7%D8%A7%D9%84%D8%A8%D8%A7%D9%86%D9%88');
  });

  it('gives up on what names nothing', () => {
    expect(toUri('not a link')).toBeNull();
    expect(toUri('https://example.org/\ud800')).toBeNull();
  });
});

describe('isDateTime', () => {
  it('accepts RFC 3339 date-times with a time zone', () => {
    for (const s of ['2025-01-13T09:30:00Z', '2025-01-13T09:30:00.123Z', '2024-02-29T23:59:60+05:30', '2025-01-13t09:30:00-08:00']) expect(isDateTime(s), s).toBe(true);
  });

  it('refuses dates without a zone, impossible dates and other spellings', () => {
    for (const s of ['2025-01-13T09:30:00', '2025-02-29T00:00:00Z', '2025-13-01T00:00:00Z', '2025-01-13T24:00:00Z', '13 January 2025', '2025-01-13', '2025-01-13T09:30:00+25:00']) {
      expect(isDateTime(s), s).toBe(false);
    }
  });
});
