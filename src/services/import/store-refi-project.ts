import type { PlannedFamily } from '../../core/import/refi-qda/code-tree';
import { noteMemoDoc } from '../../core/import/refi-qda/note-memo';
import type { RefiImportPlan } from '../../core/import/refi-qda/plan-refi-import';
import { charOffset, type SourceId, type TagId } from '../../core/model/ids';
import type { Highlight } from '../../core/model/highlight';
import type { CitationAttrs } from '../../core/model/memo';
import type { ApiParsedInput } from '../../shared/api-contract';
import type { HighlightService } from '../highlights/highlight-service';
import type { MemoService } from '../memos/memo-service';
import type { SourceLibrary } from '../sources/source-library';
import type { TagService } from '../tags/tag-service';

export interface ProjectStoreParts {
  readonly library: SourceLibrary;
  readonly tags: TagService;
  readonly highlights: HighlightService;
  readonly memos: MemoService;
}

/** A project source now in the library, and the canonical text the plan's offsets count in. */
export interface StoredProjectSource {
  readonly guid: string;
  readonly sourceId: SourceId;
  readonly plannedText: string;
}

export interface StoredProject {
  readonly tags: number;
  readonly highlights: number;
  readonly memos: number;
  readonly problems: readonly string[];
}

const MAX_COMMENT = 20_000;
const MAX_TAGS = 50;
const MAX_MEMO_TITLE = 300;
const MAX_DESCRIPTION = 5_000;

const sameName = (a: string, b: string): boolean => a.localeCompare(b, undefined, { sensitivity: 'accent' }) === 0;
const clip = (text: string, max: number): string => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);
const citation = (highlight: Highlight): CitationAttrs => ({ highlightId: highlight.id, display: 'block', quote: highlight.target.quote.exact, sourceId: highlight.target.sourceId });

/** The tag of each code: families and tags of the same name as the project's are used, not made twice. */
async function storeCodeTree(tags: TagService, families: readonly PlannedFamily[]): Promise<{ tagOfCode: Map<string, TagId>; count: number }> {
  const existing = await tags.list();
  const tagOfCode = new Map<string, TagId>();
  let count = 0;
  for (const planned of families) {
    const family = existing.families.find((f) => sameName(f.name, planned.name)) ?? (await tags.createFamily({ name: planned.name }));
    for (const plannedTag of planned.tags) {
      const tag =
        existing.tags.find((t) => t.familyId === family.id && sameName(t.name, plannedTag.name)) ??
        (await tags.create({
          familyId: family.id,
          name: plannedTag.name,
          ...(plannedTag.color === null ? {} : { color: plannedTag.color }),
          ...(plannedTag.description === '' ? {} : { description: clip(plannedTag.description, MAX_DESCRIPTION) }),
        }));
      count += 1;
      for (const guid of plannedTag.codeGuids) tagOfCode.set(guid, tag.id);
    }
  }
  return { tagOfCode, count };
}

/**
 * Adds a read project's code tree, codings and notes to the notebook, its sources being in the
 * library already. Importing the same project again adds nothing twice: families and tags are
 * matched by name, a coding whose passage is highlighted already gets no second highlight, and a
 * note already kept as the same memo is not kept again.
 */
export async function storeRefiProject(parts: ProjectStoreParts, plan: RefiImportPlan, sources: readonly StoredProjectSource[]): Promise<StoredProject> {
  const { library, tags, highlights, memos } = parts;
  const problems: string[] = [];
  const { tagOfCode, count } = await storeCodeTree(tags, plan.families);

  const cited = new Map<string, CitationAttrs>();
  // Selections of the same passage (tools that keep one selection per coding) become one highlight.
  const toCreate = new Map<string, { selectionGuids: string[]; input: ApiParsedInput<'highlights.create'> }>();
  let moved = 0;
  const lost: string[] = [];
  for (const planned of plan.sources) {
    const stored = sources.find((s) => s.guid === planned.guid);
    if (stored === undefined) continue;
    const { text } = await library.get(stored.sourceId);
    const already = await highlights.list(stored.sourceId);
    for (const coding of planned.highlights) {
      let { start, end } = coding;
      // A source that was in the library already may have another text (a bundled capture read its own way).
      if (text !== stored.plannedText) {
        const quote = stored.plannedText.slice(start, end);
        start = text.indexOf(quote);
        if (start < 0) {
          lost.push(`“${clip(quote.replace(/\s+/g, ' '), 60)}”`);
          continue;
        }
        end = start + quote.length;
        moved += 1;
      }
      const same = already.find((a) => a.start === start && a.end === end);
      if (same !== undefined) {
        cited.set(coding.selectionGuid, citation(same.highlight));
        continue;
      }
      const tagIds = coding.codeGuids.map((guid) => tagOfCode.get(guid)).filter((id): id is TagId => id !== undefined);
      const key = `${stored.sourceId}:${start}:${end}`;
      const earlier = toCreate.get(key);
      const tagsOf = (input: ApiParsedInput<'highlights.create'> | undefined) => (input?.tags ?? []).map((t) => t.tagId);
      const mergedTags = [...new Set([...tagsOf(earlier?.input), ...tagIds])].slice(0, MAX_TAGS);
      const comments = [...new Set([earlier?.input.comment ?? '', coding.comment].filter((c) => c !== ''))].join('\n\n');
      toCreate.set(key, {
        selectionGuids: [...(earlier?.selectionGuids ?? []), coding.selectionGuid],
        input: { sourceId: stored.sourceId, start: charOffset(start), end: charOffset(end), tags: mergedTags.map((tagId) => ({ tagId })), comment: clip(comments, MAX_COMMENT) },
      });
    }
  }
  const label = plan.name === '' ? 'Import a REFI-QDA project' : `Import “${clip(plan.name, 60)}”`;
  const batch = [...toCreate.values()];
  const created = batch.length === 0 ? [] : await highlights.createMany(batch.map((c) => c.input), label);
  created.forEach(({ highlight }, i) => batch[i]?.selectionGuids.forEach((guid) => cited.set(guid, citation(highlight))));
  if (moved > 0) problems.push(`${moved === 1 ? '1 coding was' : `${moved} codings were`} placed by searching for the passage, on a source already in the library whose text differs from the project's.`);
  if (lost.length > 0) problems.push(`${lost.length === 1 ? '1 coding' : `${lost.length} codings`} could not be placed on a source already in the library, whose text differs from the project's: ${lost.join('; ')}.`);

  const kept = await Promise.all((await memos.list()).map((summary) => memos.get(summary.id)));
  let memoCount = 0;
  for (const note of plan.memos) {
    const title = clip(note.title.trim(), MAX_MEMO_TITLE);
    const doc = noteMemoDoc(note.text, note.selectionGuids.flatMap((guid) => cited.get(guid) ?? []));
    if (kept.some((memo) => memo.title === title && JSON.stringify(memo.doc) === JSON.stringify(doc))) continue;
    await memos.create({ title, doc });
    memoCount += 1;
  }
  return { tags: count, highlights: created.length, memos: memoCount, problems };
}
