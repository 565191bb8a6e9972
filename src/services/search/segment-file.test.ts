import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { charOffset, sourceId } from '../../core/model/ids';
import { createSearchIndex } from '../../core/search/search-index';
import { indexText } from '../../core/search/segment-data';
import { decodeSegment, encodeSegment } from './segment-file';

const directory = new URL('../../../resources/sources/', import.meta.url);
const texts = readdirSync(directory)
  .filter((file) => file.endsWith('.txt'))
  .sort()
  .map((file) => readFileSync(new URL(file, directory), 'utf8'));
const KEY = 'sha|markdown||';
const queries = ['taliban', '"al qaeda"', 'kho*', 'pakistan -taliban', 'ttp OR tehreek'];

describe('segment files', () => {
  it('give back a source as indexed: an index loaded from them answers like one built from the texts', () => {
    const built = createSearchIndex();
    const loaded = createSearchIndex();
    texts.forEach((text, i) => {
      built.addSource(sourceId(`s${i}`), text);
      const data = decodeSegment(KEY, encodeSegment(KEY, indexText(text, undefined)));
      expect(data).not.toBeNull();
      if (data) loaded.putSegment(sourceId(`s${i}`), data);
    });
    expect(loaded.stats()).toEqual(built.stats());
    for (const query of queries) expect(loaded.search(query), query).toEqual(built.search(query));
  });

  it('keeps each passage’s role', () => {
    const text = 'Contents line\nBody line';
    const blocks = [
      { kind: 'tocEntry' as const, range: { start: charOffset(0), end: charOffset(13) }, marks: [] },
      { kind: 'paragraph' as const, range: { start: charOffset(14), end: charOffset(23) }, marks: [] },
    ];
    const data = indexText(text, blocks);
    expect(Array.from(data.passageRoles)).toEqual([1, 0]);
    expect(Array.from(decodeSegment(KEY, encodeSegment(KEY, data))?.passageRoles ?? [])).toEqual([1, 0]);
  });

  it('keeps a token too long for one byte, text beyond Latin-1, and a source without words', () => {
    const text = `Kābul’s ${'x'.repeat(300)} 東京 end`;
    const data = decodeSegment(KEY, encodeSegment(KEY, indexText(text, undefined)));
    expect(data?.text).toBe(text);
    expect([...(data?.longTokens ?? [])]).toEqual([[1, 300]]);
    const index = createSearchIndex();
    if (data) index.putSegment(sourceId('a'), data);
    expect(index.search('xxx*').sources[0]?.passages[0]?.hits).toEqual([{ start: 8, end: 308 }]);
    expect(decodeSegment(KEY, encodeSegment(KEY, indexText('— …', undefined)))?.terms).toEqual([]);
  });

  it('reads a damaged, truncated, outdated or mislabelled file as missing', () => {
    const bytes = encodeSegment(KEY, indexText(texts[0] ?? '', undefined));
    const flipped = bytes.slice();
    flipped[bytes.length - 7] = (flipped[bytes.length - 7] ?? 0) ^ 0x20;
    expect(decodeSegment(KEY, flipped)).toBeNull();
    expect(decodeSegment(KEY, bytes.subarray(0, bytes.length - 100))).toBeNull();
    expect(decodeSegment(KEY, bytes.subarray(0, 10))).toBeNull();
    const outdated = bytes.slice();
    outdated[4] = 99;
    expect(decodeSegment(KEY, outdated)).toBeNull();
    expect(decodeSegment('another text', bytes)).toBeNull();
    expect(decodeSegment(KEY, bytes)).not.toBeNull();
  });
});
