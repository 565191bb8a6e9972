import { colorLayerRules, LAYER_PRIORITY } from './paint-layers';

/**
 * The document's highlight layers: one `Highlight` object per name in `CSS.highlights`, shared by
 * every reader on the page (each adds and removes only its own ranges), and the `::highlight`
 * rules of the colours in use, added as colours first appear. Rules go through the CSSOM, which
 * the Content-Security-Policy leaves open, unlike inline styles.
 */
export interface HighlightLayers {
  /** The layer of that name, registered on first use. */
  layer(name: string): Highlight;
  /** Makes sure the colour's lanes have their rules. */
  useColor(color: string): void;
}

const byDocument = new WeakMap<Document, HighlightLayers>();

/** The layers of `doc`, or null where the browser lacks the CSS Custom Highlight API. */
export function highlightLayers(doc: Document = document): HighlightLayers | null {
  const view = doc.defaultView;
  if (!view || !('highlights' in view.CSS) || typeof view.Highlight !== 'function') return null;
  let layers = byDocument.get(doc);
  if (!layers) {
    layers = createLayers(doc, view);
    byDocument.set(doc, layers);
  }
  return layers;
}

function createLayers(doc: Document, view: Window & typeof globalThis): HighlightLayers {
  const registry = view.CSS.highlights;
  const sheet = new view.CSSStyleSheet();
  doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
  const colors = new Set<string>();
  return {
    layer(name) {
      let highlight = registry.get(name);
      if (!highlight) {
        highlight = new view.Highlight();
        highlight.priority = LAYER_PRIORITY[name] ?? 0;
        registry.set(name, highlight);
      }
      return highlight;
    },
    useColor(color) {
      const key = color.toLowerCase();
      if (colors.has(key)) return;
      colors.add(key);
      for (const rule of colorLayerRules(key)) sheet.insertRule(rule, sheet.cssRules.length);
    },
  };
}
