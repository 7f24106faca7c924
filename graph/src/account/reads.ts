import { bool, list, num, oneOf, optNum, optStr, str, type Raw } from '../mappers.js';
import { toPage, type Page } from '../paging.js';
import { one, rows, type Tx } from '../tx.js';
import {
  ACCESS_LEVELS,
  ROLES,
  type AccountCredentials,
  type AccountProfile,
  type SessionRecord,
  type SessionView,
  type ThrottleState,
} from './types.js';

function toCredentials(raw: Raw): AccountCredentials {
  return {
    id: str(raw, 'id'),
    username: str(raw, 'username'),
    role: oneOf(ROLES, raw, 'role'),
    active: bool(raw, 'active'),
    passwordHash: str(raw, 'passwordHash'),
    totpSecret: optStr(raw, 'totpSecret'),
    totpEnabled: bool(raw, 'totpEnabled'),
    totpLastStep: optNum(raw, 'totpLastStep'),
  };
}

const CREDENTIALS = 'a {.id, .username, .role, .active, .passwordHash, .totpSecret, .totpEnabled, .totpLastStep}';

export async function findCredentials(tx: Tx, username: string): Promise<AccountCredentials | undefined> {
  const record = await one<{ a: Raw }>(
    tx,
    `MATCH (a:Account {username: $username})
     RETURN ${CREDENTIALS} AS a`,
    { username },
  );
  return record ? toCredentials(record.a) : undefined;
}

export async function findCredentialsById(tx: Tx, id: string): Promise<AccountCredentials | undefined> {
  const record = await one<{ a: Raw }>(
    tx,
    `MATCH (a:Account {id: $id})
     RETURN ${CREDENTIALS} AS a`,
    { id },
  );
  return record ? toCredentials(record.a) : undefined;
}

/** The account as the rest of the API sees it. `today` (YYYY-MM-DD) decides which grants are active. */
const PROFILE = `a {.id, .username, .role, .displayName, .totpEnabled,
    personId: p.id,
    clientId: CASE WHEN p:Client THEN p.id ELSE null END,
    organisationId: COLLECT { MATCH (p)-[:WORKS_AT]->(o:Organisation) RETURN o.id ORDER BY o.name }[0],
    organisationName: COLLECT { MATCH (p)-[:WORKS_AT]->(o:Organisation) RETURN o.name ORDER BY o.name }[0],
    districtId: COALESCE(COLLECT { MATCH (p)-[:COORDINATES]->(d:District) RETURN d.id }[0],
                         COLLECT { MATCH (p)-[:LIVES_IN]->(d:District) RETURN d.id }[0]),
    grants: COLLECT { MATCH (p)<-[g:GRANTS_ACCESS]-(c:Client)
                      WHERE g.revokedAt IS NULL AND (g.until IS NULL OR g.until >= $today)
                      RETURN {clientId: c.id, level: g.level} }}`;

function toProfile(raw: Raw): AccountProfile {
  return {
    id: str(raw, 'id'),
    username: str(raw, 'username'),
    role: oneOf(ROLES, raw, 'role'),
    displayName: str(raw, 'displayName'),
    totpEnabled: bool(raw, 'totpEnabled'),
    personId: optStr(raw, 'personId'),
    clientId: optStr(raw, 'clientId'),
    organisationId: optStr(raw, 'organisationId'),
    organisationName: optStr(raw, 'organisationName'),
    districtId: optStr(raw, 'districtId'),
    grants: list(raw, 'grants').map((g) => ({ clientId: str(g, 'clientId'), level: oneOf(ACCESS_LEVELS, g, 'level') })),
  };
}

function toSession(raw: Raw): SessionRecord {
  return {
    idHash: str(raw, 'idHash'),
    accountId: str(raw, 'accountId'),
    stage: oneOf(['FULL', 'TOTP', 'TOTP_SETUP'] as const, raw, 'stage'),
    createdAt: num(raw, 'createdAt'),
    lastSeenAt: num(raw, 'lastSeenAt'),
    idleExpiresAt: num(raw, 'idleExpiresAt'),
    expiresAt: num(raw, 'expiresAt'),
    pendingSecret: optStr(raw, 'pendingSecret'),
    pendingSecretReplaces: bool(raw, 'pendingSecretReplaces'),
  };
}

/** A live session of an active account, with its profile; one round trip. */
export async function findSession(tx: Tx, idHash: string, now: number, today: string): Promise<SessionView | undefined> {
  // PROFILE is a fixed projection; every value is a parameter.
  const record = await one<{ session: Raw; account: Raw }>(
    tx,
    `MATCH (s:Session {idHash: $idHash})
     WHERE s.idleExpiresAt > $now AND s.expiresAt > $now
     MATCH (a:Account {id: s.accountId})
     WHERE a.active = true
     OPTIONAL MATCH (a)-[:SIGNS_IN_AS]->(p:Person)
     RETURN s {.*} AS session,
            ${PROFILE} AS account`,
    { idHash, now, today },
  );
  return record ? { session: toSession(record.session), account: toProfile(record.account) } : undefined;
}

export async function findProfile(tx: Tx, accountId: string, today: string): Promise<AccountProfile | undefined> {
  const record = await one<{ account: Raw }>(
    tx,
    `MATCH (a:Account {id: $accountId})
     OPTIONAL MATCH (a)-[:SIGNS_IN_AS]->(p:Person)
     RETURN ${PROFILE} AS account`,
    { accountId, today },
  );
  return record ? toProfile(record.account) : undefined;
}

export async function throttleStates(tx: Tx, keys: readonly string[]): Promise<ThrottleState[]> {
  const found = await rows<{ t: Raw }>(
    tx,
    'UNWIND $keys AS key MATCH (t:LoginThrottle {key: key}) RETURN t {.key, .failures, .firstFailureAt, .lastAttemptAt} AS t',
    { keys },
  );
  return found.map(({ t }) => ({
    key: str(t, 'key'),
    failures: num(t, 'failures'),
    firstFailureAt: num(t, 'firstFailureAt'),
    lastAttemptAt: optNum(t, 'lastAttemptAt'),
  }));
}

/** Whether any account made by the demo seed exists (a production start refuses to run then). */
export async function demoAccountCount(tx: Tx): Promise<number> {
  const record = await one<{ n: number }>(tx, 'RETURN COUNT { (a:Account) WHERE a.demo = true } AS n');
  return record?.n ?? 0;
}

export interface AccountSummary {
  id: string;
  username: string;
  role: (typeof ROLES)[number];
  displayName: string;
  active: boolean;
  totpEnabled: boolean;
  /** For a client's account: the client (so that changes to it reach the client's audit trail). */
  clientId: string | null;
}

function toSummary(raw: Raw): AccountSummary {
  return {
    id: str(raw, 'id'),
    username: str(raw, 'username'),
    role: oneOf(ROLES, raw, 'role'),
    displayName: str(raw, 'displayName'),
    active: bool(raw, 'active'),
    totpEnabled: bool(raw, 'totpEnabled'),
    clientId: optStr(raw, 'clientId'),
  };
}

const SUMMARY = `a {.id, .username, .role, .displayName, .active, .totpEnabled,
    clientId: COLLECT { MATCH (a)-[:SIGNS_IN_AS]->(c:Client) RETURN c.id }[0]}`;

/** Accounts by username, for the admin; optionally those whose username or name contains `search`. */
export async function listAccounts(tx: Tx, search: string | null, skip: number, limit: number): Promise<Page<AccountSummary>> {
  const record = await one<{ page: Raw[]; total: number }>(
    tx,
    `CALL () {
       MATCH (a:Account)
       WHERE $search IS NULL OR toLower(a.username) CONTAINS toLower($search) OR toLower(a.displayName) CONTAINS toLower($search)
       RETURN a ORDER BY a.username
     }
     WITH collect(a) AS found
     RETURN size(found) AS total,
            [a IN found[$skip..($skip + $limit)] | ${SUMMARY}] AS page`,
    { search, skip, limit },
  );
  return toPage((record?.page ?? []).map(toSummary), record?.total ?? 0, skip);
}

export async function findAccount(tx: Tx, id: string): Promise<AccountSummary | undefined> {
  const record = await one<{ a: Raw }>(
    tx,
    `MATCH (a:Account {id: $id})
     RETURN ${SUMMARY} AS a`,
    { id },
  );
  return record ? toSummary(record.a) : undefined;
}
