import { describe, expect, it } from 'vitest';
import { scanBlocks } from './markdown-blocks';
import { findReportApparatus, normaliseHeading } from './report-apparatus';

const apparatus = (markdown: string) => findReportApparatus(scanBlocks(markdown));

describe('findReportApparatus: table of contents', () => {
  it('makes each line an entry and drops clear page numbers before a tab', () => {
    const entries = apparatus('# Table of Contents\n\n<b>2</b>\t<b>Summary</b>\n<b>4</b>\t<b>Analysis</b>\n\n# Summary');
    expect(entries.filter((entry) => entry.kind === 'tocEntry').map((entry) => entry.parts)).toEqual([['<b>Summary</b>'], ['<b>Analysis</b>']]);
  });

  it('drops trailing page numbers after dot leaders', () => {
    const entries = apparatus('## Contents\n\nIntroduction ..... 1\nFindings ..... 7');
    expect(entries.slice(1).map((entry) => entry.parts)).toEqual([['Introduction'], ['Findings']]);
  });

  it('keeps numbers that are not clearly page numbers', () => {
    const decreasing = apparatus('# Contents\n\n9\tLater\n2\tEarlier');
    expect(decreasing.slice(1).map((entry) => entry.parts)).toEqual([['9\tLater'], ['2\tEarlier']]);
    const partial = apparatus('# Contents\n\n1\tNumbered\nNot numbered');
    expect(partial.slice(1).map((entry) => entry.parts)).toEqual([['1\tNumbered'], ['Not numbered']]);
  });

  it('ends the table at the next heading', () => {
    expect(apparatus('# Contents\n\nOne\n\n# One\n\nBody text').map((entry) => entry.kind)).toEqual(['heading', 'tocEntry', 'heading', 'paragraph']);
  });
});

describe('findReportApparatus: back matter', () => {
  const backMatter = [
    '## References',
    '',
    '- Mir, Asfandyar. "Pakistan\'s Twin Taliban Problem." <https://usip.org/x>',
    '- . "Two Years." <https://usip.org/y->',
    '',
    'rest-of-the-address.pdf.',
    '',
    '- 1 Mir, "Two Years."',
    '- 2 Corbin, 31.',
    '',
    '- continued after a page break',
    '- 3 Corbin.',
    '- 3 A repeated number continues note 3',
    '',
    '## About',
    '',
    '- 4 not a note outside the back matter',
  ].join('\n');

  it('makes unnumbered items references and numbered items notes, without their numbers', () => {
    const entries = apparatus(backMatter);
    expect(entries.map((entry) => [entry.kind, entry.note])).toEqual([
      ['heading', undefined],
      ['reference', undefined],
      ['reference', undefined],
      ['note', 1],
      ['note', 2],
      ['note', 3],
      ['heading', undefined],
      ['listItem', undefined],
    ]);
    expect(entries[3]!.parts).toEqual(['Mir, "Two Years."']);
  });

  it('appends fragments cut off by a page break to the entry before them', () => {
    const entries = apparatus(backMatter);
    expect(entries[2]!.parts).toEqual(['. "Two Years." <https://usip.org/y->', 'rest-of-the-address.pdf.']);
    expect(entries[4]!.parts).toEqual(['Corbin, 31.', 'continued after a page break']);
    expect(entries[5]!.parts).toEqual(['Corbin.', '3 A repeated number continues note 3']);
  });

  it('starts the notes only at note 1', () => {
    const entries = apparatus('# Notes\n\n- 2020 was a year\n- 1 First note');
    expect(entries.map((entry) => [entry.kind, entry.note])).toEqual([
      ['heading', undefined],
      ['reference', undefined],
      ['note', 1],
    ]);
  });
});

describe('normaliseHeading', () => {
  it('keeps letters and digits only, lower case', () => {
    expect(normaliseHeading('**IS-Khorasan and the Taliban**')).toBe('is khorasan and the taliban');
    expect(normaliseHeading('Jihadi Strategic Relationships: Symbiosis, Reciprocity')).toBe('jihadi strategic relationships symbiosis reciprocity');
  });
});
