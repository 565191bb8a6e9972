import { describe, expect, it } from 'vitest';
import { el, textEl, xmlAttr, xmlDocument, xmlText } from './xml';

describe('XML writing', () => {
  it('escapes markup and drops what XML 1.0 cannot hold, keeping tabs, line ends and astral characters', () => {
    expect(xmlText('a < b & c > d')).toBe('a &lt; b &amp; c &gt; d');
    expect(xmlText('bell\u0007 nul\u0000 lone\uD800 nonchar\uFFFE emoji🙂 tab\tline\r\nend')).toBe('bell nul lone nonchar emoji🙂 tab\tline\nend');
    expect(xmlAttr('say "hi"\nthen\tgo & <stop>')).toBe('say &quot;hi&quot;&#10;then&#9;go &amp; &lt;stop&gt;');
  });

  it('writes elements indented, character data exactly, and leaves out attributes with no value', () => {
    const doc = xmlDocument(el('Root', [['xmlns', 'urn:x'], ['absent', null], ['flag', false]], [textEl('Text', '  two\nlines  '), el('Empty', [['n', 3]])]));
    expect(doc).toBe('<?xml version="1.0" encoding="utf-8"?>\n<Root xmlns="urn:x" flag="false">\n  <Text>  two\nlines  </Text>\n  <Empty n="3"/>\n</Root>\n');
  });
});
