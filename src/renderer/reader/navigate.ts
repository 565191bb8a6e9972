/**
 * Moves the reader to an element inside it (a heading from the table of contents, a note from
 * its marker, a marker from its note's back-link): scrolls it to the top and gives it focus, so
 * keyboard and screen-reader users continue from there.
 */
export function navigateToElement(elementId: string): void {
  const target = document.getElementById(elementId);
  if (!target) return;
  target.scrollIntoView({ block: 'start' });
  target.focus({ preventScroll: true });
}
