import { bool, list, num, oneOf, optNum, optStr, str, strList, type Raw } from '../mappers.js';
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
    passwordHash: optStr(raw, 'passwordHash'),
    totpSecret: optStr(raw, 'totpSecret'),
    totpEnabled: bool(raw, 'totpEnabled'),
    totpLastStep: optNum(raw, 'totpLastStep'),
    clientId: optStr(raw, 'clientId'),
  };
}

const CREDENTIALS = `a {.id, .username, .role, .active, .passwordHash, .totpSecret, .totpEnabled, .totpLastStep,
    clientId: COLLECT { MATCH (a)-[:SIGNS_IN_AS]->(c:Client) RETURN c.id }[0]}`;

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
    districtIds: COLLECT { MATCH (p)-[r:COORDINATES|LIVES_IN]->(d:District)
                           RETURN d.id ORDER BY type(r), coalesce(r.position, 0), d.name },
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
    districtIds: strList(raw, 'districtIds'),
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

export interface AccountDistrict {
  id: string;
  name: string;
}

export interface AccountSummary {
  id: string;
  username: string;
  role: (typeof ROLES)[number];
  displayName: string;
  active: boolean;
  totpEnabled: boolean;
  /** The account has a password: it was activated (issue 11). */
  activated: boolean;
  /** When the activation code that waits to be used stops working (ms since the epoch); null when none waits. */
  activationExpiresAt: number | null;
  /** ISO date-time; null for accounts made before issue 11 kept it. */
  createdAt: string | null;
  personId: string | null;
  /** For a client's account: the client (so that changes to it reach the client's audit trail). */
  clientId: string | null;
  organisationId: string | null;
  organisationName: string | null;
  /** A coordinator's wijken (in the order given), a client's wijk. */
  districts: AccountDistrict[];
}

function toSummary(raw: Raw): AccountSummary {
  return {
    id: str(raw, 'id'),
    username: str(raw, 'username'),
    role: oneOf(ROLES, raw, 'role'),
    displayName: str(raw, 'displayName'),
    active: bool(raw, 'active'),
    totpEnabled: bool(raw, 'totpEnabled'),
    activated: bool(raw, 'activated'),
    activationExpiresAt: optNum(raw, 'activationExpiresAt'),
    createdAt: optStr(raw, 'createdAt'),
    personId: optStr(raw, 'personId'),
    clientId: optStr(raw, 'clientId'),
    organisationId: optStr(raw, 'organisationId'),
    organisationName: optStr(raw, 'organisationName'),
    districts: list(raw, 'districts').map((d) => ({ id: str(d, 'id'), name: str(d, 'name') })),
  };
}

/** A fixed projection of an account `a` (every value a parameter elsewhere). */
const SUMMARY = `a {.id, .username, .role, .displayName, .active, .totpEnabled, .activationExpiresAt,
    activated: a.passwordHash IS NOT NULL,
    createdAt: toString(a.createdAt),
    personId: COLLECT { MATCH (a)-[:SIGNS_IN_AS]->(p:Person) RETURN p.id }[0],
    clientId: COLLECT { MATCH (a)-[:SIGNS_IN_AS]->(c:Client) RETURN c.id }[0],
    organisationId: COLLECT { MATCH (a)-[:SIGNS_IN_AS]->(:Person)-[:WORKS_AT]->(o:Organisation) RETURN o.id ORDER BY o.name }[0],
    organisationName: COLLECT { MATCH (a)-[:SIGNS_IN_AS]->(:Person)-[:WORKS_AT]->(o:Organisation) RETURN o.name ORDER BY o.name }[0],
    districts: COLLECT { MATCH (a)-[:SIGNS_IN_AS]->(:Person)-[r:COORDINATES|LIVES_IN]->(d:District)
                         RETURN {id: d.id, name: d.name} ORDER BY type(r), coalesce(r.position, 0), d.name }}`;

/** What the admin's account list can be narrowed to (issue 11); null leaves a filter out. */
export interface AccountFilter {
  role: (typeof ROLES)[number] | null;
  active: boolean | null;
  organisationId: string | null;
  districtId: string | null;
  /** Part of the username or the name, any case. */
  search: string | null;
}

/** Accounts by username, for the admin, narrowed by `filter`; one page and the total. */
export async function listAccounts(tx: Tx, filter: AccountFilter, skip: number, limit: number): Promise<Page<AccountSummary>> {
  const record = await one<{ page: Raw[]; total: number }>(
    tx,
    `CALL () {
       MATCH (a:Account)
       WHERE ($role IS NULL OR a.role = $role)
         AND ($active IS NULL OR a.active = $active)
         AND ($search IS NULL OR toLower(a.username) CONTAINS toLower($search) OR toLower(a.displayName) CONTAINS toLower($search))
         AND ($organisationId IS NULL OR EXISTS {
               MATCH (a)-[:SIGNS_IN_AS]->(:Person)-[:WORKS_AT]->(:Organisation {id: $organisationId}) })
         AND ($districtId IS NULL OR EXISTS {
               MATCH (a)-[:SIGNS_IN_AS]->(:Person)-[:COORDINATES|LIVES_IN]->(:District {id: $districtId}) })
       RETURN a ORDER BY a.username
     }
     WITH collect(a) AS found
     RETURN size(found) AS total,
            [a IN found[$skip..($skip + $limit)] | ${SUMMARY}] AS page`,
    { ...filter, skip, limit },
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

/** Whether an account has this username (usernames are unique; the check gives a clear answer before the constraint would). */
export async function usernameTaken(tx: Tx, username: string): Promise<boolean> {
  const record = await one<{ taken: boolean }>(tx, 'RETURN EXISTS { MATCH (:Account {username: $username}) } AS taken', {
    username,
  });
  return record?.taken ?? false;
}

/** Which of `ids` name an organisation and which a wijk: the admin's references, checked before an account changes. */
export async function missingAccountRefs(
  tx: Tx,
  organisationId: string | null,
  districtIds: readonly string[],
): Promise<{ organisation: boolean; districtIds: string[] }> {
  const record = await one<{ organisation: boolean; missing: string[] }>(
    tx,
    // Ended or merged records count as missing: nobody starts working at an organisation that stopped
    // or at a merged duplicate (a merge leaves the duplicate without relationships), nor in an ended wijk.
    `RETURN ($organisationId IS NOT NULL AND NOT EXISTS {
              MATCH (o:Organisation {id: $organisationId})
              WHERE o.mergedInto IS NULL AND (o.until IS NULL OR o.until > date())
            }) AS organisation,
            [id IN $districtIds WHERE NOT EXISTS {
              MATCH (d:District {id: id}) WHERE d.until IS NULL OR d.until > date()
            }] AS missing`,
    { organisationId, districtIds },
  );
  return { organisation: record?.organisation ?? false, districtIds: record?.missing ?? [] };
}

/** An activation code waiting for an account (issue 11): only its hash is stored. */
export interface PendingActivation {
  accountId: string;
  username: string;
  role: (typeof ROLES)[number];
  active: boolean;
  /** SHA-256 of the code (hex). */
  codeHash: string;
  expiresAt: number;
  clientId: string | null;
}

/** The code waiting for `username`, if any (whether it expired is the caller's question, with its own clock). */
export async function findActivation(tx: Tx, username: string): Promise<PendingActivation | undefined> {
  const record = await one<{ a: Raw }>(
    tx,
    `MATCH (a:Account {username: $username})
     WHERE a.activationHash IS NOT NULL
     RETURN a {.id, .username, .role, .active, .activationHash, .activationExpiresAt,
               clientId: COLLECT { MATCH (a)-[:SIGNS_IN_AS]->(c:Client) RETURN c.id }[0]} AS a`,
    { username },
  );
  if (!record) return undefined;
  const a = record.a;
  return {
    accountId: str(a, 'id'),
    username: str(a, 'username'),
    role: oneOf(ROLES, a, 'role'),
    active: bool(a, 'active'),
    codeHash: str(a, 'activationHash'),
    expiresAt: num(a, 'activationExpiresAt'),
    clientId: optStr(a, 'clientId'),
  };
}

/** The client an account signs in as, if it is a client's (so a failed login reaches the client's trail). */
export async function clientOfUsername(tx: Tx, username: string): Promise<string | null> {
  const record = await one<{ clientId: string | null }>(
    tx,
    'OPTIONAL MATCH (:Account {username: $username})-[:SIGNS_IN_AS]->(c:Client) RETURN c.id AS clientId',
    { username },
  );
  return record?.clientId ?? null;
}
