import type { JSONContent } from '@tiptap/core';
import type { MemoDoc, MemoNode } from '../../core/model/memo';

/** A memo body as the editor takes it: the same JSON, in the editor's (mutable) types. */
export function editorContent(node: MemoDoc | MemoNode): JSONContent {
  const { content, marks, attrs, ...rest } = node;
  return {
    ...rest,
    ...(attrs === undefined ? {} : { attrs: { ...attrs } }),
    ...(content === undefined ? {} : { content: content.map(editorContent) }),
    ...(marks === undefined ? {} : { marks: marks.map((mark) => ({ ...mark, ...(mark.attrs === undefined ? {} : { attrs: { ...mark.attrs } }) })) }),
  };
}
