import { describe, expect, it } from 'vitest';
import { charOffset } from '../../core/model/ids';
import type { Block, InlineMark } from '../../core/model/source';
import { indexFootnotes } from './footnotes';

const ref = (note: number, at: number): InlineMark => ({ kind: 'footnoteRef', note, range: { start: charOffset(at), end: charOffset(at + String(note).length) } });
const paragraph = (...marks: InlineMark[]): Block => ({ kind: 'paragraph', range: { start: charOffset(0), end: charOffset(500) }, marks });
const note = (n: number): Block => ({ kind: 'note', note: n, range: { start: charOffset(600 + n), end: charOffset(601 + n) }, marks: [] });

describe('indexFootnotes', () => {
  it('lists the notes present and the earliest reference to each', () => {
    const index = indexFootnotes([paragraph(ref(2, 40), ref(1, 10)), paragraph(ref(1, 300), ref(3, 5)), note(1), note(2)]);
    expect([...index.notes].sort()).toEqual([1, 2]);
    expect(Object.fromEntries(index.firstRef)).toEqual({ 1: 10, 2: 40, 3: 5 });
  });

  it('knows where each note’s text is, for its preview: the first note given a number', () => {
    const again: Block = { ...note(2), range: { start: charOffset(700), end: charOffset(720) } };
    const index = indexFootnotes([paragraph(ref(1, 10)), note(1), note(2), again]);
    expect(Object.fromEntries(index.noteRange)).toEqual({ 1: { start: 601, end: 602 }, 2: { start: 602, end: 603 } });
  });

  it('ignores bold, italic and links', () => {
    const index = indexFootnotes([paragraph({ kind: 'bold', range: { start: charOffset(0), end: charOffset(3) } })]);
    expect(index.firstRef.size).toBe(0);
    expect(index.notes.size).toBe(0);
  });
});
