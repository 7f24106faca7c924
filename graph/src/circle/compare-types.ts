/** How an entry changed between two snapshots, matched by who or what it places. */
export const CHANGE_KINDS = ['JOINED', 'LEFT', 'CLOSER', 'FURTHER', 'UNCHANGED'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

export interface ComparableEntry {
  id: string;
  ring: number;
  sector: string;
  relation: string | null;
  target: { kind: 'PERSON' | 'ORGANISATION'; id: string; name: string };
}

export interface CircleChange {
  kind: ChangeKind;
  targetId: string;
  targetKind: 'PERSON' | 'ORGANISATION';
  name: string;
  /** The relation in the later snapshot, else the earlier one. */
  relation: string | null;
  earlierEntryId: string | null;
  laterEntryId: string | null;
  fromRing: number | null;
  toRing: number | null;
  fromSector: string | null;
  toSector: string | null;
}
