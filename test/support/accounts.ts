import { randomUUID } from 'node:crypto';
import { DEVELOPMENT_SECRET_KEY } from '@wijkkring/api';
import { hashPassword, seal, totpCode, upsertAccounts, upsertStaff, type Database, type Role } from '@wijkkring/graph';

export interface TestAccount {
  id: string;
  username: string;
  password: string;
  role: Role;
  totpSecret: string | null;
  personId: string;
}

/** Base32 secrets for test accounts: any 32 characters of A–Z and 2–7 will do. */
function newSecret(): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  return Array.from({ length: 32 }, () => alphabet[Math.floor(Math.random() * 32)]).join('');
}

const created: { accounts: string[]; staff: string[] } = { accounts: [], staff: [] };

/**
 * An account for a test, signing in as an existing person (a client or support worker of the
 * test's world) or as a new staff person. Professionals always get a TOTP secret.
 */
export async function createAccount(
  db: Database,
  options: { role: Role; personId?: string; districtId?: string | null; totp?: boolean },
): Promise<TestAccount> {
  const tag = randomUUID().slice(0, 8);
  let personId = options.personId;
  if (!personId) {
    personId = randomUUID();
    created.staff.push(personId);
    const staffId = personId;
    await db.write((tx) =>
      upsertStaff(tx, [{ id: staffId, name: `Medewerker ${tag}`, coordinatesDistrictId: options.districtId ?? null }]),
    );
  }
  const account: TestAccount = {
    id: randomUUID(),
    username: `test-${options.role.toLowerCase()}-${tag}`,
    password: `test-wachtwoord-${tag}`,
    role: options.role,
    totpSecret: options.role !== 'CLIENT' || options.totp ? newSecret() : null,
    personId,
  };
  const passwordHash = await hashPassword(account.password);
  await db.write((tx) =>
    upsertAccounts(tx, [
      {
        id: account.id,
        username: account.username,
        role: account.role,
        displayName: `Test ${tag}`,
        passwordHash,
        totpSecret: account.totpSecret === null ? null : seal(DEVELOPMENT_SECRET_KEY, account.totpSecret),
        personId: account.personId,
        demo: false,
      },
    ]),
  );
  created.accounts.push(account.id);
  return account;
}

/** Deletes every account, session, throttle and staff person the tests of this file created. */
export async function removeAccounts(db: Database): Promise<void> {
  const { accounts, staff } = created;
  await db.write(async (tx) => {
    await tx.run('MATCH (s:Session) WHERE s.accountId IN $accounts DELETE s', { accounts });
    await tx.run('MATCH (a:Account) WHERE a.id IN $accounts DETACH DELETE a', { accounts });
    await tx.run("MATCH (t:LoginThrottle) WHERE t.key STARTS WITH 'account:test-' DELETE t");
    await tx.run('MATCH (p:Person) WHERE p.id IN $staff DETACH DELETE p', { staff });
  });
  created.accounts = [];
  created.staff = [];
}

const lastStep = new Map<string, number>();

/**
 * A valid TOTP code that was not used before: a code works once, so a second login within the
 * same 30 seconds uses the next time step (the server accepts one step of drift).
 */
export async function freshCode(account: TestAccount): Promise<string> {
  if (!account.totpSecret) throw new Error(`${account.username} has no second factor`);
  const current = Math.floor(Date.now() / 30_000);
  let step = Math.max(current, (lastStep.get(account.id) ?? -1) + 1);
  if (step > current + 1) {
    await new Promise((resolve) => setTimeout(resolve, (step - 1) * 30_000 - Date.now() + 50));
    step = Math.max(Math.floor(Date.now() / 30_000), step);
  }
  lastStep.set(account.id, step);
  return totpCode(account.totpSecret, step * 30_000 + 1_000);
}
