import { drawableLinks, mapNodes, type WijkMapData } from './model';

/**
 * The wijk's organisation network as GraphML (for Gephi, yEd, ...): organisations in and outside
 * the wijk and the key figures who consented, with the links valid on the map's date. Nothing
 * else: no notes, no offerings, nothing from client circles.
 */

function escape(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${String(c.charCodeAt(0))};`);
}

const SPOOR: Record<string, string> = { tier1: '1', tier2: '2', tier3: '3', other: '', keyFigure: '' };

export function wijkGraphml(map: WijkMapData): string {
  const nodes = mapNodes(map);
  const data = (key: string, value: string | number | boolean | null | undefined) =>
    value === null || value === undefined || value === '' ? '' : `<data key="${key}">${escape(String(value))}</data>`;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    '  <key id="name" for="node" attr.name="name" attr.type="string"/>',
    '  <key id="type" for="node" attr.name="type" attr.type="string"/>',
    '  <key id="spoor" for="node" attr.name="spoor" attr.type="string"/>',
    '  <key id="sector" for="node" attr.name="sector" attr.type="string"/>',
    '  <key id="inDistrict" for="node" attr.name="inDistrict" attr.type="boolean"/>',
    '  <key id="kind" for="edge" attr.name="kind" attr.type="string"/>',
    '  <key id="since" for="edge" attr.name="since" attr.type="string"/>',
    '  <key id="until" for="edge" attr.name="until" attr.type="string"/>',
    '  <key id="strength" for="edge" attr.name="strength" attr.type="int"/>',
    `  <graph id="${escape(`wijk-${map.district.slug}-${map.at}`)}" edgedefault="undirected">`,
    ...nodes.map(
      (n) =>
        `    <node id="${escape(n.id)}">${data('name', n.name)}${data('type', n.kind === 'keyFigure' ? 'keyFigure' : 'organisation')}${data('spoor', SPOOR[n.group])}${data('sector', n.sector)}${data('inDistrict', n.kind !== 'outside')}</node>`,
    ),
    ...drawableLinks(map).map(
      (l) =>
        `    <edge id="${escape(l.id)}" source="${escape(l.fromId)}" target="${escape(l.toId)}">${data('kind', l.kind)}${data('since', l.since)}${data('until', l.until)}${data('strength', l.strength)}</edge>`,
    ),
    '  </graph>',
    '</graphml>',
    '',
  ];
  return lines.join('\n');
}

export function graphmlFileName(slug: string, at: string): string {
  return `wijk-${slug}-${at}.graphml`;
}
