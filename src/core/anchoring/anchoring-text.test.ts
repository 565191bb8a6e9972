import { describe, expect, it } from 'vitest';
import { readReport } from '../../../bench/anchoring-workload';
import { AnchoringText, foldQuote } from './anchoring-text';

function scan(text: string, needle: string): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) found.push(at);
  return found;
}

describe('AnchoringText', () => {
  const report = readReport();
  const needles = [
    'Taliban', // short: below the indexed length
    'the Taliban',
    'Al Qaeda',
    'IS-Khorasan',
    '<sup>',
    '\n\n',
    'Islamic State',
    'This sentence is not in the report.',
    report.slice(40000, 40300),
    report.slice(report.length - 50),
  ];

  it('finds with its index exactly what a scan of the text finds', () => {
    const indexed = new AnchoringText(report, true);
    for (const needle of needles) expect(indexed.occurrences(needle)).toEqual(scan(report, needle));
  });

  it('finds overlapping occurrences', () => {
    const text = 'aaaaaaaaaaaaaaaaaaaa';
    expect(new AnchoringText(text, true).occurrences('aaaaaaaaa')).toEqual(scan(text, 'aaaaaaaaa'));
    expect(new AnchoringText(text, false).occurrences('aaaaaaaaa')).toHaveLength(12);
  });

  it('finds folded needles in the folded text', () => {
    const indexed = new AnchoringText(report, true);
    const plain = new AnchoringText(report, false);
    for (const needle of needles.map(foldQuote)) {
      expect(indexed.foldedOccurrences(needle)).toEqual(scan(indexed.folded.text, needle));
      expect(plain.foldedOccurrences(needle)).toEqual(indexed.foldedOccurrences(needle));
    }
  });
});
