import { useEffect } from 'react';
import { useTagIndex } from '../tags/use-tag-index';
import { UNTAGGED_COLOR } from './highlight-color';
import { highlightLayers } from './highlight-layers';

/**
 * Adds the `::highlight` rules of every tag's colour (and an untagged highlight's) as soon as the
 * tags are known, which is before a source's text is shown: a rule added to the page once the
 * text is laid out makes the browser restyle all of it, in the same frame that draws the first
 * highlights. A highlight's own colour, outside the tags', still gets its rule when painted.
 */
export function useHighlightColorRules(): void {
  const tags = useTagIndex();
  useEffect(() => {
    const layers = highlightLayers();
    if (!layers || !tags) return;
    layers.useColor(UNTAGGED_COLOR);
    for (const tag of tags.set.tags) layers.useColor(tag.color);
  }, [tags]);
}
