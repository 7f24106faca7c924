import { DomainError } from '../errors.js';
import { one, type Tx } from '../tx.js';
import type { AccountRow, SessionRecord } from './types.js';

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

export async function enableTotp(tx: Tx, accountId: string, sealedSecret: string, step: number): Promise<void> {
  await tx.run(
    'MATCH (a:Account {id: $accountId}) SET a.totpSecret = $sealedSecret, a.totpEnabled = true, a.totpLastStep = $step',
    {
      accountId,
      sealedSecret,
      step,
    },
  );
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

/** Counts a failed login against each key; a window that ended starts again at one. */
export async function registerLoginFailure(tx: Tx, keys: readonly string[], now: number, windowMs: number): Promise<void> {
  await tx.run(
    `UNWIND $keys AS key
     MERGE (t:LoginThrottle {key: key})
     ON CREATE SET t.failures = 0, t.firstFailureAt = $now
     WITH t, t.firstFailureAt <= $now - $windowMs AS expired
     SET t.failures = CASE WHEN expired THEN 1 ELSE t.failures + 1 END,
         t.firstFailureAt = CASE WHEN expired THEN $now ELSE t.firstFailureAt END,
         t.lastFailureAt = $now`,
    { keys, now, windowMs },
  );
}

export async function clearLoginFailures(tx: Tx, key: string): Promise<void> {
  await tx.run('MATCH (t:LoginThrottle {key: $key}) DELETE t', { key });
}

/** A signed-in account that starts setting up a second factor keeps the secret on its session until confirmed. */
export async function setSessionPendingSecret(tx: Tx, idHash: string, sealedSecret: string | null): Promise<void> {
  await tx.run('MATCH (s:Session {idHash: $idHash}) SET s.pendingSecret = $sealedSecret', { idHash, sealedSecret });
}
