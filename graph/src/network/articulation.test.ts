import { describe, expect, it } from 'vitest';
import { articulationPoints } from './articulation.js';
import { buildNetwork, type Network } from './graph.js';
import { KARATE_EDGES, KARATE_MEMBERS } from './karate.js';

function network(ids: string[], edges: string[]): Network {
  return buildNetwork(
    ids.map((id) => ({ id, group: 'OTHER' as const })),
    edges.map((edge) => {
      const [fromId = '', toId = ''] = edge.split('-');
      return { fromId, toId };
    }),
  );
}

describe('articulationPoints', () => {
  it('finds the middle of a path a–b–c and nothing else', () => {
    expect(articulationPoints(network(['a', 'b', 'c'], ['a-b', 'b-c']))).toEqual(['b']);
  });

  it('finds exactly the two ends of the edge joining two triangles', () => {
    const graph = network(['a', 'b', 'c', 'x', 'y', 'z'], ['a-b', 'b-c', 'a-c', 'x-y', 'y-z', 'x-z', 'c-x']);
    expect(articulationPoints(graph)).toEqual(['c', 'x']);
  });

  it('finds none in a cycle, a single edge or an empty network', () => {
    expect(articulationPoints(network(['a', 'b', 'c', 'd'], ['a-b', 'b-c', 'c-d', 'd-a']))).toEqual([]);
    expect(articulationPoints(network(['a', 'b'], ['a-b']))).toEqual([]);
    expect(articulationPoints(network([], []))).toEqual([]);
  });

  it('judges a root by its children: the hub of a star is one, whichever node the search starts from', () => {
    expect(articulationPoints(network(['a', 'hub', 'z'], ['hub-a', 'hub-z']))).toEqual(['hub']);
    expect(articulationPoints(network(['hub', 'x', 'y'], ['hub-x', 'hub-y']))).toEqual(['hub']);
  });

  it('looks at every component', () => {
    const graph = network(['a', 'b', 'c', 'p', 'q', 'r', 'solo'], ['a-b', 'b-c', 'p-q', 'q-r']);
    expect(articulationPoints(graph)).toEqual(['b', 'q']);
  });

  it('finds member 1 as the only cut member of the karate club (as networkx does)', () => {
    const ids = Array.from({ length: KARATE_MEMBERS }, (_, i) => String(i + 1));
    const graph = network(
      ids,
      KARATE_EDGES.map(([from, to]) => `${from}-${to}`),
    );
    expect(articulationPoints(graph)).toEqual(['1']);
  });

  it('walks a path of 100,000 nodes without overflowing the stack', () => {
    const size = 100_000;
    const ids = Array.from({ length: size }, (_, i) => `n${String(i).padStart(6, '0')}`);
    const graph = buildNetwork(
      ids.map((id) => ({ id, group: 'OTHER' as const })),
      ids.slice(1).map((id, i) => ({ fromId: ids[i] ?? '', toId: id })),
    );
    const points = articulationPoints(graph);
    expect(points).toHaveLength(size - 2);
    expect(points[0]).toBe('n000001');
    expect(points.at(-1)).toBe('n099998');
  });
});
