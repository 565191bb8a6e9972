import type { PassageLocation } from '../document/locate-passage';

/**
 * A passage's location as a reader would cite it: "Recommendations, ¶ 2", or in a paginated
 * source its printed pages instead of the paragraph, "Recommendations, p. 12". A heading that is
 * the source's own title (a news capture's first line) is left out, since the citation names the
 * title already: "¶ 3".
 */
export function describeLocation({ heading, paragraph, pages }: PassageLocation, sourceTitle: string): string {
  // A heading that leads into a list ("Our findings provide insights into:") is named without its colon.
  const section = heading === null || heading.startsWith(sourceTitle) ? null : heading.replace(/[\s:;,]+$/, '');
  if (paragraph === 0) {
    const place = section === null ? 'the title' : `${section} (the heading)`;
    return pages === undefined ? place : `${place}, ${pages}`;
  }
  const within = pages ?? `¶ ${paragraph}`;
  return section === null ? within : `${section}, ${within}`;
}
