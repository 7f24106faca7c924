import DataLoader from 'dataloader';
import {
  findDistricts,
  findOrganisationsByIds,
  type AuditWriter,
  type CircleLayout,
  type Database,
  type DistrictNetwork,
  type OrganisationSummary,
} from '@wijkkring/graph';
import { AccessCheck } from './access/enforce.js';
import { RequestAudit } from './audit/request-audit.js';
import type { Env } from './env.js';
import type { Live } from './live.js';
import type { SessionCache } from './auth/session-cache.js';
import type { Viewer } from './viewer.js';

export interface Loaders {
  /** Districts with their whole network, for lists where the parent did not load it. */
  districtNetwork: DataLoader<string, DistrictNetwork | undefined>;
  organisation: DataLoader<string, OrganisationSummary | undefined>;
}

/** What the request brought and what the response must carry back. */
export interface RequestState {
  /** The address the request came from (for the audit log and login throttling). */
  origin: string | null;
  /** The session cookie's value, if any. */
  sessionToken: string | null;
  /** Adds a Set-Cookie header to the response. */
  setCookie(cookie: string): void;
}

export interface Context {
  viewer: Viewer;
  /** The request's causal view of the one driver: it runs after the client's own last write (issue 12). */
  db: Database;
  env: Env;
  layout: CircleLayout;
  loaders: Loaders;
  audit: RequestAudit;
  access: AccessCheck;
  request: RequestState;
  /** Live circle updates (subscriptions). */
  live: Live;
  /** Signed-in sessions' views in memory (issue 13): a change that may alter one calls `changed()`. */
  sessions: SessionCache;
  /** One clock per request: every check and record of the request sees the same time. */
  now: number;
}

const FULL_NETWORK = {
  organisations: true,
  organisationCount: true,
  partnerships: true,
  keyFigures: true,
  links: true,
  offerings: true,
};

export function createContext(
  db: Database,
  env: Env,
  auditWriter: AuditWriter,
  viewer: Viewer,
  request: RequestState,
  live: Live,
  sessions: SessionCache,
  now = Date.now(),
): Context {
  const context: Context = {
    viewer,
    live,
    sessions,
    db,
    env,
    layout: env.circleLayout,
    now,
    request,
    audit: new RequestAudit(auditWriter, env.pseudonymKey, viewer, request.origin),
    access: new AccessCheck(() => context),
    loaders: {
      districtNetwork: new DataLoader(async (ids) => {
        const found = await db.read((tx) => findDistricts(tx, ids, FULL_NETWORK));
        return ids.map((id) => found.find((d) => d.id === id));
      }),
      organisation: new DataLoader(async (ids) => {
        const found = await db.read((tx) => findOrganisationsByIds(tx, ids));
        return ids.map((id) => found.find((o) => o.id === id));
      }),
    },
  };
  return context;
}
