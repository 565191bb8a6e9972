import type { ParsedSource } from '../model/source';
import { assembleSource } from './assemble-source';
import { joinDraftTexts } from './draft-block';
import type { DraftBlock, DraftText } from './draft-block';
import { scanBlocks } from './markdown-blocks';
import { parseInline } from './markdown-inline';
import { findReportApparatus } from './report-apparatus';
import type { ApparatusEntry } from './report-apparatus';
import { resolveTocTargets } from './toc-targets';

export function parseMarkdown(source: string): ParsedSource {
  const drafts = findReportApparatus(scanBlocks(source))
    .map(draftBlock)
    .filter((block) => block.text !== '');
  return assembleSource(resolveTocTargets(drafts));
}

function draftBlock(entry: ApparatusEntry): DraftBlock {
  const { parts, ...attributes } = entry;
  const content = joinDraftTexts(parts.map(parseInline), '\n');
  return { ...attributes, ...(entry.kind === 'heading' ? withoutWholeBold(content) : content) };
}

/**
 * `# **Title**`: a heading is bold already, so bold over the whole of it says nothing and would
 * only stack a second weight on it in the reader.
 */
function withoutWholeBold(content: DraftText): DraftText {
  const marks = content.marks.filter((mark) => !(mark.kind === 'bold' && mark.start === 0 && mark.end === content.text.length));
  return { text: content.text, marks };
}
