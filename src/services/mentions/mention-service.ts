import { roleAt } from '../../core/document/block-role';
import type { Tag } from '../../core/model/highlight';
import { textHash, type SourceId, type TagId } from '../../core/model/ids';
import type { TextRange } from '../../core/model/source';
import { createMentionMatcher, type Mention as TextMention, type MentionMatcher } from '../../core/tags/find-mentions';
import { mentionDismissalId, type MentionDismissal } from '../../core/tags/mention-dismissal';
import { unhighlightedMentions } from '../../core/tags/unhighlighted-mentions';
import type { ApiParsedInput, ChangeSummary, Mention } from '../../shared/api-contract';
import type { NotebookEditor } from '../changes/notebook-editor';
import type { AnchoredHighlights } from '../highlights/anchored-highlights';
import type { HighlightStore } from '../highlights/highlight-store';
import { InvalidInputError, NotFoundError } from '../service-errors';
import type { SourceLibrary } from '../sources/source-library';
import type { JsonDocument } from '../store/json-document';
import type { TagSet } from '../tags/tag-set';
import type { DismissalsFile } from './dismissals-file';

export interface MentionServiceParts {
  readonly library: SourceLibrary;
  readonly tagSet: TagSet;
  readonly store: HighlightStore;
  readonly anchored: AnchoredHighlights;
  readonly editor: NotebookEditor;
  readonly dismissals: JsonDocument<DismissalsFile>;
  readonly now: () => Date;
}

/** The mentions found in one text by one matcher, kept until the text or the group tags change. */
interface ScannedText {
  readonly matcher: MentionMatcher;
  readonly textHash: string;
  readonly mentions: readonly TextMention[];
}

/** mentions.list and mentions.dismiss: where the sources name a group that no highlight with its tag covers yet, and the ones set aside. */
export class MentionService {
  #matcher: { readonly groups: readonly Tag[]; readonly matcher: MentionMatcher } | null = null;
  readonly #scanned = new Map<SourceId, ScannedText>();

  constructor(private readonly parts: MentionServiceParts) {}

  /**
   * For every group (or the one named), in library order and then text order, each with the role
   * of the block it is in (body text, heading, contents line, reference); none set aside.
   */
  async list(onlyTagId?: TagId): Promise<Mention[]> {
    const { library, tagSet, store, anchored } = this.parts;
    await Promise.all([tagSet.ready(), store.load()]);
    const matcher = this.#groupMatcher(onlyTagId);
    const dismissed = new Set(this.parts.dismissals.data.dismissals.map((d) => d.id));
    const found: Mention[] = [];
    for (const meta of await library.manifest()) {
      const source = await library.get(meta.id);
      const hash = textHash(source.textHash);
      const mentions = this.#mentionsIn(meta.id, source.textHash, source.text, matcher).filter(
        (m) => (onlyTagId === undefined || m.tagId === onlyTagId) && !dismissed.has(mentionDismissalId(m.tagId, meta.id, hash, m.start, m.end)),
      );
      if (mentions.length === 0) continue;
      const rangesByTag = new Map<TagId, TextRange[]>();
      for (const { highlight, status, start, end } of anchored.place(source, store.of(meta.id))) {
        // Only a highlight whose place is settled covers a mention; one awaiting review may be elsewhere.
        if ((status !== 'exact' && status !== 'fuzzy') || start === null || end === null) continue;
        for (const { tagId } of highlight.tags) {
          const ranges = rangesByTag.get(tagId) ?? [];
          ranges.push({ start, end });
          rangesByTag.set(tagId, ranges);
        }
      }
      for (const m of unhighlightedMentions(mentions, rangesByTag)) found.push({ ...m, sourceId: meta.id, role: roleAt(source.blocks, m.start) });
    }
    return found;
  }

  /**
   * Sets a mention aside, as one step of undo, so that mentions.list no longer offers it while the
   * source keeps this text. Dismissing one already set aside changes nothing.
   */
  async dismiss(input: ApiParsedInput<'mentions.dismiss'>): Promise<ChangeSummary> {
    const { library, tagSet, editor, dismissals, now } = this.parts;
    const { summary } = await editor.perform(async () => {
      await tagSet.ready();
      const matcher = this.#groupMatcher(input.tagId);
      const source = await library.get(input.sourceId);
      const mention = this.#mentionsIn(input.sourceId, source.textHash, source.text, matcher).find((m) => m.tagId === input.tagId && m.start === input.start && m.end === input.end);
      const tag = tagSet.tagsById().get(input.tagId);
      if (mention === undefined || tag === undefined) {
        throw new NotFoundError(`“${source.meta.title}” does not mention that group at ${input.start}–${input.end} in its current text; it may have been replaced. Reload the mentions and try again.`);
      }
      const hash = textHash(source.textHash);
      const id = mentionDismissalId(input.tagId, input.sourceId, hash, input.start, input.end);
      const label = `Dismiss mention of “${tag.name}”`;
      if (dismissals.data.dismissals.some((d) => d.id === id)) return { change: { label, highlights: [], tags: [], families: [] }, value: null };
      const dismissal: MentionDismissal = { id, tagId: input.tagId, sourceId: input.sourceId, textHash: hash, start: input.start, end: input.end, dismissed: now().toISOString() };
      return { change: { label, highlights: [], tags: [], families: [], dismissals: [{ before: null, after: dismissal }] }, value: null };
    });
    return summary;
  }

  /** One matcher for the tags of every groups family, rebuilt when those tags change. */
  #groupMatcher(onlyTagId: TagId | undefined): MentionMatcher {
    const { tagSet } = this.parts;
    const families = tagSet.familiesById();
    if (onlyTagId !== undefined) {
      const tag = tagSet.tagsById().get(onlyTagId);
      if (tag === undefined) throw new NotFoundError(`There is no tag with id “${onlyTagId}”; it may have been deleted. Reload the tag list and try again.`);
      if (families.get(tag.familyId)?.kind !== 'groups') {
        throw new InvalidInputError(`“${tag.name}” is not a group: mentions are found for the tags of a Groups family only.`, ['tagId: must be the id of a group tag']);
      }
    }
    const groups = tagSet.tags.filter((t) => families.get(t.familyId)?.kind === 'groups');
    const cached = this.#matcher;
    if (cached !== null && cached.groups.length === groups.length && groups.every((t, i) => t === cached.groups[i])) return cached.matcher;
    const matcher = createMentionMatcher(groups);
    this.#matcher = { groups, matcher };
    return matcher;
  }

  #mentionsIn(sourceId: SourceId, textHash: string, text: string, matcher: MentionMatcher): readonly TextMention[] {
    const known = this.#scanned.get(sourceId);
    if (known?.matcher === matcher && known.textHash === textHash) return known.mentions;
    const scanned = { matcher, textHash, mentions: matcher.findMentions(text) };
    this.#scanned.set(sourceId, scanned);
    return scanned.mentions;
  }
}
