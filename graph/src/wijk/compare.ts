import { OFFERING_CATEGORIES, SPOOR_GROUPS, type OfferingCategory, type SpoorGroup, type Tier } from '../model.js';
import { wijkMeasures } from './signals.js';
import type { DistrictFacts } from './types.js';

/** How many organisations of one wijk offer a category, or belong to a spoor group. */
export interface DistrictCount {
  districtId: string;
  organisations: number;
}

export interface DistrictComparison {
  /** Every offering category that some wijk has, with the count in every wijk (0 where it has none). */
  categories: { category: OfferingCategory; districts: DistrictCount[] }[];
  /** The four spoor groups, with the count of organisations in every wijk. */
  groups: { group: SpoorGroup; districts: DistrictCount[] }[];
  /** Per wijk: its organisation network today (ANALYSIS.md: density, share of cross-tier links). */
  measures: { districtId: string; organisations: number; links: number; density: number; crossTierShare: number | null }[];
}

function groupOf(tier: Tier | null): SpoorGroup {
  return tier === null ? 'OTHER' : (`TIER_${String(tier)}` as SpoorGroup);
}

/**
 * "Wat kan in jouw wijk, en waarom niet in de mijne?" Public facts only: organisations, their
 * offerings and links. Nothing here is derived from client circles, so no count is suppressed.
 */
export function compareDistricts(facts: readonly DistrictFacts[]): DistrictComparison {
  const offered = new Set(facts.flatMap((f) => f.offerings.map((o) => o.category)));
  const categories = OFFERING_CATEGORIES.filter((c) => offered.has(c)).map((category) => ({
    category,
    districts: facts.map((f) => ({
      districtId: f.districtId,
      organisations: new Set(f.offerings.filter((o) => o.category === category).map((o) => o.organisationId)).size,
    })),
  }));
  const groups = SPOOR_GROUPS.map((group) => ({
    group,
    districts: facts.map((f) => ({
      districtId: f.districtId,
      organisations: f.organisations.filter((o) => groupOf(o.tier) === group).length,
    })),
  }));
  const measures = facts.map((f) => {
    const m = wijkMeasures({
      nodes: f.organisations.map((o) => ({ id: o.id, name: o.id, kind: 'ORGANISATION' as const, tier: o.tier })),
      edges: f.links.map((l, i) => ({ id: String(i), fromId: l.fromId, toId: l.toId, kind: 'COLLABORATION' as const })),
    });
    return {
      districtId: f.districtId,
      organisations: m.nodes,
      links: m.edges,
      density: m.density,
      crossTierShare: m.crossTierShare,
    };
  });
  return { categories, groups, measures };
}
