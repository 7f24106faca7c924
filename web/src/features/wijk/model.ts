import type { LinkKind, OfferingCategory, PartnershipKind, Sector } from '../../gql/graphql';

/**
 * The wijkkaart as the page query returns it, as plain structural types, so the pure functions
 * (layout, filters, diff, GraphML) can be tested without the generated code.
 */

export interface MapOrganisation {
  readonly id: string;
  readonly name: string;
  readonly tier: number | null;
  readonly sector: Sector;
}

export interface MapKeyFigure {
  readonly id: string;
  readonly name: string;
  readonly description?: string | null;
}

export interface MapLink {
  readonly id: string;
  readonly fromId: string;
  readonly toId: string;
  readonly kind: LinkKind;
  readonly since?: string | null;
  readonly until?: string | null;
  readonly strength?: number | null;
}

export interface MapOffering {
  readonly id: string;
  readonly name: string;
  readonly category: OfferingCategory;
  readonly languages: readonly string[];
  readonly organisationId: string;
}

export interface MapPartnership {
  readonly id: string;
  readonly name: string;
  readonly kind: PartnershipKind;
  readonly memberIds: readonly string[];
  readonly districtId?: string | null;
}

export interface WijkMapData {
  readonly at: string;
  readonly district: { readonly id: string; readonly name: string; readonly slug: string };
  readonly organisations: readonly MapOrganisation[];
  readonly outsideOrganisations: readonly MapOrganisation[];
  readonly keyFigures: readonly MapKeyFigure[];
  readonly links: readonly MapLink[];
  readonly offerings: readonly MapOffering[];
  readonly partnerships: readonly MapPartnership[];
}

/** The spoor groups a node is coloured and shaped by. */
export type NodeGroup = 'tier1' | 'tier2' | 'tier3' | 'other' | 'keyFigure';
export type OrganisationGroup = Exclude<NodeGroup, 'keyFigure'>;
export const NODE_GROUPS: readonly NodeGroup[] = ['tier1', 'tier2', 'tier3', 'other', 'keyFigure'];
export const ORGANISATION_GROUPS: readonly OrganisationGroup[] = ['tier1', 'tier2', 'tier3', 'other'];

/** The columns of the map: the spoor groups, and the organisations outside the wijk at the right edge. */
export type MapColumn = NodeGroup | 'outside';
export const MAP_COLUMNS: readonly MapColumn[] = ['tier1', 'tier2', 'tier3', 'other', 'keyFigure', 'outside'];

export type LineStyle = 'solid' | 'dashed' | 'dotted';

/** Working together or paying for it: solid. Passing a person on: dashed with an arrow. Meeting or learning together: dotted with a dot. */
export const LINE_STYLE: Record<LinkKind, LineStyle> = {
  COLLABORATION: 'solid',
  FUNDING: 'solid',
  REFERRAL: 'dashed',
  HANDOVER: 'dashed',
  JOINT_CONSULTATION: 'dotted',
  JOINT_MEETING: 'dotted',
  JOINT_TRAINING: 'dotted',
};

export const LINK_KINDS: readonly LinkKind[] = [
  'COLLABORATION',
  'FUNDING',
  'REFERRAL',
  'HANDOVER',
  'JOINT_CONSULTATION',
  'JOINT_MEETING',
  'JOINT_TRAINING',
];

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

export type NodeKind = 'organisation' | 'outside' | 'keyFigure';

/** One organisation or key figure on the map. */
export interface MapNode {
  readonly id: string;
  readonly name: string;
  readonly kind: NodeKind;
  readonly group: NodeGroup;
  readonly column: MapColumn;
  readonly sector: Sector | null;
}

export function byName<T extends { readonly name: string; readonly id: string }>(a: T, b: T): number {
  return a.name.localeCompare(b.name, 'nl', { sensitivity: 'base' }) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Every node of the map, by name: organisations in the wijk, key figures, organisations outside the wijk. */
export function mapNodes(map: Pick<WijkMapData, 'organisations' | 'outsideOrganisations' | 'keyFigures'>): MapNode[] {
  const inside = new Set(map.organisations.map((o) => o.id));
  return [
    ...map.organisations.map((o) => ({
      id: o.id,
      name: o.name,
      kind: 'organisation' as const,
      group: groupOfTier(o.tier),
      column: groupOfTier(o.tier),
      sector: o.sector,
    })),
    ...map.outsideOrganisations
      .filter((o) => !inside.has(o.id))
      .map((o) => ({
        id: o.id,
        name: o.name,
        kind: 'outside' as const,
        group: groupOfTier(o.tier),
        column: 'outside' as const,
        sector: o.sector,
      })),
    ...map.keyFigures.map((k) => ({
      id: k.id,
      name: k.name,
      kind: 'keyFigure' as const,
      group: 'keyFigure' as const,
      column: 'keyFigure' as const,
      sector: null,
    })),
  ].sort(byName);
}

/** Links that can be drawn: both ends on the map, not a loop, each id once. */
export function drawableLinks(
  map: Pick<WijkMapData, 'organisations' | 'outsideOrganisations' | 'keyFigures' | 'links'>,
): MapLink[] {
  const ids = new Set(mapNodes(map).map((n) => n.id));
  const seen = new Set<string>();
  return map.links.filter((l) => {
    if (l.fromId === l.toId || !ids.has(l.fromId) || !ids.has(l.toId) || seen.has(l.id)) return false;
    seen.add(l.id);
    return true;
  });
}

/** Names of everything on the map, by id (for the signals and actions panels, and sentences). */
export function nameMap(map: Pick<WijkMapData, 'organisations' | 'outsideOrganisations' | 'keyFigures'>): Map<string, string> {
  return new Map(mapNodes(map).map((n) => [n.id, n.name]));
}
