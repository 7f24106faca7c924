import { upsertCircles } from '../circle/writes.js';
import { DomainError } from '../errors.js';
import { upsertClients, upsertStaff, upsertSupportWorkers } from '../person/writes.js';
import { one, type Tx } from '../tx.js';
import type { AccountRow, Role, SessionRecord } from './types.js';

/** Creates or updates accounts by id (seed and admin). A person must exist for each. */
export async function upsertAccounts(tx: Tx, accounts: AccountRow[], now = new Date().toISOString()): Promise<void> {
  const record = await one<{ n: number }>(
    tx,
    `UNWIND $rows AS row
     MATCH (p:Person {id: row.personId})
     MERGE (a:Account {id: row.id})
     ON CREATE SET a.createdAt = $now, a.active = true, a.totpLastStep = null
     SET a.username = row.username, a.role = row.role, a.displayName = row.displayName,
         a.passwordHash = row.passwordHash, a.totpSecret = row.totpSecret,
         a.totpEnabled = row.totpSecret IS NOT NULL, a.demo = row.demo
     MERGE (a)-[:SIGNS_IN_AS]->(p)
     RETURN count(a) AS n`,
    { rows: accounts, now },
  );
  if ((record?.n ?? 0) !== accounts.length)
    throw new DomainError('NOT_FOUND', 'An account refers to a person that does not exist.');
}

export async function createSession(tx: Tx, session: SessionRecord): Promise<void> {
  await tx.run('CREATE (s:Session) SET s = $session', { session });
}

/** Slides the idle timeout forward. */
export async function touchSession(tx: Tx, idHash: string, now: number, idleExpiresAt: number): Promise<void> {
  await tx.run(
    `MATCH (s:Session {idHash: $idHash})
     SET s.lastSeenAt = $now, s.idleExpiresAt = CASE WHEN $idleExpiresAt < s.expiresAt THEN $idleExpiresAt ELSE s.expiresAt END`,
    { idHash, now, idleExpiresAt },
  );
}

export async function deleteSession(tx: Tx, idHash: string): Promise<void> {
  await tx.run('MATCH (s:Session {idHash: $idHash}) DELETE s', { idHash });
}

/** Ends every session of an account (logout everywhere, deactivation, password change). */
export async function deleteSessionsOf(tx: Tx, accountId: string, exceptIdHash: string | null = null): Promise<number> {
  const record = await one<{ n: number }>(
    tx,
    `MATCH (s:Session {accountId: $accountId})
     WHERE $except IS NULL OR s.idHash <> $except
     DELETE s
     RETURN count(*) AS n`,
    { accountId, except: exceptIdHash },
  );
  return record?.n ?? 0;
}

export async function deleteExpiredSessions(tx: Tx, now: number): Promise<void> {
  await tx.run('MATCH (s:Session) WHERE s.idleExpiresAt <= $now OR s.expiresAt <= $now DELETE s', { now });
}

export async function setPasswordHash(tx: Tx, accountId: string, passwordHash: string, now: string): Promise<void> {
  await tx.run('MATCH (a:Account {id: $accountId}) SET a.passwordHash = $passwordHash, a.passwordChangedAt = $now', {
    accountId,
    passwordHash,
    now,
  });
}

/**
 * Turns a second factor on with a sealed secret whose code for `step` was just checked. Returns
 * false, changing nothing, when the account has a second factor already and `replace` is false (a
 * replacement must have been started with the password and a current code), or when this secret
 * is in place already and its code for `step` was used (a code works once). The write lock is
 * taken before anything is read, so two confirmations cannot both pass.
 */
export async function enableTotp(
  tx: Tx,
  accountId: string,
  sealedSecret: string,
  step: number,
  replace = false,
): Promise<boolean> {
  const record = await one<{ ok: boolean }>(
    tx,
    `MATCH (a:Account {id: $accountId})
     SET a._lock = true
     WITH a, ($replace OR NOT coalesce(a.totpEnabled, false))
             AND (coalesce(a.totpSecret, '') <> $sealedSecret OR coalesce(a.totpLastStep, -1) < $step) AS ok
     SET a.totpSecret = CASE WHEN ok THEN $sealedSecret ELSE a.totpSecret END,
         a.totpEnabled = CASE WHEN ok THEN true ELSE a.totpEnabled END,
         a.totpLastStep = CASE WHEN ok THEN $step ELSE a.totpLastStep END
     REMOVE a._lock
     RETURN ok`,
    { accountId, sealedSecret, step, replace },
  );
  return record?.ok ?? false;
}

/**
 * Records that a TOTP time step was used. Returns false when this step (or a later one) was used
 * before: a code works once.
 */
export async function useTotpStep(tx: Tx, accountId: string, step: number): Promise<boolean> {
  const record = await one<{ ok: boolean }>(
    tx,
    // The write lock is taken before the last step is read, so concurrent uses of one code
    // cannot all see the old value: exactly one of them succeeds.
    `MATCH (a:Account {id: $accountId})
     SET a._lock = true
     WITH a, coalesce(a.totpLastStep, -1) < $step AS ok
     SET a.totpLastStep = CASE WHEN ok THEN $step ELSE a.totpLastStep END
     REMOVE a._lock
     RETURN ok`,
    { accountId, step },
  );
  return record?.ok ?? false;
}

export async function setAccountActive(tx: Tx, accountId: string, active: boolean): Promise<boolean> {
  const record = await one<{ n: number }>(tx, 'MATCH (a:Account {id: $accountId}) SET a.active = $active RETURN count(a) AS n', {
    accountId,
    active,
  });
  if (!active) await deleteSessionsOf(tx, accountId);
  return (record?.n ?? 0) > 0;
}

/** One key of a login attempt (an account or an address) and how many failed attempts it allows in a window. */
export interface ThrottleLimit {
  key: string;
  max: number;
}

export interface LoginReservation {
  /** False when a key has used up its attempts: the attempt must not be checked at all. */
  allowed: boolean;
  /** When refused: when the last of the full windows ends (ms since the epoch). */
  retryAt: number | null;
}

/**
 * Counts a login attempt against every key before its password or code is checked, or refuses it
 * when any key has no attempt left in its window (then nothing is counted). The write lock on each
 * throttle is taken before its count is read, so concurrent attempts are counted one after the
 * other and no more than `max` of them are ever allowed in a window. A window that ended starts
 * again. Keys are locked in sorted order, so two attempts cannot wait for each other.
 */
export async function reserveLoginAttempt(
  tx: Tx,
  limits: readonly ThrottleLimit[],
  now: number,
  windowMs: number,
): Promise<LoginReservation> {
  const sorted = [...limits].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const record = await one<{ allowed: boolean; retryAt: number | null }>(
    tx,
    `UNWIND $limits AS l
     MERGE (t:LoginThrottle {key: l.key})
     ON CREATE SET t.failures = 0, t.firstFailureAt = $now
     SET t._lock = true
     REMOVE t._lock
     WITH t, l.max AS max, t.firstFailureAt <= $now - $windowMs AS expired
     WITH collect({t: t, max: max, expired: expired, used: CASE WHEN expired THEN 0 ELSE t.failures END}) AS rows
     WITH rows, all(r IN rows WHERE r.used < r.max) AS allowed
     FOREACH (r IN CASE WHEN allowed THEN rows ELSE [] END |
       FOREACH (t IN [r.t] |
         SET t.failures = r.used + 1,
             t.firstFailureAt = CASE WHEN r.expired THEN $now ELSE t.firstFailureAt END,
             t.lastAttemptAt = $now))
     RETURN allowed,
            CASE WHEN allowed THEN null
                 ELSE reduce(at = 0, x IN [r IN rows WHERE r.used >= r.max] |
                        CASE WHEN x.t.firstFailureAt + $windowMs > at THEN x.t.firstFailureAt + $windowMs ELSE at END)
            END AS retryAt`,
    { limits: sorted, now, windowMs },
  );
  return { allowed: record?.allowed ?? false, retryAt: record?.retryAt ?? null };
}

/**
 * Gives back an attempt reserved at `reservedAt` that turned out right (a right password, a right
 * code): it was no failure. A window that started after the reservation is left alone.
 */
export async function releaseLoginAttempt(tx: Tx, keys: readonly string[], reservedAt: number): Promise<void> {
  await tx.run(
    `UNWIND $keys AS key
     MATCH (t:LoginThrottle {key: key})
     SET t._lock = true
     REMOVE t._lock
     SET t.failures = CASE WHEN t.failures > 0 AND t.firstFailureAt <= $reservedAt THEN t.failures - 1 ELSE t.failures END`,
    { keys: [...keys].sort(), reservedAt },
  );
}

export async function clearLoginFailures(tx: Tx, key: string): Promise<void> {
  await tx.run('MATCH (t:LoginThrottle {key: $key}) DELETE t', { key });
}

/**
 * A signed-in account that starts setting up a second factor keeps the secret on its session until
 * confirmed. `replaces` says the account proved its password and current code first, so the
 * confirmation may replace the second factor it has.
 */
export async function setSessionPendingSecret(
  tx: Tx,
  idHash: string,
  sealedSecret: string | null,
  replaces = false,
): Promise<void> {
  await tx.run('MATCH (s:Session {idHash: $idHash}) SET s.pendingSecret = $sealedSecret, s.pendingSecretReplaces = $replaces', {
    idHash,
    sealedSecret,
    replaces: sealedSecret !== null && replaces,
  });
}

// ---------------------------------------------------------------------------------------------
// Accounts made and changed by an admin (issue 11). Each runs in the caller's write transaction,
// so a change and its audit record commit together.
// ---------------------------------------------------------------------------------------------

/** The job titles WORKS_AT carries for people an admin adds (the seed's are more specific). */
const JOB_TITLE: Partial<Record<Role, string>> = { SUPPORT_WORKER: 'begeleider', COORDINATOR: 'kwartiermaker' };

/**
 * Puts an account's person where its role says (see `placementIssues`, checked before): the
 * SupportWorker or Coordinator label, the organisation it works at, and its wijken, replacing
 * what it had. A coordinator's wijken keep the order given (`position`): the first is the one the
 * app opens. A client's wijk is where they live. The caller checked that every id exists.
 */
export async function placeAccountPerson(
  tx: Tx,
  personId: string,
  role: Role,
  organisationId: string | null,
  districtIds: readonly string[],
): Promise<void> {
  await tx.run(
    `MATCH (p:Person {id: $personId})
     REMOVE p:SupportWorker, p:Coordinator
     WITH p
     CALL (p) { MATCH (p)-[w:WORKS_AT]->(o:Organisation) WHERE $organisationId IS NULL OR o.id <> $organisationId DELETE w }
     CALL (p) { MATCH (p)-[r:COORDINATES|LIVES_IN]->(:District) DELETE r }
     FOREACH (_ IN CASE WHEN $role = 'SUPPORT_WORKER' THEN [1] ELSE [] END | SET p:SupportWorker)
     FOREACH (_ IN CASE WHEN $role = 'COORDINATOR' THEN [1] ELSE [] END | SET p:Coordinator)
     WITH p
     OPTIONAL MATCH (o:Organisation {id: $organisationId})
     FOREACH (org IN CASE WHEN o IS NULL THEN [] ELSE [o] END |
       MERGE (p)-[w:WORKS_AT]->(org) ON CREATE SET w.role = $jobTitle)
     WITH p
     UNWIND range(0, size($districtIds) - 1) AS i
     MATCH (d:District {id: $districtIds[i]})
     FOREACH (_ IN CASE WHEN $role = 'COORDINATOR' THEN [1] ELSE [] END | CREATE (p)-[:COORDINATES {position: i}]->(d))
     FOREACH (_ IN CASE WHEN $role = 'CLIENT' THEN [1] ELSE [] END | CREATE (p)-[:LIVES_IN]->(d))`,
    { personId, role, organisationId, districtIds, jobTitle: JOB_TITLE[role] ?? null },
  );
}

export interface NewAccount {
  id: string;
  personId: string;
  username: string;
  role: Role;
  displayName: string;
  organisationId: string | null;
  districtIds: string[];
  /** For a CLIENT: the id of the open circle made with them. */
  circleId: string | null;
}

/**
 * Makes an account and the person it signs in as, as the seed makes them: a client with their
 * wijk and an empty open circle; a support worker at their organisation; a coordinator with their
 * wijken; a researcher or admin as staff. The account has no password and no second factor until
 * it is activated, and cannot sign in before that.
 */
export async function createAccountWithPerson(tx: Tx, account: NewAccount, now: string): Promise<void> {
  const { personId, displayName: name, role, organisationId, districtIds } = account;
  if (role === 'CLIENT') {
    const districtId = districtIds[0];
    if (!districtId || !account.circleId)
      throw new DomainError('INVALID_INPUT', 'A client lives in one wijk.', { field: 'input.districtIds' });
    await upsertClients(tx, [{ id: personId, name, districtId }]);
    await upsertCircles(tx, [
      { id: account.circleId, clientId: personId, label: null, createdAt: now, frozenAt: null, entries: [] },
    ]);
  } else if (role === 'SUPPORT_WORKER' && organisationId !== null) {
    await upsertSupportWorkers(tx, [{ id: personId, name, organisationId, role: JOB_TITLE.SUPPORT_WORKER ?? 'begeleider' }]);
  } else {
    await upsertStaff(tx, [{ id: personId, name, coordinatesDistrictId: null }]);
    await placeAccountPerson(tx, personId, role, organisationId, districtIds);
  }
  await tx.run(
    `MATCH (p:Person {id: $personId})
     CREATE (a:Account {id: $id})
     SET a.username = $username, a.role = $role, a.displayName = $displayName, a.active = true,
         a.passwordHash = null, a.totpSecret = null, a.totpEnabled = false, a.totpLastStep = null,
         a.demo = false, a.createdAt = $now
     CREATE (a)-[:SIGNS_IN_AS]->(p)`,
    { id: account.id, personId, username: account.username, role, displayName: account.displayName, now },
  );
}

/** Changes an account's role (its person is placed by `placeAccountPerson`). */
export async function setAccountRole(tx: Tx, accountId: string, role: Role): Promise<void> {
  await tx.run('MATCH (a:Account {id: $accountId}) SET a.role = $role', { accountId, role });
}

/**
 * Removes an account's second factor and ends every session of it: a professional must set up a
 * new one at the next login (the login asks for it when none is there).
 */
export async function resetSecondFactor(tx: Tx, accountId: string): Promise<void> {
  await tx.run(
    `MATCH (a:Account {id: $accountId})
     SET a.totpSecret = null, a.totpEnabled = false, a.totpLastStep = null`,
    { accountId },
  );
  await deleteSessionsOf(tx, accountId);
}
