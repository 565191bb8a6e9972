import { describe, expect, it } from 'vitest';
import { planRefiImport } from './plan-refi-import';
import type { ParsedRefiProject, RefiSelection } from './refi-project';

const selection = (guid: string, name: string, start: number, end: number, more: Partial<RefiSelection> = {}): RefiSelection => ({
  guid,
  name,
  startPosition: start,
  endPosition: end,
  description: '',
  codeGuids: ['c'],
  noteGuids: [],
  ...more,
});

const project = (selections: RefiSelection[], more: Partial<ParsedRefiProject> = {}): ParsedRefiProject => ({
  name: 'p',
  codes: [{ guid: 'c', name: 'Code', color: null, isCodable: true, description: '', children: [] }],
  sources: [{ guid: 's', name: 'S', text: 'Alpha beta.\r\n\r\n\r\nGamma delta.', bytes: null, selections, sourceCodings: 1 }],
  notes: [{ guid: 'n', name: 'Note', text: 'N' }],
  links: [{ originGuid: 'x', targetGuid: 'n' }],
  problems: [],
  ...more,
});

describe('planRefiImport', () => {
  it('carries positions onto the canonical text and lists every coding it cannot place', () => {
    const parsed = project([selection('a', 'Gamma', 17, 22), selection('b', '', 11, 15), selection('x', 'Nowhere in it at all', 90, 99, { noteGuids: ['n'], codeGuids: ['c', 'gone'] })]);
    const plan = planRefiImport(parsed, [{ source: parsed.sources[0]!, canonical: 'Alpha beta.\n\nGamma delta.' }]);
    expect(plan.sources[0]?.highlights).toEqual([{ selectionGuid: 'a', start: 13, end: 18, codeGuids: ['c'], comment: '' }]);
    expect(plan.problems).toEqual([
      '2 codings could not be placed: positions 11–15 in “S”: it selects only spaces or line breaks; “Nowhere in it at all” in “S”: its positions (90–99) lie outside the text of 29 characters, and its text is not in the source.',
      '1 coding of a whole source was left out: Notebook codes passages, not whole sources.',
    ]);
    // The note is attached by the unplaced selection and by a link: the memo cites what could be placed.
    expect(plan.memos).toEqual([{ title: 'Note', text: 'N', selectionGuids: ['x'] }]);
  });

  it('says so when the canonical text is not the project text', () => {
    const parsed = project([selection('a', 'Gamma', 17, 22)]);
    const plan = planRefiImport(parsed, [{ source: parsed.sources[0]!, canonical: 'Something else' }]);
    expect(plan.sources[0]?.highlights).toEqual([]);
    expect(plan.problems[0]).toMatch(/^1 coding could not be placed: “Gamma” in “S”: Notebook read the source's text differently/);
  });
});
