import { byId } from '../network/graph.js';
import { betweenness as graphBetweenness } from '../network/measures.js';
import { csvLine } from '../csv.js';
import { networkMetrics, networkOn, validOn } from './network-metrics.js';
import type { DistrictHistory } from './network-types.js';

/** One exported organisation: public data and its place in the network on the date. */
interface ExportNode {
  id: string;
  name: string;
  tier: number | null;
  group: string;
  betweenness: number;
  community: number;
}

/** One exported pair: several links between two organisations are one edge, with every kind named. */
interface ExportEdge {
  source: string;
  target: string;
  kinds: string[];
  since: string | null;
}

export interface NetworkExport {
  nodes: ExportNode[];
  edges: ExportEdge[];
}

/** The organisation network of a wijk on a date, with the figures a researcher colours it by. */
export function networkExport(history: DistrictHistory, date: string): NetworkExport {
  const graph = networkOn(history, date);
  const names = new Map(history.organisations.map((o) => [o.id, o]));
  const metrics = networkMetrics(graph, new Map());
  const between = new Map<string, number>();
  // Brokers are only the top few; the export carries every node's betweenness.
  for (const [id, value] of graphBetweenness(graph)) between.set(id, value);
  const nodes = graph
    .nodes()
    .sort(byId)
    .map((id) => ({
      id,
      name: names.get(id)?.name ?? id,
      tier: names.get(id)?.tier ?? null,
      group: graph.getNodeAttribute(id, 'group'),
      betweenness: between.get(id) ?? 0,
      community: metrics.communityOf.get(id) ?? 0,
    }));
  const pairs = new Map<string, ExportEdge>();
  for (const link of history.links) {
    if (!validOn(link, date) || !graph.hasNode(link.fromId) || !graph.hasNode(link.toId) || link.fromId === link.toId) continue;
    const [source, target] = byId(link.fromId, link.toId) <= 0 ? [link.fromId, link.toId] : [link.toId, link.fromId];
    const key = `${source}\u0000${target}`;
    const edge = pairs.get(key) ?? { source, target, kinds: [], since: null };
    if (!edge.kinds.includes(link.kind)) edge.kinds.push(link.kind);
    if (link.since !== null && (edge.since === null || link.since < edge.since)) edge.since = link.since;
    pairs.set(key, edge);
  }
  const edges = [...pairs.values()]
    .map((edge) => ({ ...edge, kinds: edge.kinds.sort() }))
    .sort((a, b) => byId(a.source, b.source) || byId(a.target, b.target));
  return { nodes, edges };
}

const xml = (value: string): string =>
  value.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] ?? c);

/**
 * GraphML that Gephi and networkx read without warnings: every attribute key declared with a type
 * and a readable id, undirected, node and edge ids unique.
 */
export function toGraphML(network: NetworkExport, title: string): string {
  const keys = [
    ['name', 'node', 'string'],
    ['tier', 'node', 'int'],
    ['group', 'node', 'string'],
    ['betweenness', 'node', 'double'],
    ['community', 'node', 'int'],
    ['kinds', 'edge', 'string'],
    ['since', 'edge', 'string'],
  ] as const;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    ...keys.map(([id, domain, type]) => `  <key id="${id}" for="${domain}" attr.name="${id}" attr.type="${type}"/>`),
    `  <graph id="${xml(title)}" edgedefault="undirected">`,
  ];
  for (const node of network.nodes) {
    lines.push(`    <node id="${xml(node.id)}">`);
    lines.push(`      <data key="name">${xml(node.name)}</data>`);
    // An organisation without a spoor has no tier: the key is left out rather than given a false 0.
    if (node.tier !== null) lines.push(`      <data key="tier">${String(node.tier)}</data>`);
    lines.push(`      <data key="group">${node.group}</data>`);
    lines.push(`      <data key="betweenness">${String(node.betweenness)}</data>`);
    lines.push(`      <data key="community">${String(node.community)}</data>`);
    lines.push('    </node>');
  }
  network.edges.forEach((edge, index) => {
    lines.push(`    <edge id="e${String(index + 1)}" source="${xml(edge.source)}" target="${xml(edge.target)}">`);
    lines.push(`      <data key="kinds">${edge.kinds.join(';')}</data>`);
    if (edge.since !== null) lines.push(`      <data key="since">${edge.since}</data>`);
    lines.push('    </edge>');
  });
  lines.push('  </graph>', '</graphml>', '');
  return lines.join('\n');
}

export function nodesCsv(network: NetworkExport): string {
  return [
    csvLine(['Id', 'Label', 'tier', 'group', 'betweenness', 'community']),
    ...network.nodes.map((n) => csvLine([n.id, n.name, n.tier, n.group, n.betweenness, n.community])),
  ].join('');
}

export function linksCsv(network: NetworkExport): string {
  return [
    csvLine(['Source', 'Target', 'Type', 'kinds', 'since']),
    ...network.edges.map((e) => csvLine([e.source, e.target, 'Undirected', e.kinds.join(';'), e.since])),
  ].join('');
}
