import { describe, expect, it } from 'vitest';
import { sourceId, textHash } from '../model/ids';
import type { SourceMeta } from '../model/source';
import { cslNames, sourceCslItems } from './source-csl';

const meta = (fields: Partial<SourceMeta>): SourceMeta => ({
  id: sourceId('s'),
  file: 's.txt',
  title: 'Untitled',
  author: null,
  publisher: null,
  date: null,
  isoDate: null,
  kind: 'document',
  format: 'plain-text',
  link: null,
  sha256: textHash('0'),
  note: null,
  ...fields,
});

describe('cslNames', () => {
  it('reads people in either order, several of them, and keeps an organisation whole', () => {
    expect(cslNames('Weeda Mehran')).toEqual([{ family: 'Mehran', given: 'Weeda' }]);
    expect(cslNames('Mehran, Weeda and Carol E. Lee & Reuters')).toEqual([
      { family: 'Mehran', given: 'Weeda' },
      { family: 'Lee', given: 'Carol E.' },
      { literal: 'Reuters' },
    ]);
    expect(cslNames(' ; ')).toEqual([]);
  });
});

describe('sourceCslItems', () => {
  it('types each kind of source and files the outlet of a news article as its container', () => {
    const items = sourceCslItems([
      { meta: meta({ id: sourceId('a'), kind: 'news article', publisher: 'Foreign Policy', title: 'What Happened to the Pledge?' }) },
      { meta: meta({ id: sourceId('b'), kind: 'analysis', publisher: 'Institute of the Middle East', date: '11.09.2023', isoDate: '2023-09-11', title: 'Duality' }) },
      { meta: meta({ id: sourceId('c'), title: 'A page', link: 'https://example.org/page' }), importedFormat: 'html' },
      { meta: meta({ id: sourceId('d'), title: 'The notes', date: 'spring 2024' }), importedFormat: 'markdown' },
    ]);
    expect(items).toEqual([
      { id: 'a', type: 'article-newspaper', 'citation-key': 'foreignndwhat', title: 'What Happened to the Pledge?', 'container-title': 'Foreign Policy' },
      { id: 'b', type: 'report', 'citation-key': 'institute2023duality', title: 'Duality', publisher: 'Institute of the Middle East', issued: { 'date-parts': [[2023, 9, 11]] } },
      { id: 'c', type: 'webpage', 'citation-key': 'anonndpage', title: 'A page', URL: 'https://example.org/page' },
      { id: 'd', type: 'document', 'citation-key': 'anon2024notes', title: 'The notes', issued: { literal: 'spring 2024' } },
    ]);
  });

  it('gives sources that would share a key a letter each, in the order given, and keys only ASCII', () => {
    const twin = meta({ author: 'Émile Durkheim', isoDate: '2025-01', title: 'Le Suicide' });
    const keys = sourceCslItems([{ meta: twin }, { meta: meta({ title: 'Other' }) }, { meta: twin }]).map((item) => item['citation-key']);
    expect(keys).toEqual(['durkheim2025lea', 'anonndother', 'durkheim2025leb']);
  });
});
