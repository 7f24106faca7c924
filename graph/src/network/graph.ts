import { UndirectedGraph } from 'graphology';
import type { SpoorGroup } from '../model.js';

/** Key figures sit in the network but in none of the spoor groups. */
export type NetworkGroup = SpoorGroup | 'KEY_FIGURE';

export interface NetworkNode {
  id: string;
  group: NetworkGroup;
}

export interface NetworkEdge {
  fromId: string;
  toId: string;
}

export interface NetworkNodeAttributes {
  group: NetworkGroup;
}

/** The undirected simple graph of docs/domain/ANALYSIS.md. */
export type Network = UndirectedGraph<NetworkNodeAttributes>;

/** Plain code-unit order: the same on every machine, unlike localeCompare. */
export const byId = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Builds the network. Several links between one pair count once; self-loops and links to nodes not
 * given are dropped, because a link to an organisation outside the wijk is not part of its network.
 * Nodes and edges go in sorted by id, so everything that depends on graphology's iteration order
 * (Louvain's visits, tie-breaks) gives the same answer however the database ordered its rows.
 */
export function buildNetwork(nodes: readonly NetworkNode[], edges: readonly NetworkEdge[]): Network {
  const graph: Network = new UndirectedGraph<NetworkNodeAttributes>();
  for (const node of [...nodes].sort((a, b) => byId(a.id, b.id))) {
    // The first row for an id wins; a second one would be a data error, not a reason to fail the map.
    if (!graph.hasNode(node.id)) graph.addNode(node.id, { group: node.group });
  }
  const pairs = edges
    .filter((edge) => edge.fromId !== edge.toId && graph.hasNode(edge.fromId) && graph.hasNode(edge.toId))
    .map((edge): [string, string] => (byId(edge.fromId, edge.toId) < 0 ? [edge.fromId, edge.toId] : [edge.toId, edge.fromId]))
    .sort((a, b) => byId(a[0], b[0]) || byId(a[1], b[1]));
  for (const [from, to] of pairs) {
    if (!graph.hasEdge(from, to)) graph.addEdge(from, to);
  }
  return graph;
}
