import type { OrganisationSummary } from '../district/types.js';
import type { SupportKind, Wish } from '../model.js';

export interface CirclePerson {
  kind: 'PERSON';
  /** The client in whose circle this person appears. */
  clientId: string;
  id: string;
  /** First name or nickname only. */
  name: string;
  /** True for a professional (a person who works at an organisation). */
  professional: boolean;
  organisationId: string | null;
}

export interface CircleOrganisation extends OrganisationSummary {
  kind: 'ORGANISATION';
}

export interface CircleEntry {
  id: string;
  /** The client whose circle this is. */
  clientId: string;
  ring: number;
  sector: string;
  /** Stable order inside one ring × sector cell. */
  position: number;
  relation: string | null;
  support: SupportKind[];
  safetyNet: boolean;
  wish: Wish | null;
  note: string | null;
  target: CirclePerson | CircleOrganisation;
}

export interface CircleSummary {
  id: string;
  clientId: string;
  label: string | null;
  createdAt: string;
  /** Set when the snapshot was frozen ("vastgelegd"); the open circle has none. */
  frozenAt: string | null;
}

export interface NetworkCircle extends CircleSummary {
  clientName: string;
  entries: CircleEntry[];
}
