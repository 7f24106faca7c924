import type { LinkKind, OfferingCategory, SpoorGroup, Tier, WijkSignalCode } from '../model.js';
import type { GroupEI, TierPair } from '../network/measures.js';

/** Only nodes IN the wijk: organisations active in it, and key figures who consented to the map. */
export interface WijkNode {
  id: string;
  name: string;
  kind: 'ORGANISATION' | 'KEY_FIGURE';
  tier: Tier | null;
}

/** Links valid now; edges to nodes not in `nodes` are ignored. */
export interface WijkEdge {
  id: string;
  fromId: string;
  toId: string;
  kind: LinkKind;
}

export interface WijkOfferingFact {
  organisationId: string;
  category: OfferingCategory;
}

export interface WijkSignalInput {
  nodes: WijkNode[];
  edges: WijkEdge[];
  offerings: WijkOfferingFact[];
  /** Organisation pairs co-served by at least K opted-in clients (already filtered in Neo4j); null when the viewer may not see circle-derived figures. */
  coServedPairs: [string, string][] | null;
  /** How many highest-betweenness nodes count as brokers (default 3). */
  topBrokers?: number;
}

/**
 * What the wijkkaart notices. Codes, ids and numbers only; the web app words them from its message
 * file. Every field a signal's code does not use is null or empty.
 */
export interface WijkSignal {
  code: WijkSignalCode;
  /** Stable across reloads: e.g. `MISSING_LINK:<smaller id>~<larger id>`, `ISLAND:<smallest id of the component>`, `TIER_ISLAND:TIER_1~TIER_3`, `OVERLAP:WALK_IN`, `FRAGILE_BROKER:<id>`, `KEY_FIGURE_UNCONNECTED:<id>`. */
  key: string;
  /** The organisations and key figures the map highlights. */
  nodeIds: string[];
  /** True only for MISSING_LINK (derived from client circles; the access policy treats it differently). */
  circleDerived: boolean;
  /** TIER_ISLAND: the two groups. */
  groups: SpoorGroup[] | null;
  /** TIER_ISLAND: the E-I index of the pair (null: undefined). */
  eiIndex: number | null;
  /** OVERLAP: the category. */
  category: OfferingCategory | null;
  /** OVERLAP: pairs of nodeIds with no link between them. */
  unlinkedPairs: [string, string][];
  /** FRAGILE_BROKER: removing it splits the network. */
  articulation: boolean | null;
  /** FRAGILE_BROKER: normalised betweenness, and its rank (1 = highest) among all nodes. */
  betweenness: number | null;
  rank: number | null;
}

/** The figures of one wijk network for the coordinator's page and the comparison of wijken (docs/domain/ANALYSIS.md). */
export interface WijkMeasures {
  nodes: number;
  edges: number;
  density: number;
  componentCount: number;
  mainComponentSize: number;
  /** Null when no link joins two tiered organisations. */
  crossTierShare: number | null;
  groupEI: GroupEI[];
  tierPairs: TierPair[];
}
