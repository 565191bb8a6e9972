/** A node of the link chart where the layout put it. */
export interface SvgNode {
  readonly id: string;
  readonly label: string;
  readonly x: number;
  readonly y: number;
  /** Diameter. */
  readonly size: number;
  readonly color: string;
}

export interface SvgEdge {
  readonly from: string;
  readonly to: string;
  readonly label: string;
  /** A relation read one way ("hosts") gets an arrow; co-occurrence has none. */
  readonly directed: boolean;
  readonly dashed: boolean;
}

export interface SvgColors {
  readonly ink: string;
  readonly paper: string;
  readonly line: string;
}

const MARGIN = 40;

const escape = (text: string): string => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
const round = (n: number): string => String(Math.round(n * 10) / 10);

/**
 * The link chart as a standalone SVG document, drawn from the positions the layout gave the nodes
 * (cytoscape exports only bitmaps): straight edges with their labels at the middle, arrows on
 * directed relations, circles sized as on screen with the group's name beneath.
 */
export function chartSvg(nodes: readonly SvgNode[], edges: readonly SvgEdge[], colors: SvgColors): string {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const xs = nodes.flatMap((n) => [n.x - n.size / 2, n.x + n.size / 2]);
  const ys = nodes.flatMap((n) => [n.y - n.size / 2, n.y + n.size / 2 + 16]);
  const left = Math.min(0, ...xs) - MARGIN;
  const top = Math.min(0, ...ys) - MARGIN;
  const width = Math.max(0, ...xs) - left + MARGIN;
  const height = Math.max(0, ...ys) - top + MARGIN;
  const lines: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${round(left)} ${round(top)} ${round(width)} ${round(height)}" width="${round(width)}" height="${round(height)}" font-family="sans-serif" font-size="11">`,
    `<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="${escape(colors.line)}"/></marker></defs>`,
    `<rect x="${round(left)}" y="${round(top)}" width="${round(width)}" height="${round(height)}" fill="${escape(colors.paper)}"/>`,
  ];
  for (const edge of edges) {
    const a = byId.get(edge.from);
    const b = byId.get(edge.to);
    if (a === undefined || b === undefined) continue;
    // The line stops at the target's rim so that an arrow head is not hidden under the circle.
    const length = Math.hypot(b.x - a.x, b.y - a.y) || 1;
    const endX = b.x - ((b.x - a.x) / length) * (b.size / 2);
    const endY = b.y - ((b.y - a.y) / length) * (b.size / 2);
    const dash = edge.dashed ? ' stroke-dasharray="5 4"' : '';
    const arrow = edge.directed ? ' marker-end="url(#arrow)"' : '';
    lines.push(`<line x1="${round(a.x)}" y1="${round(a.y)}" x2="${round(endX)}" y2="${round(endY)}" stroke="${escape(colors.line)}" stroke-width="1.5"${dash}${arrow}/>`);
    lines.push(`<text x="${round((a.x + b.x) / 2)}" y="${round((a.y + b.y) / 2 - 4)}" text-anchor="middle" fill="${escape(colors.ink)}">${escape(edge.label)}</text>`);
  }
  for (const node of nodes) {
    lines.push(`<circle cx="${round(node.x)}" cy="${round(node.y)}" r="${round(node.size / 2)}" fill="${escape(node.color)}"/>`);
    lines.push(`<text x="${round(node.x)}" y="${round(node.y + node.size / 2 + 13)}" text-anchor="middle" fill="${escape(colors.ink)}">${escape(node.label)}</text>`);
  }
  lines.push('</svg>');
  return `${lines.join('\n')}\n`;
}
