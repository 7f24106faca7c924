import { createHash } from 'node:crypto';
import {
  datasetChecksum,
  hashPassword,
  placeAccountPerson,
  recordDataset,
  seal,
  upsertAccounts,
  upsertGrants,
  upsertStaff,
  type AccountRow,
  type Database,
  type GrantRow,
  type Role,
  type StaffRow,
} from '@wijkkring/graph';
import { clientKey, DEMO_CLIENTS, workerId } from './demo-circles.js';
import { slugify } from './facts.js';
import { demoAccountId, seedId } from './ids.js';

/**
 * Demo accounts for every role, for development and the browser tests only: the README lists
 * them, and a production start refuses to run while any exist (`demo: true`). Every name is
 * invented. The TOTP secrets are public on purpose (the README prints them).
 */
export const DEMO_PASSWORD = 'wijkkring-demo';

export interface DemoAccount {
  username: string;
  role: Role;
  displayName: string;
  /** Base32 TOTP secret, or null for a client who did not turn a second factor on. */
  totpSecret: string | null;
  personId: string;
}

const clientId = (name: string, wijk: string): string => seedId(`client:${clientKey({ name, wijk })}`);

export const DEMO_STAFF: readonly StaffRow[] = [
  {
    id: seedId('staff:kwartiermaker-kanaleneiland'),
    name: 'Fatima B.',
    coordinatesDistrictId: seedId(`district:${slugify('Kanaleneiland')}`),
  },
  {
    id: seedId('staff:kwartiermaker-overvecht'),
    name: 'Johan de V.',
    coordinatesDistrictId: seedId(`district:${slugify('Overvecht')}`),
  },
  { id: seedId('staff:onderzoeker'), name: 'Daan R.', coordinatesDistrictId: null },
  { id: seedId('staff:beheerder'), name: 'Lotte V.', coordinatesDistrictId: null },
];

/**
 * The demo coordinators' wijken, in order: the first is the one the app opens (issue 11: a
 * coordinator may have several). The kwartiermaker's first stays Kanaleneiland.
 */
export const DEMO_COORDINATOR_WIJKEN: readonly { personId: string; districtIds: readonly string[] }[] = [
  {
    personId: seedId('staff:kwartiermaker-kanaleneiland'),
    districtIds: [seedId(`district:${slugify('Kanaleneiland')}`)],
  },
  {
    personId: seedId('staff:kwartiermaker-overvecht'),
    districtIds: [seedId(`district:${slugify('Overvecht')}`)],
  },
];

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  {
    username: 'mohamed',
    role: 'CLIENT',
    displayName: 'Mohamed',
    totpSecret: null,
    personId: clientId('Mohamed', 'Kanaleneiland'),
  },
  {
    username: 'sanne',
    role: 'CLIENT',
    displayName: 'Sanne',
    totpSecret: '6DMNJGIEPZFMHH3MTIPF',
    personId: clientId('Sanne', 'Overvecht'),
  },
  {
    username: 'eline',
    role: 'SUPPORT_WORKER',
    displayName: 'Eline K.',
    totpSecret: '2LW6C5O77UOWEP2X56LG',
    personId: workerId('eline-k'),
  },
  {
    username: 'kwartiermaker',
    role: 'COORDINATOR',
    displayName: 'Fatima B.',
    totpSecret: '3UVDKNPFWDKH2Q2TQ3G4',
    personId: seedId('staff:kwartiermaker-kanaleneiland'),
  },
  {
    username: 'kwartiermaker-overvecht',
    role: 'COORDINATOR',
    displayName: 'Johan de V.',
    totpSecret: 'MXJ7DMRC7QVSO3OYJM46',
    personId: seedId('staff:kwartiermaker-overvecht'),
  },
  {
    username: 'onderzoeker',
    role: 'RESEARCHER',
    displayName: 'Daan R.',
    totpSecret: 'GP4D3FIGATAKQNAJ7R4E',
    personId: seedId('staff:onderzoeker'),
  },
  {
    username: 'beheerder',
    role: 'ADMIN',
    displayName: 'Lotte V.',
    totpSecret: '6IF4HRF4INPQ7RV2WC3O',
    personId: seedId('staff:beheerder'),
  },
];

/** Every demo client gave their own begeleider access; Jeroen chose to let Eline only look. */
export function demoGrants(): GrantRow[] {
  return DEMO_CLIENTS.map((client) => ({
    id: seedId(`grant:${clientKey(client)}:${client.worker}`),
    clientId: clientId(client.name, client.wijk),
    supportWorkerId: workerId(client.worker),
    level: client.name === 'Jeroen' ? 'READ' : 'EDIT',
    grantedAt: '2026-01-05T09:00:00.000Z',
    until: null,
  }));
}

const DATASET = 'demo-accounts';

/**
 * Loads the demo accounts (after the demo data, whose people they sign in as). Idempotent; skips
 * all work, including the deliberately slow password hashing, when nothing changed.
 */
export async function loadDemoAccounts(
  db: Database,
  secretKey: string,
  { force = false } = {},
): Promise<{ skipped: boolean; accounts: number }> {
  const grants = demoGrants();
  const checksum = createHash('sha256')
    .update(JSON.stringify({ DEMO_ACCOUNTS, DEMO_STAFF, DEMO_COORDINATOR_WIJKEN, grants, DEMO_PASSWORD, secretKey }))
    .digest('hex');
  if (!force && (await db.read((tx) => datasetChecksum(tx, DATASET))) === checksum)
    return { skipped: true, accounts: DEMO_ACCOUNTS.length };
  const rows: AccountRow[] = [];
  for (const account of DEMO_ACCOUNTS) {
    // One hash per account: each gets its own salt.
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    rows.push({
      id: demoAccountId(account.username),
      username: account.username,
      role: account.role,
      displayName: account.displayName,
      passwordHash,
      totpSecret: account.totpSecret === null ? null : seal(secretKey, account.totpSecret),
      personId: account.personId,
      demo: true,
    });
  }
  await db.write(async (tx) => {
    await upsertStaff(tx, [...DEMO_STAFF]);
    for (const { personId, districtIds } of DEMO_COORDINATOR_WIJKEN)
      await placeAccountPerson(tx, personId, 'COORDINATOR', null, districtIds);
    await upsertGrants(tx, grants);
    await upsertAccounts(tx, rows);
    await recordDataset(tx, DATASET, checksum);
  });
  return { skipped: false, accounts: rows.length };
}
