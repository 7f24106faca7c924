import type { LinkKind, OfferingCategory } from '../../gql/graphql';
import { drawableLinks, mapNodes, type NodeGroup, type WijkMapData } from './model';

/** What the coordinator filters the map and the list by. Null: no filter on that. */
export interface WijkFilter {
  /** Spoor groups shown (organisations outside the wijk count under their spoor). */
  readonly groups: ReadonlySet<NodeGroup>;
  readonly linkKind: LinkKind | null;
  readonly category: OfferingCategory | null;
  /** A language tag (ar, tr, ...): only organisations with an offering in that language. */
  readonly language: string | null;
  readonly partnershipId: string | null;
}

export const NO_FILTER: WijkFilter = {
  groups: new Set<NodeGroup>(['tier1', 'tier2', 'tier3', 'other', 'keyFigure']),
  linkKind: null,
  category: null,
  language: null,
  partnershipId: null,
};

export function isFiltering(filter: WijkFilter): boolean {
  return (
    filter.groups.size < NO_FILTER.groups.size ||
    filter.linkKind !== null ||
    filter.category !== null ||
    filter.language !== null ||
    filter.partnershipId !== null
  );
}

export interface FilterResult {
  readonly nodeIds: ReadonlySet<string>;
  readonly linkIds: ReadonlySet<string>;
}

/**
 * Which nodes and links match. A node matches when its group is chosen and it has an offering of
 * the category (and in the language) and is a member of the partnership, when those are chosen
 * (key figures have no offerings or memberships). A link matches when both ends match and it is
 * of the chosen kind.
 */
export function applyFilter(map: WijkMapData, filter: WijkFilter): FilterResult {
  const partnership = filter.partnershipId ? map.partnerships.find((p) => p.id === filter.partnershipId) : undefined;
  const members = partnership ? new Set(partnership.memberIds) : null;
  const offeringsOf = new Map<string, WijkMapData['offerings'][number][]>();
  for (const o of map.offerings) offeringsOf.set(o.organisationId, [...(offeringsOf.get(o.organisationId) ?? []), o]);
  const nodeIds = new Set<string>();
  for (const node of mapNodes(map)) {
    if (!filter.groups.has(node.group)) continue;
    if (filter.partnershipId !== null && !members?.has(node.id)) continue;
    if (filter.category !== null || filter.language !== null) {
      const offerings = (offeringsOf.get(node.id) ?? []).filter(
        (o) =>
          (filter.category === null || o.category === filter.category) &&
          (filter.language === null || o.languages.includes(filter.language)),
      );
      if (offerings.length === 0) continue;
    }
    nodeIds.add(node.id);
  }
  const linkIds = new Set(
    drawableLinks(map)
      .filter((l) => nodeIds.has(l.fromId) && nodeIds.has(l.toId) && (filter.linkKind === null || l.kind === filter.linkKind))
      .map((l) => l.id),
  );
  return { nodeIds, linkIds };
}

/** The languages offerings are given in, for the language filter (sorted by tag). */
export function offeringLanguages(map: Pick<WijkMapData, 'offerings'>): string[] {
  return [...new Set(map.offerings.flatMap((o) => o.languages))].sort();
}

/** The offering categories present in the wijk. */
export function offeringCategories(map: Pick<WijkMapData, 'offerings'>): OfferingCategory[] {
  return [...new Set(map.offerings.map((o) => o.category))].sort();
}
