import type { PassageLocation } from '../document/locate-passage';

/**
 * A passage's location as a reader would cite it: "Recommendations, ¶ 2", or in a paginated
 * source its printed pages instead of the paragraph, "Recommendations, p. 12". A heading that is
 * the source's own title (a news capture's first line) is left out, since the citation names the
 * title already: "¶ 3".
 */
export function describeLocation({ heading, paragraph, pages }: PassageLocation, sourceTitle: string): string {
  const section = sectionName(heading, sourceTitle);
  if (paragraph === 0) {
    const place = section === null ? 'the title' : `${section} (the heading)`;
    return pages === undefined ? place : `${place}, ${pages}`;
  }
  const within = pages ?? `¶ ${paragraph}`;
  return section === null ? within : `${section}, ${within}`;
}

/** The section a heading names, or null when there is none or it is the source's own title (which a citation names already). */
export function sectionName(heading: string | null, sourceTitle: string): string | null {
  // A heading that leads into a list ("Our findings provide insights into:") is named without its colon.
  return heading === null || heading.startsWith(sourceTitle) ? null : heading.replace(/[\s:;,]+$/, '');
}
