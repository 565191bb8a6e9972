/**
 * Instruments for the browser measurements, run in the page. Playwright sends each function's
 * source text to the page, so each must stand alone: no imports, no helpers from this module.
 */

export interface VisibleProbe {
  /** Epoch milliseconds after the frame that first showed the source's title and text. */
  visibleAt: number | null;
}

export interface LongTask {
  readonly start: number;
  readonly duration: number;
}

export interface PaintProbe {
  /** When the page first and last added or removed a range of a CSS highlight (ms since navigation). */
  firstChange: number | null;
  lastChange: number | null;
  changes: number;
  /**
   * The longest stretch of changes with no pause over 1 ms between two of them: how long the
   * painter itself held the main thread at a time, whatever else ran in the same tasks.
   */
  longestBurst: number;
  /** Those stretches added up: the time the painter itself spent. */
  busy: number;
  /** After the frame that drew the last change. */
  painted: number | null;
  /** Every task over 50 ms, as Chromium reports them. */
  readonly longTasks: LongTask[];
}

/** The page's API calls: when each was sent and when its answer began to arrive (ms since navigation). */
export interface ApiProbe {
  /** Epoch milliseconds of the navigation. */
  readonly timeOrigin: number;
  readonly calls: ApiCall[];
}

export interface ApiCall {
  readonly method: string;
  readonly start: number;
  readonly end: number;
}

export interface WrapResult {
  readonly highlights: number;
  readonly marks: number;
  /** From the first wrap to the end of the forced layout (one task), and to after the next frame. */
  readonly syncMs: number;
  readonly totalMs: number;
}

declare global {
  interface Window {
    __benchVisible?: VisibleProbe;
    __benchPaint?: PaintProbe;
    __benchApi?: ApiProbe;
  }
}

/** Notes when the reader shows the source titled `title`: its heading and its first line of text, drawn. */
export function watchSourceVisible(title: string): void {
  const probe: VisibleProbe = { visibleAt: null };
  window.__benchVisible = probe;
  const observer = new MutationObserver(() => {
    const heading = document.querySelector('article.reader[aria-busy="false"] .source-title');
    const text = document.querySelector('article.reader .source-body [data-start]');
    if (heading?.textContent?.trim() !== title || text === null) return;
    observer.disconnect();
    // rAF runs just before the frame is drawn; a message posted from it arrives just after.
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        probe.visibleAt = performance.timeOrigin + performance.now();
      };
      channel.port2.postMessage(null);
    });
  });
  observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
}

/** Records each API call the page makes (through fetch, as in browser mode). */
export function watchApiCalls(): void {
  const probe: ApiProbe = { timeOrigin: performance.timeOrigin, calls: [] };
  window.__benchApi = probe;
  const fetchPage = window.fetch.bind(window);
  window.fetch = async (input, init) => {
    const start = performance.now();
    const method = /"method":"([^"]+)"/.exec(typeof init?.body === 'string' ? init.body : '')?.[1] ?? String(input);
    try {
      return await fetchPage(input, init);
    } finally {
      probe.calls.push({ method, start, end: performance.now() });
    }
  };
}

/** Records every change to CSS highlights, the frame that drew the last one, and the long tasks. */
export function watchHighlightPainting(): void {
  const probe: PaintProbe = { firstChange: null, lastChange: null, changes: 0, longestBurst: 0, busy: 0, painted: null, longTasks: [] };
  window.__benchPaint = probe;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) probe.longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask' });
  let frameAsked = false;
  const afterNextFrame = () => {
    frameAsked = true;
    requestAnimationFrame(() => {
      const frameAt = performance.now();
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        frameAsked = false;
        // Tasks run between this frame and this message: a change made then waits for the next frame.
        if ((probe.lastChange ?? 0) > frameAt) afterNextFrame();
        else probe.painted = performance.now();
      };
      channel.port2.postMessage(null);
    });
  };
  let burstStart = 0;
  const noteChange = () => {
    const now = performance.now();
    if (probe.lastChange === null || now - probe.lastChange > 1) burstStart = now;
    else probe.busy += now - probe.lastChange;
    probe.longestBurst = Math.max(probe.longestBurst, now - burstStart);
    probe.firstChange ??= now;
    probe.lastChange = now;
    probe.changes += 1;
    if (!frameAsked) afterNextFrame();
  };
  const prototype = Highlight.prototype as unknown as Record<'add' | 'delete' | 'clear', (...args: unknown[]) => unknown>;
  for (const method of ['add', 'delete', 'clear'] as const) {
    const original = prototype[method];
    prototype[method] = function (this: Highlight, ...args: unknown[]) {
      noteChange();
      return original.apply(this, args);
    };
  }
}

/**
 * Whether the reader has painted `expected` highlights and nothing has changed for half a second
 * (it paints in slices, and repaints when the tags' colours arrive).
 */
export function paintSettled(expected: number): boolean {
  const probe = window.__benchPaint;
  if (!probe || probe.painted === null || probe.lastChange === null || performance.now() - probe.lastChange < 500) return false;
  let painted = 0;
  CSS.highlights.forEach((highlight, name) => {
    if (name.startsWith('notebook-c') || name === 'notebook-review') highlight.forEach(() => (painted += 1));
  });
  return painted === expected;
}

/** The reader's text as rendered: how many text nodes, and how many characters in all. */
export interface RenderedText {
  readonly textNodes: number;
  readonly length: number;
}

/**
 * Where the painted highlights are, as [start, end) offsets into the text of the reader's text
 * nodes taken in document order, so they can be found again on another page showing the same text.
 */
export function paintedOffsets(): { readonly text: RenderedText; readonly offsets: [number, number][] } {
  const root = document.querySelector('article.reader .source-body');
  if (root === null) throw new Error('The reader shows no source text.');
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const startOf = new Map<Node, number>();
  let length = 0;
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    startOf.set(node, length);
    length += (node as Text).length;
  }
  const offsets: [number, number][] = [];
  CSS.highlights.forEach((highlight, name) => {
    if (!name.startsWith('notebook-c') && name !== 'notebook-review') return;
    highlight.forEach((range) => {
      const start = startOf.get(range.startContainer);
      const end = startOf.get(range.endContainer);
      if (start === undefined || end === undefined) throw new Error('A painted range does not start and end in the reader’s text nodes.');
      offsets.push([start + range.startOffset, end + range.endOffset]);
    });
  });
  return { text: { textNodes: startOf.size, length }, offsets };
}

/**
 * The way to show highlights before the CSS Custom Highlight API, on the reader's text as
 * rendered (on a page with no highlights of its own, whose live ranges every DOM change would
 * also have to update): every text node a highlight covers split at its ends and wrapped in a
 * <mark>. Done as fast as DOM wrapping goes (all the splits in one pass over the text, then each
 * highlight's pieces found by binary search), so that what is compared is wrapping itself. Ends
 * with the style and layout the browser must do before it can draw the next frame.
 */
export async function wrapHighlightsInMarks({ text, offsets }: { readonly text: RenderedText; readonly offsets: readonly (readonly [number, number])[] }): Promise<WrapResult> {
  const root = document.querySelector('article.reader .source-body');
  if (root === null) throw new Error('The reader shows no source text to wrap.');
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const textNodes: Text[] = [];
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) textNodes.push(node as Text);
  const textBefore = root.textContent;
  if (textNodes.length !== text.textNodes || textBefore.length !== text.length) {
    throw new Error(`This page shows ${textNodes.length} text nodes and ${textBefore.length} characters, not the ${text.textNodes} and ${text.length} the highlights were painted on.`);
  }

  const began = performance.now();
  const boundaries = [...new Set(offsets.flat())].sort((a, b) => a - b);
  const pieces: { readonly node: Text; readonly start: number }[] = [];
  let next = 0;
  let nodeStart = 0;
  for (const node of textNodes) {
    let piece = node;
    let start = nodeStart;
    nodeStart += node.length;
    while (next < boundaries.length && (boundaries[next] ?? 0) <= start) next += 1;
    while (next < boundaries.length && (boundaries[next] ?? 0) < nodeStart) {
      const cut = (boundaries[next] ?? 0) - start;
      const rest = piece.splitText(cut);
      pieces.push({ node: piece, start });
      piece = rest;
      start += cut;
      next += 1;
    }
    pieces.push({ node: piece, start });
  }
  let marks = 0;
  for (const [start, end] of offsets) {
    let low = 0;
    let high = pieces.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((pieces[middle]?.start ?? 0) < start) low = middle + 1;
      else high = middle;
    }
    for (let i = low; i < pieces.length && (pieces[i]?.start ?? end) < end; i++) {
      const node = pieces[i]?.node;
      if (!node || node.length === 0) continue;
      const mark = document.createElement('mark');
      node.before(mark);
      mark.append(node);
      marks += 1;
    }
  }
  // Reading a box forces the style and layout the marks need, within this task.
  root.getBoundingClientRect();
  const laidOut = performance.now();
  const drawn = await new Promise<number>((resolve) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve(performance.now());
      channel.port2.postMessage(null);
    }),
  );
  if (root.textContent !== textBefore) throw new Error('Wrapping the highlights changed the reader’s text.');
  return { highlights: offsets.length, marks, syncMs: laidOut - began, totalMs: drawn - began };
}
