import type { ElementDefinition } from 'cytoscape';
import type { LinkKind, PartnershipKind, Sector } from '../../gql/graphql';
import { pieLayout, wedgeLabels, type PieGeometry, PIE_GEOMETRY } from './wijk-layout';

/**
 * Turns a district's network (as the wijk page query returns it) into cytoscape elements, legend
 * data and the rows of the text alternative. Pure: no DOM, no cytoscape instance.
 */

/** The groups the map colours and shapes by: the three sporen, the sectors outside them, and key figures. */
export type NodeGroup = 'tier1' | 'tier2' | 'tier3' | 'other' | 'keyFigure';
export type OrganisationGroup = Exclude<NodeGroup, 'keyFigure'>;

export const NODE_GROUPS: readonly NodeGroup[] = ['tier1', 'tier2', 'tier3', 'other', 'keyFigure'];
export const ORGANISATION_GROUPS: readonly OrganisationGroup[] = ['tier1', 'tier2', 'tier3', 'other'];

export type LineStyle = 'solid' | 'dashed' | 'dotted';

/** Working together or paying for it: solid. Passing a person on: dashed. Meeting or learning together: dotted. */
export const LINE_STYLE: Record<LinkKind, LineStyle> = {
  COLLABORATION: 'solid',
  FUNDING: 'solid',
  REFERRAL: 'dashed',
  HANDOVER: 'dashed',
  JOINT_CONSULTATION: 'dotted',
  JOINT_MEETING: 'dotted',
  JOINT_TRAINING: 'dotted',
};

export interface NetworkOrganisation {
  readonly id: string;
  readonly name: string;
  readonly tier: number | null;
  readonly sector: Sector;
}

export interface NetworkKeyFigure {
  readonly id: string;
  readonly name: string;
}

export interface NetworkLink {
  readonly id: string;
  readonly fromId: string;
  readonly toId: string;
  readonly kind: LinkKind;
}

export interface NetworkPartnership {
  readonly id: string;
  readonly name: string;
  readonly kind: PartnershipKind;
  readonly memberIds: readonly string[];
}

export interface DistrictNetwork {
  readonly organisations: readonly NetworkOrganisation[];
  readonly keyFigures: readonly NetworkKeyFigure[];
  readonly links: readonly NetworkLink[];
  readonly partnerships: readonly NetworkPartnership[];
}

export function groupOfTier(tier: number | null): OrganisationGroup {
  switch (tier) {
    case 1:
      return 'tier1';
    case 2:
      return 'tier2';
    case 3:
      return 'tier3';
    default:
      return 'other';
  }
}

const byName = <T extends { readonly name: string; readonly id: string }>(a: T, b: T): number =>
  a.name.localeCompare(b.name, 'nl', { sensitivity: 'base' }) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Links that can be drawn: both ends are on the map, and they are not a loop. */
export function drawableLinks(network: DistrictNetwork): NetworkLink[] {
  const ids = new Set([...network.organisations.map((o) => o.id), ...network.keyFigures.map((k) => k.id)]);
  return network.links.filter((l) => l.fromId !== l.toId && ids.has(l.fromId) && ids.has(l.toId));
}

/** How many drawable links each organisation or key figure has. */
export function linkCounts(network: DistrictNetwork): Map<string, number> {
  const counts = new Map<string, number>();
  for (const link of drawableLinks(network)) {
    counts.set(link.fromId, (counts.get(link.fromId) ?? 0) + 1);
    counts.set(link.toId, (counts.get(link.toId) ?? 0) + 1);
  }
  return counts;
}

export interface WijkElements {
  readonly elements: ElementDefinition[];
  readonly nodeCount: number;
  readonly edgeCount: number;
}

/**
 * Nodes (organisations classed by spoor, key figures), edges (links with both ends on the map) and
 * a label per group, all with fixed positions from `pieLayout`: key figures in the middle, one wedge
 * per spoor around them. Organisations in a wedge go by name, so a wijk always looks the same.
 */
export function districtElements(
  network: DistrictNetwork,
  groupLabels: Readonly<Record<OrganisationGroup, string>>,
  geometry: PieGeometry = PIE_GEOMETRY,
): WijkElements {
  const organisations = [...network.organisations].sort(byName);
  const keyFigures = [...network.keyFigures].sort(byName);
  const layout = pieLayout(
    keyFigures.map((k) => k.id),
    ORGANISATION_GROUPS.map((group) => ({
      group,
      ids: organisations.filter((o) => groupOfTier(o.tier) === group).map((o) => o.id),
    })),
    geometry,
  );
  const at = (id: string) => layout.positions.get(id) ?? { x: 0, y: 0 };
  const nodes: ElementDefinition[] = [
    ...organisations.map((o) => ({
      group: 'nodes' as const,
      data: { id: o.id, label: o.name },
      position: at(o.id),
      classes: `organisation ${groupOfTier(o.tier)}`,
    })),
    ...keyFigures.map((k) => ({
      group: 'nodes' as const,
      data: { id: k.id, label: k.name },
      position: at(k.id),
      classes: 'keyFigure',
    })),
  ];
  const labels: ElementDefinition[] = wedgeLabels(layout, geometry.rowGap).map((l) => ({
    group: 'nodes' as const,
    data: { id: `group-label-${l.group}`, label: groupLabels[l.group] },
    position: { x: l.x, y: l.y },
    classes: `group-label halign-${l.halign} valign-${l.valign}`,
    selectable: false,
    grabbable: false,
  }));
  const edges: ElementDefinition[] = drawableLinks(network).map((l) => ({
    group: 'edges' as const,
    data: { id: `link-${l.id}`, source: l.fromId, target: l.toId, kind: l.kind },
    classes: `link ${LINE_STYLE[l.kind]}`,
  }));
  return { elements: [...nodes, ...labels, ...edges], nodeCount: nodes.length, edgeCount: edges.length };
}

export interface LegendItem {
  readonly group: NodeGroup;
  readonly count: number;
}

/** Every group is always listed (with its count, possibly 0), so the legend does not change shape between wijken. */
export function legendItems(network: DistrictNetwork): LegendItem[] {
  const counts = new Map<NodeGroup, number>(NODE_GROUPS.map((g) => [g, 0]));
  for (const o of network.organisations) {
    const group = groupOfTier(o.tier);
    counts.set(group, (counts.get(group) ?? 0) + 1);
  }
  counts.set('keyFigure', network.keyFigures.length);
  return NODE_GROUPS.map((group) => ({ group, count: counts.get(group) ?? 0 }));
}

export interface OrganisationRow {
  readonly id: string;
  readonly name: string;
  readonly sector: Sector;
  readonly links: number;
}

export interface SpoorGroup {
  readonly group: OrganisationGroup;
  readonly organisations: readonly OrganisationRow[];
}

/** The text alternative: organisations grouped by spoor (1, 2, 3, other), by name, with their number of links. */
export function organisationsBySpoor(network: DistrictNetwork): SpoorGroup[] {
  const counts = linkCounts(network);
  const sorted = [...network.organisations].sort(byName);
  return ORGANISATION_GROUPS.map((group) => ({
    group,
    organisations: sorted
      .filter((o) => groupOfTier(o.tier) === group)
      .map((o) => ({ id: o.id, name: o.name, sector: o.sector, links: counts.get(o.id) ?? 0 })),
  }));
}

export interface KeyFigureRow {
  readonly id: string;
  readonly name: string;
  readonly links: number;
}

export function keyFigureRows(network: DistrictNetwork): KeyFigureRow[] {
  const counts = linkCounts(network);
  return [...network.keyFigures].sort(byName).map((k) => ({ id: k.id, name: k.name, links: counts.get(k.id) ?? 0 }));
}

export interface PartnershipSummary {
  readonly id: string;
  readonly name: string;
  readonly kind: PartnershipKind;
  /** All members, also those not active in this wijk. */
  readonly memberCount: number;
  /** Members active in this wijk, by name. */
  readonly members: readonly { readonly id: string; readonly name: string; readonly group: OrganisationGroup }[];
}

const KIND_ORDER: Record<PartnershipKind, number> = { CORE_TEAM: 0, HEALTHY_DISTRICT_NETWORK: 1, STEERING_GROUP: 2 };

/** Partnerships, kernteam first, with their member counts. */
export function partnershipSummaries(network: DistrictNetwork): PartnershipSummary[] {
  const organisations = new Map(network.organisations.map((o) => [o.id, o]));
  return [...network.partnerships]
    .sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || byName(a, b))
    .map((p) => {
      const memberIds = [...new Set(p.memberIds)];
      const members = memberIds
        .map((id) => organisations.get(id))
        .filter((o): o is NetworkOrganisation => o !== undefined)
        .sort(byName)
        .map((o) => ({ id: o.id, name: o.name, group: groupOfTier(o.tier) }));
      return { id: p.id, name: p.name, kind: p.kind, memberCount: memberIds.length, members };
    });
}
