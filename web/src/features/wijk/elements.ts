import type { ElementDefinition } from 'cytoscape';
import type { FilterResult } from './filters';
import {
  drawableLinks,
  LINE_STYLE,
  MAP_COLUMNS,
  mapNodes,
  type MapColumn,
  type MapLink,
  type NodeGroup,
  type WijkMapData,
} from './model';
import { columnLayout, GEOMETRY, type LayoutGeometry } from './wijk-layout';

/**
 * Turns the wijkkaart into cytoscape elements with fixed positions (wijk-layout.ts), and the
 * marks on top of them (filter, highlight, selection, open actions, changes) into extra classes,
 * so marking never moves anything. Pure: no DOM, no cytoscape instance.
 */

export interface WijkElements {
  readonly elements: ElementDefinition[];
  readonly nodeCount: number;
  readonly edgeCount: number;
  /** Width over height of the drawing, so its box can take the same shape. */
  readonly aspect: number;
}

export interface ElementLabels {
  readonly columns: Readonly<Record<MapColumn, string>>;
  readonly band: string;
}

/**
 * `extraLinks` are drawn too (links that ended, while comparing two dates), classed `ended`;
 * they count as links for the layout, so no drawn line reaches the band of unlinked nodes.
 */
export function wijkElements(
  map: WijkMapData,
  labels: ElementLabels,
  extraLinks: readonly MapLink[] = [],
  geometry: LayoutGeometry = GEOMETRY,
): WijkElements {
  const nodes = mapNodes(map);
  const present = new Set(nodes.map((n) => n.id));
  const links = drawableLinks(map);
  const drawnIds = new Set(links.map((l) => l.id));
  const ended = extraLinks.filter(
    (l) => !drawnIds.has(l.id) && l.fromId !== l.toId && present.has(l.fromId) && present.has(l.toId),
  );
  const linked = new Set([...links, ...ended].flatMap((l) => [l.fromId, l.toId]));
  const layout = columnLayout(
    MAP_COLUMNS.map((column) => ({ group: column, ids: nodes.filter((n) => n.column === column).map((n) => n.id) })),
    linked,
    geometry,
  );
  const nodeElements: ElementDefinition[] = nodes.map((n) => {
    const placed = layout.nodes.get(n.id);
    return {
      group: 'nodes',
      data: { id: n.id, label: n.name },
      position: { x: placed?.x ?? 0, y: placed?.y ?? 0 },
      classes: [n.kind === 'keyFigure' ? 'keyFigure' : 'organisation', n.group, n.kind === 'outside' ? 'outside' : '']
        .join(' ')
        .trim(),
    };
  });
  const decorations: ElementDefinition[] = layout.headers.map((h) => ({
    group: 'nodes',
    data: { id: `group-label-${h.group}`, label: labels.columns[h.group] },
    position: { x: h.x - geometry.node / 2, y: h.y },
    classes: h.group === 'outside' ? 'group-label outside-label' : 'group-label',
    selectable: false,
    grabbable: false,
  }));
  if (layout.band) {
    decorations.push({
      group: 'nodes',
      data: { id: 'band-label', label: labels.band },
      position: { x: layout.band.x, y: layout.band.y },
      classes: 'group-label band-label',
      selectable: false,
      grabbable: false,
    });
    if (layout.band.lineY !== null)
      decorations.push({
        group: 'nodes',
        data: { id: 'band-line', label: '', width: layout.band.width },
        position: { x: layout.band.width / 2, y: layout.band.lineY },
        classes: 'band-line',
        selectable: false,
        grabbable: false,
      });
  }
  const edge = (l: MapLink, extra: string): ElementDefinition => ({
    group: 'edges',
    data: { id: `link-${l.id}`, source: l.fromId, target: l.toId, kind: l.kind, bulge: layout.bulge(l.fromId, l.toId) },
    classes: `link ${LINE_STYLE[l.kind]} kind-${l.kind}${layout.bulge(l.fromId, l.toId) === 0 ? '' : ' arc'}${extra}`,
  });
  const edges = [...links.map((l) => edge(l, '')), ...ended.map((l) => edge(l, ' ended'))];
  return {
    elements: [...nodeElements, ...decorations, ...edges],
    nodeCount: nodeElements.length,
    edgeCount: links.length,
    aspect: layout.width / Math.max(layout.height, geometry.row),
  };
}

export interface Marks {
  /** What the filter lets through; null: no filter. */
  readonly filter: FilterResult | null;
  /** Nodes to emphasise (a signal or action); null: none. */
  readonly highlight: readonly string[] | null;
  readonly selectedId: string | null;
  readonly openActionIds: ReadonlySet<string>;
  /** Links that started between the two compared dates. */
  readonly startedLinkIds: ReadonlySet<string>;
}

/** Extra classes per element id (cytoscape ids: node ids, `link-<id>` for links). */
export function markClasses(map: WijkMapData, marks: Marks): Map<string, string> {
  const result = new Map<string, string[]>();
  const add = (id: string, cls: string) => result.set(id, [...(result.get(id) ?? []), cls]);
  const highlight = marks.highlight ? new Set(marks.highlight) : null;
  for (const n of mapNodes(map)) {
    if (marks.filter && !marks.filter.nodeIds.has(n.id)) add(n.id, 'faded');
    if (highlight) add(n.id, highlight.has(n.id) ? 'highlighted' : 'dimmed');
    if (marks.selectedId === n.id) add(n.id, 'chosen');
    if (marks.openActionIds.has(n.id)) add(n.id, 'open-action');
  }
  for (const l of drawableLinks(map)) {
    const id = `link-${l.id}`;
    if (marks.filter && !marks.filter.linkIds.has(l.id)) add(id, 'faded');
    if (highlight && !(highlight.has(l.fromId) && highlight.has(l.toId))) add(id, 'dimmed');
    if (marks.startedLinkIds.has(l.id)) add(id, 'started');
    if (marks.selectedId !== null && (l.fromId === marks.selectedId || l.toId === marks.selectedId)) add(id, 'chosen');
  }
  return new Map([...result].map(([id, classes]) => [id, classes.join(' ')]));
}

/** How many of each group, for the legend (every group listed, also with 0). */
export function legendCounts(map: WijkMapData): { group: NodeGroup | 'outside'; count: number }[] {
  const nodes = mapNodes(map);
  return MAP_COLUMNS.map((group) => ({ group, count: nodes.filter((n) => n.column === group).length }));
}
