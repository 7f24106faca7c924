import type { SignalKind } from '../circle/signal-types.js';

/** One entry of a frozen snapshot, as the aggregates need it (no name, no id of a person). */
export interface SnapshotEntry {
  ring: number;
  /** An organisation, or a person who works at one. */
  professional: boolean;
  organisation: boolean;
  /** Spoor of the organisation or the professional's employer. */
  tier: number | null;
  safetyNet: boolean;
  support: string[];
  /** The organisation or employer (only to tell organisations apart for SUPPORT_OVERLAP). */
  organisationId: string | null;
  generalPractice: boolean;
  relation: string | null;
}

export interface Snapshot {
  /** YYYY-MM-DD (UTC) of the moment it was frozen. */
  frozenOn: string;
  entries: SnapshotEntry[];
}

/** An opted-in client with the snapshots frozen before the end of the last period asked for, oldest first. */
export interface ClientHistory {
  districtId: string;
  snapshots: Snapshot[];
}

/** What one snapshot contributes to the figures. */
export interface SnapshotSummary {
  frozenOn: string;
  size: number;
  /** Entries per ring, index 0 = ring 1. */
  rings: number[];
  inner: number;
  tier1Contact: boolean;
  safetyNet: boolean;
  innerOnlyProfessionals: boolean;
  signals: ReadonlySet<SignalKind>;
}

/** The measures of the research tables. Each is a count; shares and means are derived from counts. */
export const BINARY_MEASURES = ['TIER_1_CONTACT', 'SAFETY_NET', 'INNER_ONLY_PROFESSIONALS'] as const;
export type BinaryMeasure = (typeof BINARY_MEASURES)[number];
export const CHANGE_MEASURES = ['INNER_GREW', 'INNER_SAME', 'INNER_SHRANK', 'NOT_COMPARED'] as const;
export type ChangeMeasure = (typeof CHANGE_MEASURES)[number];

/**
 * A published figure: null when suppressed. Why a cell is hidden (small, or hidden to protect
 * another) is deliberately not said per cell: a reader who knows a cell is small knows it lies in
 * 1..K−1, which no complementary suppression can widen to K.
 */
export interface Figure {
  value: number | null;
  suppressed: boolean;
}

export interface AggregateRow {
  /** null: all wijken together. */
  districtId: string | null;
  districtName: string | null;
  clients: Figure;
  entries: Figure;
  meanCircleSize: Figure;
  /** Per ring (index 0 = ring 1): the count of entries and its share of all entries. */
  rings: { ring: number; count: Figure; share: Figure }[];
  /** Clients with the property, and their share of the clients. */
  binary: { measure: BinaryMeasure; count: Figure; share: Figure }[];
  /** Inner rings compared with the end of the previous quarter. Shares are of the clients compared. */
  change: { measure: ChangeMeasure; count: Figure; share: Figure }[];
  /** Clients with each circle signal, and their share of the clients. */
  signals: { kind: SignalKind; count: Figure; share: Figure }[];
}

export interface AggregateTable {
  period: string;
  k: number;
  rows: AggregateRow[];
  /** Cells hidden because they were small, and cells hidden to protect them. */
  primary: number;
  secondary: number;
}
