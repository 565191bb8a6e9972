import cytoscape from 'cytoscape';
import type { ChartEdge, LinkChart } from '../../core/analysis/link-chart';
import type { SvgColors, SvgEdge, SvgNode } from './chart-svg';

/** Node diameters on screen: the group with the most passages gets the largest. */
const SMALLEST = 24;
const LARGEST = 72;

/**
 * Cytoscape's renderer adds a `<style>` element to the page unless an element of this id exists;
 * the Content-Security-Policy refuses inline styles, so an inert `<meta>` takes that id first and
 * the rule it would have set (the container positioned) is in analysis.css.
 */
const CYTOSCAPE_STYLESHEET_ID = '__________cytoscape_stylesheet';

function claimStylesheetId(): void {
  if (document.getElementById(CYTOSCAPE_STYLESHEET_ID) !== null) return;
  const placeholder = document.createElement('meta');
  placeholder.id = CYTOSCAPE_STYLESHEET_ID;
  document.head.append(placeholder);
}

/** An edge's label on the chart and in the Edges table: the relation's type, or how often the groups share a paragraph. */
export const edgeLabel = (edge: ChartEdge): string => (edge.kind === 'relation' ? edge.type : `same paragraph ×${edge.count}`);

/** The theme's colours where the chart is, so the canvas matches the page (light or dark). */
export function themeColors(element: Element): SvgColors {
  const style = getComputedStyle(element);
  const read = (name: string, fallback: string): string => style.getPropertyValue(name).trim() || fallback;
  return { ink: read('--ink', '#1a1a1a'), paper: read('--paper', '#ffffff'), line: read('--muted', '#5f6368') };
}

/** Draws the chart in `container` (laid out by cytoscape's force-directed 'cose'); `onEdge` hears a click or tap on an edge. */
export function drawLinkChart(container: HTMLElement, chart: LinkChart, onEdge: (edgeId: string) => void): cytoscape.Core {
  claimStylesheetId();
  const colors = themeColors(container);
  const most = Math.max(1, ...chart.nodes.map((n) => n.passages));
  const cy = cytoscape({
    container,
    elements: [
      ...chart.nodes.map((n) => ({ group: 'nodes' as const, data: { id: n.tagId, name: n.name, color: n.color, size: SMALLEST + ((LARGEST - SMALLEST) * n.passages) / most } })),
      ...chart.edges.map((e) => ({
        group: 'edges' as const,
        data: { id: e.id, source: e.fromTagId, target: e.toTagId, label: edgeLabel(e), kind: e.kind },
      })),
    ],
    style: [
      {
        selector: 'node',
        style: { 'background-color': 'data(color)', width: 'data(size)', height: 'data(size)', label: 'data(name)', color: colors.ink, 'font-size': 12, 'text-valign': 'bottom', 'text-margin-y': 4 },
      },
      {
        selector: 'edge',
        style: {
          width: 2,
          'line-color': colors.line,
          'target-arrow-color': colors.line,
          'curve-style': 'bezier',
          label: 'data(label)',
          color: colors.ink,
          'font-size': 10,
          'text-background-color': colors.paper,
          'text-background-opacity': 0.85,
          'text-background-padding': '2px',
        },
      },
      { selector: 'edge[kind = "co-occurrence"]', style: { 'line-style': 'dashed' } },
      { selector: 'edge[kind = "relation"]', style: { 'target-arrow-shape': 'triangle' } },
      { selector: 'edge:selected', style: { width: 4, 'line-color': colors.ink, 'target-arrow-color': colors.ink } },
    ],
    layout: { name: chart.nodes.length > 2 ? 'cose' : 'circle', animate: false },
    wheelSensitivity: 0.3,
  });
  cy.on('tap', 'edge', (event) => onEdge(String(event.target.id())));
  return cy;
}

/** The chart as laid out on screen, for the SVG export. */
export function laidOut(cy: cytoscape.Core, chart: LinkChart): { nodes: SvgNode[]; edges: SvgEdge[] } {
  const nodes = cy.nodes().map((n) => ({
    id: n.id(),
    label: String(n.data('name')),
    x: n.position('x'),
    y: n.position('y'),
    size: Number(n.data('size')),
    color: String(n.data('color')),
  }));
  const edges = chart.edges.map((e) => ({ from: e.fromTagId, to: e.toTagId, label: edgeLabel(e), directed: e.kind === 'relation', dashed: e.kind === 'co-occurrence' }));
  return { nodes, edges };
}
