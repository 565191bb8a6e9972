/**
 * An Aho–Corasick automaton over a fixed list of terms: built once, it finds every occurrence of
 * every term in one pass over a text, however many terms there are. Transitions are a dense table
 * over the few code units the terms use (every other code unit leads back to the root), so the
 * scan costs one table look-up per code unit of text.
 */
export interface TermAutomaton {
  /** Calls `onHit` for each occurrence [start, end) of term number `term` in `codes[0, length)`. */
  search(codes: Uint16Array, length: number, onHit: (term: number, start: number, end: number) => void): void;
}

const ROOT = 0;
const NONE: readonly number[] = [];

export function buildTermAutomaton(terms: readonly string[]): TermAutomaton {
  // Symbol 0 stands for every code unit no term contains.
  const symbolOf = new Uint16Array(0x10000);
  let width = 1;
  for (const term of terms) {
    for (let i = 0; i < term.length; i++) {
      const c = term.charCodeAt(i);
      if (symbolOf[c] === 0) symbolOf[c] = width++;
    }
  }

  // The trie, as parent links; children are found through `childKey`.
  const children = new Map<number, number>();
  const childKey = (node: number, symbol: number): number => node * width + symbol;
  const depth: number[] = [0];
  const outputs: number[][] = [[]];
  terms.forEach((term, index) => {
    let node = ROOT;
    for (let i = 0; i < term.length; i++) {
      const key = childKey(node, symbolOf[term.charCodeAt(i)] ?? 0);
      let next = children.get(key);
      if (next === undefined) {
        next = depth.length;
        children.set(key, next);
        depth.push(i + 1);
        outputs.push([]);
      }
      node = next;
    }
    if (node !== ROOT) outputs[node]?.push(index);
  });

  // Shallow nodes first, so that a node's failure link (the longest proper suffix of its path
  // that is also a path from the root) has its transitions and outputs complete when it is used.
  // A node inherits its link's outputs: terms that end inside longer ones ("Taliban" inside
  // "Pakistani Taliban").
  const nodes = depth.length;
  const next = new Int32Array(nodes * width);
  const fail = new Int32Array(nodes);
  const byDepth = [...depth.keys()].sort((a, b) => (depth[a] ?? 0) - (depth[b] ?? 0));
  for (const node of byDepth) {
    const link = fail[node] ?? ROOT;
    for (let symbol = 1; symbol < width; symbol++) {
      const child = children.get(childKey(node, symbol));
      const viaLink = node === ROOT ? ROOT : (next[link * width + symbol] ?? ROOT);
      if (child === undefined) {
        next[node * width + symbol] = viaLink;
        continue;
      }
      next[node * width + symbol] = child;
      fail[child] = viaLink;
      const inherited = outputs[viaLink] ?? NONE;
      if (inherited.length > 0) outputs[child]?.push(...inherited);
    }
  }

  const lengths = terms.map((t) => t.length);

  return {
    search(codes, length, onHit) {
      let node = ROOT;
      for (let i = 0; i < length; i++) {
        node = next[node * width + (symbolOf[codes[i] ?? 0] ?? 0)] ?? ROOT;
        const found = outputs[node] ?? NONE;
        for (let k = 0; k < found.length; k++) {
          const term = found[k] ?? 0;
          onHit(term, i + 1 - (lengths[term] ?? 0), i + 1);
        }
      }
    },
  };
}
