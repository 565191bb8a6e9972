import { describe, expect, it } from 'vitest';
import { assembleSource } from '../../../tests/unit/support/sample-source';
import { bundledSources } from '../../../tests/unit/support/bundled-sources';
import { charOffset } from '../model/ids';
import { passageNotes } from './passage-notes';

const source = assembleSource([
  { kind: 'paragraph', text: 'Groups operate freely.10 Camps were set up.12', marks: [
    { kind: 'footnoteRef', on: '10', note: 10 },
    { kind: 'footnoteRef', on: '12', note: 12 },
  ] },
  { kind: 'paragraph', text: 'Again.10', marks: [{ kind: 'footnoteRef', on: '10', note: 10 }] },
  { kind: 'note', note: 10, text: 'UN report, July 2024.' },
  { kind: 'note', note: 12, text: 'Interview, 2024.' },
]);
const range = (from: string, to: string) => ({ start: charOffset(source.text.indexOf(from)), end: charOffset(source.text.indexOf(to) + to.length) });

describe('passageNotes', () => {
  it('gives the notes whose markers lie wholly inside the passage, once each, in text order', () => {
    expect(passageNotes(source, range('Groups', 'Again.10'))).toEqual([
      { note: 10, text: 'UN report, July 2024.' },
      { note: 12, text: 'Interview, 2024.' },
    ]);
    expect(passageNotes(source, range('Camps', 'up.12'))).toEqual([{ note: 12, text: 'Interview, 2024.' }]);
  });

  it('gives none for a passage without markers, or one that cuts a marker', () => {
    expect(passageNotes(source, range('Groups', 'freely'))).toEqual([]);
    expect(passageNotes(source, range('Camps', 'up.1'))).toEqual([]);
  });

  it('finds the report’s notes by number', () => {
    const report = bundledSources().find((s) => s.parsed.blocks.some((b) => b.kind === 'note'));
    if (!report) throw new Error('The bundled report has no notes');
    const { text } = report.parsed;
    const start = text.indexOf('Over two dozen terrorist groups currently operate freely');
    const found = passageNotes(report.parsed, { start: charOffset(start), end: charOffset(text.indexOf('According to the UN', start)) });
    expect(found.map((n) => n.note)).toEqual([10]);
    expect(found[0]?.text.length).toBeGreaterThan(10);
  });
});
