import type { SpoorGroup, Tier } from '../model.js';
import type { Granularity } from './periods.js';

/** An organisation active in a wijk: public data, so the name travels with it. */
export interface HistoryOrganisation {
  id: string;
  name: string;
  tier: Tier | null;
  /** The day it stopped (issue 11: an admin ends an organisation); from then on it is not in the network. */
  until: string | null;
}

/** A link between two organisations of the wijk with its validity (dates YYYY-MM-DD, null: open). */
export interface HistoryLink {
  fromId: string;
  toId: string;
  since: string | null;
  until: string | null;
  kind: string;
}

/** What the research metrics of one wijk are computed from, read in one statement for all wijken. */
export interface DistrictHistory {
  districtId: string;
  districtName: string;
  organisations: HistoryOrganisation[];
  links: HistoryLink[];
}

export interface Broker {
  organisationId: string;
  name: string;
  betweenness: number;
}

export interface GroupIndex {
  group: SpoorGroup;
  internal: number;
  external: number;
  eiIndex: number | null;
}

export interface TierPairIndex {
  a: SpoorGroup;
  b: SpoorGroup;
  edges: number;
  density: number;
  eiIndex: number | null;
}

/** The organisation network of a wijk on one date (ANALYSIS.md's definitions). */
export interface NetworkMetrics {
  organisations: number;
  links: number;
  density: number;
  crossTierShare: number | null;
  groups: GroupIndex[];
  tierPairs: TierPairIndex[];
  components: number;
  largestComponent: number;
  betweennessCentralisation: number;
  /** The organisations with the highest betweenness (above 0), highest first. */
  brokers: Broker[];
  communities: number;
  modularity: number | null;
  /** Community number per organisation id (for exports; numbered by each community's smallest id). */
  communityOf: Map<string, number>;
}

export interface PeriodMetrics extends NetworkMetrics {
  period: string;
  /** The day the network was read on. */
  date: string;
}

export interface DistrictSeries {
  districtId: string;
  districtName: string;
  granularity: Granularity;
  periods: PeriodMetrics[];
}
