import type { Network } from './graph.js';
import { byId } from './graph.js';

/**
 * Articulation points (nodes whose removal increases the number of components), by Hopcroft–Tarjan.
 * graphology has no implementation. The depth-first search keeps its own stack: a recursive one
 * overflows the call stack on a long chain of organisations, which real networks can hold.
 * Returns ids sorted.
 */
export function articulationPoints(graph: Network): string[] {
  const ids = graph.nodes();
  const n = ids.length;
  const index = new Map<string, number>();
  ids.forEach((id, i) => index.set(id, i));

  // Compressed adjacency: typed arrays keep a 100,000-node network cheap to walk.
  const offsets = new Int32Array(n + 1);
  ids.forEach((id, i) => {
    offsets[i + 1] = (offsets[i] ?? 0) + graph.degree(id);
  });
  const targets = new Int32Array(offsets[n] ?? 0);
  ids.forEach((id, i) => {
    let at = offsets[i] ?? 0;
    graph.forEachNeighbor(id, (neighbour) => {
      targets[at++] = index.get(neighbour) ?? -1;
    });
  });

  const discovered = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const parent = new Int32Array(n).fill(-1);
  // Where each node's scan of its neighbours stands; lets a node resume after a child returns.
  const cursor = new Int32Array(n);
  const isArticulation = new Uint8Array(n);
  const stack = new Int32Array(n);
  let time = 0;

  for (let root = 0; root < n; root++) {
    if (discovered[root] !== -1) continue;
    let top = 0;
    stack[top++] = root;
    discovered[root] = low[root] = time++;
    cursor[root] = offsets[root] ?? 0;
    let rootChildren = 0;

    while (top > 0) {
      const v = stack[top - 1] ?? 0;
      const at = cursor[v] ?? 0;
      if (at < (offsets[v + 1] ?? 0)) {
        cursor[v] = at + 1;
        const w = targets[at] ?? 0;
        if (discovered[w] === -1) {
          parent[w] = v;
          discovered[w] = low[w] = time++;
          cursor[w] = offsets[w] ?? 0;
          stack[top++] = w;
          if (v === root) rootChildren++;
        } else if (w !== parent[v]) {
          // A simple graph has one edge per pair, so skipping the parent skips exactly the tree edge.
          low[v] = Math.min(low[v] ?? 0, discovered[w] ?? 0);
        }
        continue;
      }
      top--;
      const p = parent[v] ?? -1;
      if (p === -1) continue;
      low[p] = Math.min(low[p] ?? 0, low[v] ?? 0);
      // The root is judged by its number of children below, not by low-links.
      if (p !== root && (low[v] ?? 0) >= (discovered[p] ?? 0)) isArticulation[p] = 1;
    }
    if (rootChildren >= 2) isArticulation[root] = 1;
  }

  return ids.filter((_, i) => isArticulation[i] === 1).sort(byId);
}
