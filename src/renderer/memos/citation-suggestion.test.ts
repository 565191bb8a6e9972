import { Schema } from '@tiptap/pm/model';
import { EditorState, TextSelection } from '@tiptap/pm/state';
import { describe, expect, it } from 'vitest';
import { suggestionQuery } from './citation-suggestion';

const schema = new Schema({
  nodes: {
    doc: { content: 'block+' },
    paragraph: { group: 'block', content: 'inline*' },
    text: { group: 'inline' },
    citation: { group: 'inline', inline: true, atom: true },
  },
});

/** A one-paragraph document of `before` + `after` (a citation where "#" is), the cursor between them. */
function stateAt(before: string, after = '') {
  const inline = (text: string) => text.split('#').flatMap((part, i) => [...(i > 0 ? [schema.node('citation')] : []), ...(part ? [schema.text(part)] : [])]);
  const doc = schema.node('doc', null, [schema.node('paragraph', null, [...inline(before), ...inline(after)])]);
  const cursor = 1 + inline(before).reduce((n, node) => n + node.nodeSize, 0);
  return EditorState.create({ doc, selection: TextSelection.create(doc, cursor) });
}

describe('suggestionQuery', () => {
  it('finds the words typed after an @ at the start of a word', () => {
    expect(suggestionQuery(stateAt('As the report says @isis k'))).toEqual({ from: 20, to: 27, query: 'isis k' });
    expect(suggestionQuery(stateAt('@'))).toEqual({ from: 1, to: 2, query: '' });
    expect(suggestionQuery(stateAt('see (@tal', ') later'))).toEqual({ from: 6, to: 10, query: 'tal' });
  });

  it('ignores an @ inside a word, such as an e-mail address', () => {
    expect(suggestionQuery(stateAt('write to analyst@example'))).toBeNull();
  });

  it('starts a query right after a citation, and does not reach back across one or past a second @', () => {
    expect(suggestionQuery(stateAt('@a#b'))).toBeNull();
    expect(suggestionQuery(stateAt('#@isk'))).toEqual({ from: 2, to: 6, query: 'isk' });
    expect(suggestionQuery(stateAt('# @isk'))).toEqual({ from: 3, to: 7, query: 'isk' });
    expect(suggestionQuery(stateAt('@one @two'))).toEqual({ from: 6, to: 10, query: 'two' });
  });

  it('gives up on a query longer than a highlight is looked up by', () => {
    expect(suggestionQuery(stateAt(`@${'x'.repeat(61)}`))).toBeNull();
  });

  it('is not a query while text is selected', () => {
    const state = stateAt('@tal');
    expect(suggestionQuery(state.apply(state.tr.setSelection(TextSelection.create(state.doc, 1, 4))))).toBeNull();
  });
});
