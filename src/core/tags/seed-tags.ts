import type { Tag, TagFamily } from '../model/highlight';
import { charOffset, familyId, tagId, type SourceId, type TagId } from '../model/ids';
import { groupSeeds } from './seed-groups';
import { recommendationSeeds, RECOMMENDATIONS_SOURCE_FILE } from './seed-recommendations';

export const GROUPS_FAMILY_ID = familyId('family:groups');
export const RECOMMENDATIONS_FAMILY_ID = familyId('family:recommendations');

/** Where a recommendation tag is stated: a sentence to find in the canonical text of a source file. */
export interface RecommendationStatement {
  readonly tagId: TagId;
  /** File name under resources/sources. */
  readonly file: string;
  readonly quote: string;
}

export interface SeedTags {
  readonly families: readonly TagFamily[];
  /** `statedAt` is null until the services locate each statement in the canonical text. */
  readonly tags: readonly Tag[];
  readonly statements: readonly RecommendationStatement[];
}

/**
 * The tag families and tags a new notebook starts with. Ids are derived from stable keys, so
 * seeding again finds the same ids and adds nothing twice.
 */
export function seedTags(): SeedTags {
  const groups: Tag[] = groupSeeds.map((g) => ({
    id: tagId(`group:${g.key}`),
    familyId: GROUPS_FAMILY_ID,
    name: g.name,
    color: g.color,
    aliases: g.aliases,
    description: '',
    statedAt: null,
  }));
  const recommendations: Tag[] = recommendationSeeds.map((r) => ({
    id: tagId(`rec:${r.key}`),
    familyId: RECOMMENDATIONS_FAMILY_ID,
    name: `${r.code} · ${r.shortTitle ?? r.title}`,
    color: r.color,
    aliases: [],
    description: r.paragraphs.join('\n\n'),
    statedAt: null,
  }));
  return {
    families: [
      { id: GROUPS_FAMILY_ID, name: 'Groups', kind: 'groups' },
      { id: RECOMMENDATIONS_FAMILY_ID, name: 'Recommendations', kind: 'recommendations' },
    ],
    tags: [...groups, ...recommendations],
    statements: recommendationSeeds.map((r) => ({
      tagId: tagId(`rec:${r.key}`),
      file: RECOMMENDATIONS_SOURCE_FILE,
      quote: r.statement,
    })),
  };
}

/**
 * Where `quote` stands in a source's canonical text, as a tag's `statedAt`; null when the quote
 * is missing or occurs more than once, because an ambiguous place would send the reader to the
 * wrong passage.
 */
export function statedAtIn(text: string, sourceId: SourceId, quote: string): Tag['statedAt'] {
  const start = text.indexOf(quote);
  if (quote === '' || start < 0 || text.indexOf(quote, start + 1) >= 0) return null;
  return { sourceId, start: charOffset(start), end: charOffset(start + quote.length) };
}
