import { UndirectedGraph } from 'graphology';
import graphml from 'graphology-graphml';
import { describe, expect, it } from 'vitest';
import { linksCsv, networkExport, nodesCsv, toGraphML } from './network-export.js';
import type { DistrictHistory } from './network-types.js';

const HISTORY: DistrictHistory = {
  districtId: 'd',
  districtName: 'Kanaleneiland',
  organisations: [
    { id: 'o1', name: 'Buurtteam "Noord" & Zuid', tier: 2, until: null },
    { id: 'o2', name: 'Stichting <Al Amal>', tier: 1, until: null },
    { id: 'o3', name: '=Huisarts', tier: null, until: null },
  ],
  links: [
    { fromId: 'o1', toId: 'o2', since: '2024-01-01', until: null, kind: 'REFERRAL' },
    { fromId: 'o2', toId: 'o1', since: '2023-05-01', until: null, kind: 'COLLABORATION' },
    { fromId: 'o1', toId: 'o3', since: '2020-01-01', until: '2025-01-01', kind: 'COLLABORATION' },
  ],
};

describe('organisation network export', () => {
  const network = networkExport(HISTORY, '2026-11-30');

  it('has one edge per pair with every kind, and only links valid on the date', () => {
    expect(network.edges).toEqual([{ source: 'o1', target: 'o2', kinds: ['COLLABORATION', 'REFERRAL'], since: '2023-05-01' }]);
    expect(network.nodes.map((n) => n.id)).toEqual(['o1', 'o2', 'o3']);
  });

  it('writes GraphML that a GraphML reader parses, undirected, with every attribute typed', () => {
    const text = toGraphML(network, 'Kanaleneiland 2026-11-30');
    const graph = graphml.parse(UndirectedGraph, text);
    expect(graph.type).toBe('undirected');
    expect(graph.order).toBe(3);
    expect(graph.size).toBe(1);
    expect(graph.getNodeAttribute('o1', 'name')).toBe('Buurtteam "Noord" & Zuid');
    expect(graph.getNodeAttribute('o2', 'tier')).toBe(1);
    expect(typeof graph.getNodeAttribute('o1', 'betweenness')).toBe('number');
    expect(graph.hasNodeAttribute('o3', 'tier')).toBe(false);
    // Every <data key> names a declared <key> with attr.type; ids are names, not d0, d1.
    const declared = new Map(
      [...text.matchAll(/<key id="(\w+)" for="(\w+)" attr.name="\w+" attr.type="(\w+)"\/>/g)].map((m) => [m[1], m[3]]),
    );
    expect([...declared.keys()]).toEqual(['name', 'tier', 'group', 'betweenness', 'community', 'kinds', 'since']);
    for (const used of text.matchAll(/<data key="(\w+)">/g)) expect(declared.has(used[1] ?? '')).toBe(true);
    expect(text).toContain('edgedefault="undirected"');
  });

  it('writes the same network as two CSV files Gephi imports (Id/Label, Source/Target), formulas defused', () => {
    const nodes = nodesCsv(network).split('\r\n');
    expect(nodes[0]).toBe('Id,Label,tier,group,betweenness,community');
    expect(nodes[1]).toMatch(/^o1,"Buurtteam ""Noord"" & Zuid",2,TIER_2,/);
    expect(nodes[3]).toMatch(/^o3,'=Huisarts,,OTHER,/);
    expect(linksCsv(network).split('\r\n').slice(0, 2)).toEqual([
      'Source,Target,Type,kinds,since',
      'o1,o2,Undirected,COLLABORATION;REFERRAL,2023-05-01',
    ]);
  });
});
