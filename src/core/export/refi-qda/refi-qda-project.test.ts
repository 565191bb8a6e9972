import { describe, expect, it } from 'vitest';
import { familyId, tagId } from '../../model/ids';
import type { Tag } from '../../model/highlight';
import { memoPlainText } from './memo-plain-text';
import { refiQdaCodebook } from './refi-qda-project';

const guid = (key: string): string => `00000000-0000-5000-8000-${String(key.length).padStart(12, '0')}`;
const tag = (fields: Partial<Tag>): Tag => ({ id: tagId('t'), familyId: familyId('f'), name: 'T', color: '#1F6FEB', aliases: [], description: '', statedAt: null, ...fields });

describe('refiQdaCodebook', () => {
  it('nests tags under their families, keeps a tag of an unknown family at the top, and lower-cases colours', () => {
    const xml = refiQdaCodebook({ families: [{ id: familyId('f'), name: 'Groups', kind: 'groups' }], tags: [tag({ aliases: ['TTP'] }), tag({ id: tagId('u'), familyId: familyId('gone'), name: 'U', color: 'red' })], guid });
    expect(xml).toBe(
      [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="Notebook">',
        '  <Codes>',
        `    <Code guid="${guid('family:f')}" name="Groups" isCodable="false">`,
        `      <Code guid="${guid('tag:t')}" name="T" isCodable="true" color="#1f6feb">`,
        '        <Description>Aliases: TTP</Description>',
        '      </Code>',
        '    </Code>',
        `    <Code guid="${guid('tag:u')}" name="U" isCodable="true"/>`,
        '  </Codes>',
        '</CodeBook>',
        '',
      ].join('\n'),
    );
  });

  it('is null when there is no code to write', () => {
    expect(refiQdaCodebook({ families: [], tags: [], guid })).toBeNull();
  });
});

describe('memoPlainText', () => {
  it('flattens blocks, numbers ordered lists from their start, indents quotations and names a removed source', () => {
    const citation = { type: 'citation', attrs: { highlightId: 'h', display: 'block', quote: 'the quote', sourceId: 'gone' } };
    const text = memoPlainText(
      [
        { type: 'orderedList', attrs: { start: 3 }, content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'first' }, { type: 'hardBreak' }, { type: 'text', text: 'more' }] }] }] },
        { type: 'blockquote', content: [{ type: 'paragraph', content: [citation] }] },
        { type: 'horizontalRule' },
      ],
      () => null,
    );
    expect(text).toBe('3. first\n   more\n\n    “the quote” [a source no longer in the library]\n\n———');
  });
});
