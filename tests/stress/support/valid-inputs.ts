import type { ApiInput, ApiMethod } from '../../../src/shared/api-contract';

/** Ids of things that exist in the notebook the fuzzer runs against. */
export interface ExistingIds {
  readonly sourceId: string;
  readonly otherSourceId: string;
  readonly highlightId: string;
  readonly tagId: string;
  readonly otherTagId: string;
  readonly familyId: string;
  readonly memoId: string;
  readonly backupId: string;
}

/** A competing-hypotheses board id (none exists under it in the template notebook). */
const ACH_BOARD_ID = 'fuzz-board';

const doc = { type: 'doc' as const, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'A memo' }] }] };

/**
 * One valid input per API method, the starting point the fuzzer breaks. Typed by the contract, so
 * a method added there does not compile here until it has an input (and is fuzzed).
 */
export function validInputs(ids: ExistingIds): { readonly [M in ApiMethod]: ApiInput<M> } {
  return {
    'sources.list': {},
    'sources.get': { sourceId: ids.sourceId },
    'sources.import': { importId: 'fuzz-1', fileName: 'notes.txt', bytes: new TextEncoder().encode('Fuzzed notes.\n\nA second paragraph.') },
    'imports.cancel': { importId: 'fuzz-1' },
    'sources.updateDetails': { sourceId: ids.sourceId, details: { title: 'Renamed source', author: null, isoDate: '2024-05' } },
    'sources.dependents': { sourceId: ids.sourceId },
    'sources.remove': { sourceId: ids.otherSourceId },
    'sources.restore': { sourceId: ids.otherSourceId },
    'sources.removed': {},
    'sources.original': { sourceId: ids.sourceId },
    'sources.reextract': { sourceId: ids.sourceId },
    'reading.get': { sourceId: ids.sourceId },
    'reading.set': { sourceId: ids.sourceId, offset: 10 },
    'notebook.status': {},
    'highlights.list': { sourceId: ids.sourceId },
    'highlights.create': { sourceId: ids.sourceId, start: 100, end: 120, color: '#1f6feb', tags: [{ tagId: ids.tagId }], comment: 'A comment' },
    'highlights.update': { highlightId: ids.highlightId, color: null, tags: [], comment: 'Edited' },
    'highlights.delete': { highlightId: ids.highlightId },
    'highlights.place': { highlightId: ids.highlightId, start: 10, end: 40 },
    'highlights.byTag': { tagId: ids.tagId },
    'highlights.problems': {},
    'tags.list': {},
    'tags.create': { familyId: ids.familyId, name: 'A tag', color: '#aabbcc', aliases: ['Another name'], description: 'What it means' },
    'tags.update': { tagId: ids.tagId, name: 'Renamed', color: '#ccbbaa', aliases: [], description: '' },
    'tags.delete': { tagId: ids.tagId, highlights: 'untag' },
    'tags.merge': { fromTagId: ids.tagId, intoTagId: ids.otherTagId },
    'families.create': { name: 'A family' },
    'families.rename': { familyId: ids.familyId, name: 'Renamed family' },
    'families.delete': { familyId: ids.familyId, highlights: 'delete-highlights' },
    'history.undo': {},
    'history.redo': {},
    'history.state': {},
    'mentions.list': { tagId: ids.tagId },
    'mentions.dismiss': { tagId: ids.tagId, sourceId: ids.sourceId, start: 2159, end: 2170 },
    'sources.replace': { sourceId: ids.sourceId, text: 'A new text' },
    'memos.list': {},
    'memos.get': { memoId: ids.memoId },
    'memos.create': { title: 'A memo', doc },
    'memos.save': { memoId: ids.memoId, title: 'A memo', doc },
    'memos.delete': { memoId: ids.memoId },
    'memos.restore': { memoId: ids.memoId },
    'memos.draftFromTags': { tagIds: [ids.tagId], title: 'Drafted' },
    'memos.exportMarkdown': { memoId: ids.memoId },
    'memos.exportWord': { memoId: ids.memoId },
    'memos.exportObsidian': { memoId: ids.memoId },
    'citations.resolve': { highlightIds: [ids.highlightId] },
    'export.highlights': { format: 'csv', sourceIds: [ids.sourceId] },
    'export.bibliography': { format: 'ris', sourceIds: [ids.sourceId] },
    'export.refiQdaProject': {},
    'export.refiQdaCodebook': {},
    'backups.list': {},
    'backups.restore': { backupId: ids.backupId },
    'search.query': { query: 'Taliban', expandAliases: true, disabledGroups: [], filter: { highlighted: true }, limit: 10 },
    'sources.twins': { sourceId: ids.sourceId },
    'passages.related': { sourceId: ids.sourceId, start: 100, end: 300, limit: 5 },
    'highlights.copyToTwin': { highlightId: ids.highlightId, targetSourceId: ids.otherSourceId },
    'layout.get': {},
    'layout.set': { layout: { first: { kind: 'source', sourceId: ids.sourceId, offset: 0 }, second: null, split: 0.5, focused: 'first' } },
    // The template notebook has no board: these name one that is not there, which the fuzzer's
    // malformed variants never reach and its odd-id variants must answer with not-found.
    'ach.list': {},
    'ach.get': { boardId: ACH_BOARD_ID },
    'ach.create': { question: 'Who attacked?', hypotheses: ['The Taliban', 'ISKP'] },
    'ach.save': {
      boardId: ACH_BOARD_ID,
      question: 'Who attacked?',
      hypotheses: [{ id: 'h1', label: 'H1', text: 'The Taliban' }],
      evidence: [{ id: 'e1', highlightId: ids.highlightId, note: 'Second-hand' }],
      ratings: { 'e1:h1': { rating: 'I', note: 'Wrong district' } },
    },
    'ach.delete': { boardId: ACH_BOARD_ID },
    'ach.restore': { boardId: ACH_BOARD_ID },
    'ach.score': { boardId: ACH_BOARD_ID, maxCredibility: 3 },
    'ach.exportCsv': { boardId: ACH_BOARD_ID },
    'ach.toMemo': { boardId: ACH_BOARD_ID },
    'analysis.evidenceMatrix': { rowFamilyId: 'family:recommendations', columns: { familyId: 'family:groups' } },
    'analysis.cooccurrence': { familyId: 'family:groups', scope: 'paragraph' },
    'analysis.linkChart': {},
    'analysis.exportCsv': { kind: 'evidence-matrix', columns: 'sources' },
    'analysis.matrixToMemo': { rowFamilyId: 'family:recommendations', columns: 'sources', title: 'Evidence' },
    // The template notebook has no relation: these name one that is not there (not-found), like the boards above.
    'relations.list': {},
    'relations.create': { fromTagId: ids.tagId, toTagId: ids.otherTagId, type: 'allied with', highlightIds: [ids.highlightId], note: 'Since 1996' },
    'relations.update': { relationId: 'fuzz-relation', type: 'rival of', note: '' },
    'relations.delete': { relationId: 'fuzz-relation' },
  };
}
