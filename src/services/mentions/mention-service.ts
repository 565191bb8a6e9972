import type { Tag } from '../../core/model/highlight';
import type { SourceId, TagId } from '../../core/model/ids';
import type { TextRange } from '../../core/model/source';
import { createMentionMatcher, type Mention as TextMention, type MentionMatcher } from '../../core/tags/find-mentions';
import { unhighlightedMentions } from '../../core/tags/unhighlighted-mentions';
import type { Mention } from '../../shared/api-contract';
import type { AnchoredHighlights } from '../highlights/anchored-highlights';
import type { HighlightStore } from '../highlights/highlight-store';
import { InvalidInputError, NotFoundError } from '../service-errors';
import type { SourceLibrary } from '../sources/source-library';
import type { TagSet } from '../tags/tag-set';

export interface MentionServiceParts {
  readonly library: SourceLibrary;
  readonly tagSet: TagSet;
  readonly store: HighlightStore;
  readonly anchored: AnchoredHighlights;
}

/** The mentions found in one text by one matcher, kept until the text or the group tags change. */
interface ScannedText {
  readonly matcher: MentionMatcher;
  readonly textHash: string;
  readonly mentions: readonly TextMention[];
}

/** mentions.list: where the sources name a group that no highlight with its tag covers yet. */
export class MentionService {
  #matcher: { readonly groups: readonly Tag[]; readonly matcher: MentionMatcher } | null = null;
  readonly #scanned = new Map<SourceId, ScannedText>();

  constructor(private readonly parts: MentionServiceParts) {}

  /** For every group (or the one named), in library order and then text order. */
  async list(onlyTagId?: TagId): Promise<Mention[]> {
    const { library, tagSet, store, anchored } = this.parts;
    await Promise.all([tagSet.ready(), store.load()]);
    const matcher = this.#groupMatcher(onlyTagId);
    const found: Mention[] = [];
    for (const meta of await library.manifest()) {
      const source = await library.get(meta.id);
      const mentions = this.#mentionsIn(meta.id, source.textHash, source.text, matcher).filter((m) => onlyTagId === undefined || m.tagId === onlyTagId);
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
      for (const m of unhighlightedMentions(mentions, rangesByTag)) found.push({ ...m, sourceId: meta.id });
    }
    return found;
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
