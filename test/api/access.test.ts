import { randomUUID } from 'node:crypto';
import { POLICY, POLICY_ROLES, type PolicyRole, type RunningServer, type Rule } from '@wijkkring/api';
import {
  Database,
  upsertCircles,
  upsertClients,
  upsertContacts,
  upsertGrants,
  upsertKeyFigures,
  upsertLinks,
  upsertOfferings,
  upsertOrganisations,
  upsertPartnerships,
  upsertWijkActions,
} from '@wijkkring/graph';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createAccount, removeAccounts } from '../support/accounts.js';
import { ApiSession, LiveStream, signedIn, startTestServer, type GraphQLResponse } from '../support/api-client.js';
import { createWorld, type World } from '../support/fixtures.js';

/**
 * The access policy (api/src/access/policy.ts) executed cell by cell: for every row and every
 * role, a real request over HTTP whose outcome must match what the row says. "Near" subjects
 * satisfy every condition for the signed-in accounts (their own client, the client who granted
 * the worker access, the coordinator's own district); "far" subjects satisfy none.
 */

let db: Database;
let server: RunningServer;
let world: World;
const sessions = {} as Record<PolicyRole, ApiSession>;
/** A second client in the same wijk, whose circle nobody here was given. */
const far = {
  clientId: randomUUID(),
  circleId: randomUUID(),
  contactId: randomUUID(),
  keyFigureId: randomUUID(),
  // The wijkkaart's rows (issue 9): things that lie only in the other wijk.
  organisationId: randomUUID(),
  otherOrganisationId: randomUUID(),
  linkId: randomUUID(),
  offeringId: randomUUID(),
  partnershipId: randomUUID(),
  actionId: randomUUID(),
};
const nearContactName = `Buurman${randomUUID().slice(0, 6)}`;

beforeAll(async () => {
  db = new Database(inject('neo4j'));
  world = await createWorld(db);
  await db.write(async (tx) => {
    await upsertClients(tx, [{ id: far.clientId, name: `Ander ${world.tag}`, districtId: world.districtId }]);
    await upsertContacts(tx, [
      { id: far.contactId, clientId: far.clientId, name: `Broer ${world.tag}` },
      { id: randomUUID(), clientId: world.clientId, name: nearContactName },
    ]);
    await upsertCircles(tx, [
      {
        id: far.circleId,
        clientId: far.clientId,
        label: null,
        createdAt: '2026-05-01T10:00:00Z',
        frozenAt: null,
        entries: [
          {
            id: randomUUID(),
            targetId: far.contactId,
            ring: 1,
            sector: 'FAMILY',
            position: 0,
            relation: 'broer',
            support: [],
            wish: null,
            note: null,
          },
        ],
      },
    ]);
    await upsertKeyFigures(tx, [
      {
        id: far.keyFigureId,
        name: `Elders ${world.tag}`,
        description: null,
        districtId: world.otherDistrictId,
        mapConsent: false,
      },
    ]);
    const elsewhere = (id: string, name: string) => ({
      id,
      name: `${name} ${world.tag}`,
      slug: `${name.toLowerCase()}-${world.tag}`,
      tier: 1 as const,
      sector: 'SOCIAL_BASE' as const,
      classification: 'assumed' as const,
      note: null,
      districtIds: [world.otherDistrictId],
    });
    await upsertOrganisations(tx, [elsewhere(far.organisationId, 'Ver'), elsewhere(far.otherOrganisationId, 'Verder')]);
    await upsertLinks(tx, [
      {
        id: far.linkId,
        fromId: far.organisationId,
        toId: far.otherOrganisationId,
        kind: 'COLLABORATION',
        since: '2024-01-01',
        until: null,
        strength: null,
        source: 'USER',
        note: null,
      },
    ]);
    await upsertOfferings(tx, [
      {
        id: far.offeringId,
        organisationId: far.organisationId,
        districtId: world.otherDistrictId,
        category: 'SPORT',
        name: 'Sport',
      },
    ]);
    await upsertPartnerships(tx, [
      {
        id: far.partnershipId,
        name: `Ver kernteam ${world.tag}`,
        kind: 'CORE_TEAM',
        districtId: world.otherDistrictId,
        memberIds: [],
      },
    ]);
    await upsertWijkActions(tx, [
      {
        id: far.actionId,
        districtId: world.otherDistrictId,
        title: 'Kennismaking',
        signalCode: null,
        signalKey: null,
        nodeIds: [far.organisationId],
        owner: 'Iemand',
        due: null,
        status: 'OPEN',
        createdAt: '2026-01-01T00:00:00Z',
        createdByAccountId: null,
      },
    ]);
    await upsertGrants(tx, [
      {
        id: randomUUID(),
        clientId: world.clientId,
        supportWorkerId: world.workerId,
        level: 'EDIT',
        grantedAt: '2026-01-01T00:00:00Z',
        until: null,
      },
    ]);
  });
  server = await startTestServer(db);
  sessions.ANONYMOUS = new ApiSession(server);
  sessions.CLIENT = await signedIn(server, await createAccount(db, { role: 'CLIENT', personId: world.clientId }));
  sessions.SUPPORT_WORKER = await signedIn(server, await createAccount(db, { role: 'SUPPORT_WORKER', personId: world.workerId }));
  sessions.COORDINATOR = await signedIn(server, await createAccount(db, { role: 'COORDINATOR', districtId: world.districtId }));
  sessions.RESEARCHER = await signedIn(server, await createAccount(db, { role: 'RESEARCHER' }));
  sessions.ADMIN = await signedIn(server, await createAccount(db, { role: 'ADMIN' }));
});

afterAll(async () => {
  await server.close();
  await removeAccounts(db);
  await db.write(async (tx) => {
    await tx.run('MATCH (n) WHERE n.id IN $ids DETACH DELETE n', { ids: Object.values(far) });
    await tx.run('MATCH (f:Offering {id: $id}) DETACH DELETE f', { id: far.offeringId });
  });
  await world.remove();
  await db.close();
});

type Reach = 'near' | 'far';

interface Probe {
  /** The policy row this request exercises. */
  operation: string;
  reach: Reach;
  /** Checked types the answer contains (when there is data to return). */
  types: (keyof typeof POLICY.types)[];
  /** Types that appear only as list items here (a type that omits what may not be seen from lists). */
  lists?: (keyof typeof POLICY.types)[];
  query: string;
  variables?: () => Record<string, unknown>;
  /** Sent as a live stream: no event within a moment means the subscription was accepted. */
  subscription?: boolean;
}

const uuid = (): string => randomUUID();

/** One request per row (two where the row has a condition on the subject), each failing late on purpose where it would change data. */
const PROBES: Probe[] = [
  { operation: 'Query.viewer', reach: 'near', types: [], query: '{ viewer { username } }' },
  { operation: 'Query.circleLayout', reach: 'near', types: [], query: '{ circleLayout { rings { ring } } }' },
  {
    operation: 'Query.districts',
    reach: 'near',
    types: ['District'],
    lists: ['District'],
    query: '{ districts(first: 100) { nodes { id } } }',
  },
  {
    operation: 'Query.district',
    reach: 'near',
    types: ['District', 'Organisation', 'KeyFigure', 'Link', 'Partnership', 'Offering'],
    lists: ['KeyFigure'],
    query:
      'query ($id: ID!) { district(id: $id) { id organisations { id } keyFigures { id } links { id } partnerships { id } offerings { id } } }',
    variables: () => ({ id: world.districtId }),
  },
  {
    operation: 'Query.district',
    reach: 'far',
    types: ['District'],
    query: 'query ($id: ID!) { district(id: $id) { id } }',
    variables: () => ({ id: world.otherDistrictId }),
  },
  {
    operation: 'Query.organisation',
    reach: 'near',
    types: ['Organisation'],
    query: 'query ($id: ID!) { organisation(id: $id) { id name } }',
    variables: () => ({ id: world.organisations.walkIn.id }),
  },
  {
    operation: 'Query.organisations',
    reach: 'near',
    types: ['Organisation'],
    query: 'query ($d: ID!) { organisations(first: 5, districtId: $d) { nodes { id } } }',
    variables: () => ({ d: world.districtId }),
  },
  {
    operation: 'Query.client',
    reach: 'near',
    types: ['Client'],
    query: 'query ($id: ID!) { client(id: $id) { id name } }',
    variables: () => ({ id: world.clientId }),
  },
  {
    operation: 'Query.client',
    reach: 'far',
    types: ['Client'],
    query: 'query ($id: ID!) { client(id: $id) { id name } }',
    variables: () => ({ id: far.clientId }),
  },
  { operation: 'Query.clients', reach: 'near', types: ['Client'], query: '{ clients(first: 10) { nodes { id } } }' },
  {
    operation: 'Query.networkCircle',
    reach: 'near',
    types: ['NetworkCircle', 'CircleEntry', 'CirclePerson', 'CircleTie'],
    query:
      'query ($id: ID!) { networkCircle(id: $id) { id entries { id target { ... on CirclePerson { name } } } ties { id } } }',
    variables: () => ({ id: world.circle.id }),
  },
  {
    operation: 'Query.networkCircle',
    reach: 'far',
    types: ['NetworkCircle'],
    query: 'query ($id: ID!) { networkCircle(id: $id) { id entries { id } } }',
    variables: () => ({ id: far.circleId }),
  },
  { operation: 'Query.myGrants', reach: 'near', types: ['AccessGrant'], query: '{ myGrants { id supportWorker { name } } }' },
  {
    operation: 'Query.supportWorkers',
    reach: 'near',
    types: ['SupportWorker'],
    query: 'query ($s: String) { supportWorkers(first: 5, search: $s) { nodes { id } } }',
    variables: () => ({ s: world.tag }),
  },
  {
    operation: 'Query.myAuditTrail',
    reach: 'near',
    types: ['AuditEvent'],
    query: '{ myAuditTrail(first: 5) { nodes { id actorName } } }',
  },
  {
    operation: 'Query.circlePeople',
    reach: 'near',
    types: ['CirclePersonMatch'],
    query: 'query ($n: String!) { circlePeople(name: $n) { id } }',
    variables: () => ({ n: nearContactName }),
  },
  {
    operation: 'Client.grants',
    reach: 'near',
    types: ['Client', 'AccessGrant'],
    query: 'query ($id: ID!) { client(id: $id) { id grants { id } } }',
    variables: () => ({ id: world.clientId }),
  },
  {
    operation: 'Mutation.login',
    reach: 'near',
    types: [],
    query: 'mutation ($u: String!) { login(input: { username: $u, password: "fout" }) { status } }',
    variables: () => ({ u: `niemand-${uuid()}` }),
  },
  {
    operation: 'Mutation.verifyTotp',
    reach: 'near',
    types: [],
    query: 'mutation { verifyTotp(input: { code: "000000" }) { status } }',
  },
  {
    operation: 'Mutation.confirmTotpSetup',
    reach: 'near',
    types: [],
    query: 'mutation { confirmTotpSetup(input: { code: "000000" }) { status } }',
  },
  { operation: 'Mutation.startTotpSetup', reach: 'near', types: [], query: 'mutation { startTotpSetup { secret } }' },
  {
    operation: 'Mutation.changePassword',
    reach: 'near',
    types: [],
    query: 'mutation { changePassword(input: { currentPassword: "fout", newPassword: "kort" }) { ok } }',
  },
  {
    operation: 'Mutation.setKeyFigureConsent',
    reach: 'near',
    types: [],
    query: 'mutation ($id: ID!) { setKeyFigureConsent(input: { keyFigureId: $id, consent: true }) { ok } }',
    variables: () => ({ id: world.keyFigureId }),
  },
  {
    operation: 'Mutation.setKeyFigureConsent',
    reach: 'far',
    types: [],
    query: 'mutation ($id: ID!) { setKeyFigureConsent(input: { keyFigureId: $id, consent: false }) { ok } }',
    variables: () => ({ id: far.keyFigureId }),
  },
  {
    operation: 'Mutation.grantAccess',
    reach: 'near',
    types: [],
    query: 'mutation ($w: ID!) { grantAccess(input: { supportWorkerId: $w, level: READ }) { id } }',
    variables: () => ({ w: uuid() }),
  },
  {
    operation: 'Mutation.revokeAccess',
    reach: 'near',
    types: [],
    query: 'mutation ($g: ID!) { revokeAccess(input: { grantId: $g }) { id } }',
    variables: () => ({ g: uuid() }),
  },
  {
    operation: 'Mutation.setAnalysisConsent',
    reach: 'near',
    types: ['Client'],
    query: 'mutation { setAnalysisConsent(input: { consent: false }) { id analysisConsent } }',
  },
  { operation: 'Mutation.exportMyData', reach: 'near', types: [], query: 'mutation { exportMyData { fileName } }' },
  {
    operation: 'Mutation.eraseMyData',
    reach: 'near',
    types: [],
    query: 'mutation { eraseMyData(input: { confirmation: "nee" }) { ok } }',
  },
  {
    operation: 'Mutation.eraseCirclePeople',
    reach: 'near',
    types: [],
    query: 'mutation ($p: ID!) { eraseCirclePeople(input: { personIds: [$p] }) { ok } }',
    variables: () => ({ p: uuid() }),
  },
  {
    operation: 'Mutation.rectifyCirclePerson',
    reach: 'near',
    types: [],
    query: 'mutation ($p: ID!) { rectifyCirclePerson(input: { personId: $p, name: "Kees" }) { ok } }',
    variables: () => ({ p: uuid() }),
  },
  {
    operation: 'Query.accounts',
    reach: 'near',
    types: ['Account'],
    query: '{ accounts(first: 5) { nodes { id username active } } }',
  },
  {
    operation: 'Mutation.setAccountActive',
    reach: 'near',
    types: [],
    query: 'mutation ($a: ID!) { setAccountActive(input: { accountId: $a, active: false }) { id } }',
    variables: () => ({ a: uuid() }),
  },
  // Accounts (issue 11): each fails late for an admin (an unknown organisation or account), so the probe changes nothing.
  {
    operation: 'Mutation.createAccount',
    reach: 'near',
    types: [],
    query:
      'mutation ($o: ID!, $u: String!) { createAccount(input: { role: SUPPORT_WORKER, displayName: "Probe", username: $u, organisationId: $o }) { account { id } } }',
    variables: () => ({ o: uuid(), u: `probe-${uuid().slice(0, 8)}` }),
  },
  {
    operation: 'Mutation.issueActivationCode',
    reach: 'near',
    types: [],
    query: 'mutation ($a: ID!) { issueActivationCode(input: { accountId: $a }) { account { id } } }',
    variables: () => ({ a: uuid() }),
  },
  {
    operation: 'Mutation.updateAccount',
    reach: 'near',
    types: [],
    query: 'mutation ($a: ID!) { updateAccount(input: { accountId: $a, role: RESEARCHER }) { account { id } } }',
    variables: () => ({ a: uuid() }),
  },
  {
    operation: 'Mutation.resetSecondFactor',
    reach: 'near',
    types: [],
    query: 'mutation ($a: ID!) { resetSecondFactor(input: { accountId: $a }) { account { id } } }',
    variables: () => ({ a: uuid() }),
  },
  {
    operation: 'Mutation.activateAccount',
    reach: 'near',
    types: [],
    // An unknown username: INVALID_CREDENTIALS for everyone (the row lets everyone try).
    query:
      'mutation ($u: String!) { activateAccount(input: { username: $u, code: "AAAA-AAAA-AAAA-AAAA-AAAA", password: "een-goed-wachtwoord" }) { status } }',
    variables: () => ({ u: `niemand-${uuid().slice(0, 8)}` }),
  },
  // Drawing the circle (issue 4). Edits of the near circle fail late (unknown entry or organisation) after the policy let them through.
  ...(['near', 'far'] as const).flatMap((reach): Probe[] => {
    const circleId = () => (reach === 'near' ? world.circle.id : far.circleId);
    return [
      {
        operation: 'Query.compareCircles',
        reach,
        types: ['CircleComparison', 'NetworkCircle'],
        query: 'query ($a: ID!, $b: ID!) { compareCircles(earlierId: $a, laterId: $b) { changes { kind name } } }',
        variables: () => ({ a: reach === 'near' ? world.oldCircle.id : far.circleId, b: circleId() }),
      },
      {
        operation: 'Query.circleOrganisationSearch',
        reach,
        types: ['CircleOrganisationMatch'],
        query: 'query ($id: ID!) { circleOrganisationSearch(circleId: $id, search: "") { inClientDistrict } }',
        variables: () => ({ id: circleId() }),
      },
      {
        operation: 'Query.districtOffers',
        reach,
        types: [],
        query: 'query ($id: ID!) { districtOffers(circleId: $id) { offers { id inCircle } } }',
        variables: () => ({ id: circleId() }),
      },
      {
        operation: 'Subscription.circleChanged',
        reach,
        types: ['CircleEvent'],
        subscription: true,
        query: 'subscription ($id: ID!) { circleChanged(circleId: $id) { version } }',
        variables: () => ({ id: circleId() }),
      },
      {
        operation: 'Mutation.addCircleEntry',
        reach,
        types: [],
        query:
          'mutation ($id: ID!, $o: ID!) { addCircleEntry(input: { circleId: $id, organisationId: $o, ring: 1, sector: "FAMILY" }) { version } }',
        variables: () => ({ id: circleId(), o: uuid() }),
      },
      ...(['updateCircleEntry', 'removeCircleEntry'] as const).map((name): Probe => ({
        operation: `Mutation.${name}`,
        reach,
        types: [],
        query: `mutation ($id: ID!, $e: ID!) { ${name}(input: { circleId: $id, entryId: $e, expectedVersion: 1 }) { version } }`,
        variables: () => ({ id: circleId(), e: uuid() }),
      })),
      {
        operation: 'Mutation.moveCircleEntry',
        reach,
        types: [],
        query:
          'mutation ($id: ID!, $e: ID!) { moveCircleEntry(input: { circleId: $id, entryId: $e, expectedVersion: 1, ring: 1, sector: "FAMILY" }) { version } }',
        variables: () => ({ id: circleId(), e: uuid() }),
      },
      {
        operation: 'Mutation.addCircleTie',
        reach,
        types: [],
        query:
          'mutation ($id: ID!, $a: ID!, $b: ID!) { addCircleTie(input: { circleId: $id, fromEntryId: $a, toEntryId: $b }) { version } }',
        variables: () => ({ id: circleId(), a: uuid(), b: uuid() }),
      },
      {
        operation: 'Mutation.removeCircleTie',
        reach,
        types: [],
        query: 'mutation ($id: ID!, $t: ID!) { removeCircleTie(input: { circleId: $id, tieId: $t }) { version } }',
        variables: () => ({ id: circleId(), t: `${uuid()}~${uuid()}` }),
      },
      {
        operation: 'Mutation.recordCirclePrint',
        reach,
        types: [],
        query: 'mutation ($id: ID!) { recordCirclePrint(input: { circleId: $id, format: PNG }) { ok } }',
        variables: () => ({ id: circleId() }),
      },
      // Really freezes the near circle (for each role allowed to): there is nothing to fail late on.
      {
        operation: 'Mutation.freezeCircle',
        reach,
        types: [],
        query: 'mutation ($id: ID!) { freezeCircle(input: { circleId: $id }) { version } }',
        variables: () => ({ id: circleId() }),
      },
    ];
  }),
  // The wijkkaart (issue 9). Changes in the near wijk fail late (an unknown id) after the policy let them through;
  // in the far wijk they name things that exist there, so only the policy can stop them.
  {
    operation: 'Query.wijkMap',
    reach: 'near',
    types: ['WijkMap', 'District', 'Organisation', 'KeyFigure', 'Link', 'Offering', 'Partnership'],
    lists: ['KeyFigure', 'Link'],
    query:
      'query ($s: String!) { wijkMap(slug: $s) { district { id } organisations { id } outsideOrganisations { id } keyFigures { id } links { id } offerings { id } partnerships { id } } }',
    variables: () => ({ s: world.districtSlug }),
  },
  {
    operation: 'Query.wijkMap',
    reach: 'far',
    types: ['WijkMap', 'Organisation', 'Link'],
    lists: ['Link'],
    query: 'query ($id: ID!) { wijkMap(id: $id) { organisations { id } links { id } } }',
    variables: () => ({ id: world.otherDistrictId }),
  },
  {
    operation: 'Query.districtComparison',
    reach: 'near',
    types: ['DistrictComparison', 'District'],
    query: '{ districtComparison { districts { id } measures { density } } }',
  },
  ...(['near', 'far'] as const).flatMap((reach): Probe[] => {
    const districtId = () => (reach === 'near' ? world.districtId : world.otherDistrictId);
    const near = reach === 'near';
    return [
      {
        operation: 'Query.wijkSignals',
        reach,
        types: ['WijkSignal'],
        lists: ['WijkSignal'],
        query: 'query ($d: ID!) { wijkSignals(districtId: $d) { signals { key code } } }',
        variables: () => ({ d: districtId() }),
      },
      {
        operation: 'Query.wijkActions',
        reach,
        types: ['WijkAction'],
        query: 'query ($d: ID!) { wijkActions(districtId: $d) { id title } }',
        variables: () => ({ d: districtId() }),
      },
      {
        operation: 'Mutation.recordLink',
        reach,
        types: [],
        query:
          'mutation ($d: ID!, $a: ID!, $b: ID!) { recordLink(input: { districtId: $d, fromId: $a, toId: $b, kind: REFERRAL }) { link { id } } }',
        variables: () => ({ d: districtId(), a: near ? uuid() : far.organisationId, b: near ? uuid() : far.otherOrganisationId }),
      },
      {
        operation: 'Mutation.updateLink',
        reach,
        types: [],
        query: 'mutation ($id: ID!) { updateLink(input: { id: $id, kind: COLLABORATION, since: "2024-01-01" }) { link { id } } }',
        variables: () => ({ id: near ? uuid() : far.linkId }),
      },
      {
        operation: 'Mutation.endLink',
        reach,
        types: [],
        query: 'mutation ($id: ID!) { endLink(input: { id: $id, until: "2023-01-01" }) { link { id } } }',
        variables: () => ({ id: near ? uuid() : far.linkId }),
      },
      {
        operation: 'Mutation.recordKeyFigure',
        reach,
        types: [],
        query:
          'mutation ($d: ID!) { recordKeyFigure(input: { districtId: $d, name: "Noor", consent: false, consentDate: "2026-01-01" }) { keyFigure { id } } }',
        variables: () => ({ d: districtId() }),
      },
      {
        operation: 'Mutation.joinPartnership',
        reach,
        types: [],
        query:
          'mutation ($p: ID!, $o: ID!) { joinPartnership(input: { partnershipId: $p, organisationId: $o, since: "2026-01-01" }) { ok } }',
        variables: () => ({ p: near ? world.partnershipId : far.partnershipId, o: uuid() }),
      },
      {
        operation: 'Mutation.leavePartnership',
        reach,
        types: [],
        query:
          'mutation ($p: ID!, $o: ID!) { leavePartnership(input: { partnershipId: $p, organisationId: $o, until: "2026-01-01" }) { ok } }',
        variables: () => ({ p: near ? world.partnershipId : far.partnershipId, o: uuid() }),
      },
      {
        operation: 'Mutation.recordOffering',
        reach,
        types: [],
        query:
          'mutation ($d: ID!, $o: ID!) { recordOffering(input: { districtId: $d, organisationId: $o, category: SPORT, name: "Sport" }) { offering { id } } }',
        variables: () => ({ d: districtId(), o: near ? uuid() : world.organisations.walkIn.id }),
      },
      {
        operation: 'Mutation.updateOffering',
        reach,
        types: [],
        query: 'mutation ($id: ID!) { updateOffering(input: { id: $id, category: SPORT, name: "Sport" }) { offering { id } } }',
        variables: () => ({ id: near ? uuid() : far.offeringId }),
      },
      {
        operation: 'Mutation.endOffering',
        reach,
        types: [],
        query: 'mutation ($id: ID!) { endOffering(input: { id: $id, until: "2000-01-01" }) { offering { id } } }',
        variables: () => ({ id: near ? uuid() : far.offeringId }),
      },
      {
        operation: 'Mutation.createWijkAction',
        reach,
        types: [],
        query:
          'mutation ($d: ID!, $n: ID!) { createWijkAction(input: { districtId: $d, title: "Kennismaking", owner: "Ik", nodeIds: [$n] }) { action { id } } }',
        variables: () => ({ d: districtId(), n: uuid() }),
      },
      {
        operation: 'Mutation.updateWijkAction',
        reach,
        types: [],
        query:
          'mutation ($id: ID!) { updateWijkAction(input: { id: $id, expectedVersion: 999, title: "Kennismaking", owner: "Ik", status: OPEN }) { action { id } } }',
        variables: () => ({ id: near ? uuid() : far.actionId }),
      },
    ];
  }),
  // Onderzoek (issue 10).
  {
    operation: 'Query.researchNetworkSeries',
    reach: 'near',
    types: ['ResearchNetworkSeries'],
    query:
      'query ($d: ID!) { researchNetworkSeries(granularity: QUARTER, periods: 2, districtIds: [$d]) { districtName periods { links brokers { name } } } }',
    variables: () => ({ d: world.districtId }),
  },
  {
    operation: 'Query.researchNetworkExport',
    reach: 'near',
    types: ['ResearchFile'],
    query: 'query ($d: ID!) { researchNetworkExport(districtId: $d, date: "2026-11-30", format: GRAPHML) { filename content } }',
    variables: () => ({ d: world.districtId }),
  },
  { operation: 'Query.researchQuarters', reach: 'near', types: [], query: '{ researchQuarters }' },
  {
    operation: 'Query.researchAggregates',
    reach: 'near',
    types: ['ResearchAggregates'],
    query: '{ researchAggregates(quarter: "2026-Q3") { k rows { districtName clients { value suppressed } } } }',
  },
  { operation: 'Query.researchStudies', reach: 'near', types: ['ResearchStudy'], query: '{ researchStudies { id name } }' },
  {
    operation: 'Mutation.startEgoNetworkExport',
    reach: 'near',
    types: ['ResearchDownload'],
    query: 'mutation { startEgoNetworkExport { url expiresAt } }',
  },
  {
    operation: 'Mutation.createResearchStudy',
    reach: 'near',
    types: ['ResearchStudy'],
    // Fails late for an admin (a name below three characters), so the probe changes nothing.
    query: 'mutation { createResearchStudy(name: "x") { id } }',
  },
  // Organisations, wijken and partnerships (issue 11): the admin only. Each change fails late for an
  // admin (an unknown wijk or record), so the probe changes nothing.
  { operation: 'Query.adminOrganisations', reach: 'near', types: [], query: '{ adminOrganisations(first: 5) { nodes { id } } }' },
  {
    operation: 'Query.adminOrganisation',
    reach: 'near',
    types: [],
    query: 'query ($id: ID!) { adminOrganisation(id: $id) { id offerings { id } memberships { partnershipId } } }',
    variables: () => ({ id: world.organisations.walkIn.id }),
  },
  {
    operation: 'Query.organisationMergePreview',
    reach: 'near',
    types: [],
    query: 'query ($d: ID!, $k: ID!) { organisationMergePreview(duplicateId: $d, keepId: $k) { moves { links } } }',
    variables: () => ({ d: world.organisations.island.id, k: world.organisations.walkIn.id }),
  },
  { operation: 'Query.adminDistricts', reach: 'near', types: [], query: '{ adminDistricts(first: 5) { nodes { id } } }' },
  { operation: 'Query.adminPartnerships', reach: 'near', types: [], query: '{ adminPartnerships(first: 5) { nodes { id } } }' },
  {
    operation: 'Mutation.createOrganisation',
    reach: 'near',
    types: [],
    query:
      'mutation ($d: ID!) { createOrganisation(input: { name: "Probe", sector: SOCIAL_BASE, districtIds: [$d] }) { organisation { id } } }',
    variables: () => ({ d: uuid() }),
  },
  {
    operation: 'Mutation.updateOrganisation',
    reach: 'near',
    types: [],
    query:
      'mutation ($id: ID!) { updateOrganisation(input: { id: $id, name: "Probe", sector: SOCIAL_BASE, districtIds: [] }) { organisation { id } } }',
    variables: () => ({ id: uuid() }),
  },
  {
    operation: 'Mutation.endOrganisation',
    reach: 'near',
    types: [],
    query: 'mutation ($id: ID!) { endOrganisation(input: { id: $id, until: "2026-01-01" }) { endedLinks } }',
    variables: () => ({ id: uuid() }),
  },
  {
    operation: 'Mutation.mergeOrganisations',
    reach: 'near',
    types: [],
    query: 'mutation ($d: ID!, $k: ID!) { mergeOrganisations(input: { duplicateId: $d, keepId: $k }) { moved { links } } }',
    variables: () => ({ d: uuid(), k: uuid() }),
  },
  {
    operation: 'Mutation.createDistrict',
    reach: 'near',
    types: [],
    query:
      'mutation ($p: ID!, $n: String!) { createDistrict(input: { name: $n, slug: "probe-wijk", partOfId: $p }) { district { id } } }',
    variables: () => ({ p: uuid(), n: `Probe ${uuid().slice(0, 8)}` }),
  },
  {
    operation: 'Mutation.updateDistrict',
    reach: 'near',
    types: [],
    query: 'mutation ($id: ID!) { updateDistrict(input: { id: $id, name: "Probe" }) { district { id } } }',
    variables: () => ({ id: uuid() }),
  },
  {
    operation: 'Mutation.endDistrict',
    reach: 'near',
    types: [],
    query: 'mutation ($id: ID!) { endDistrict(input: { id: $id, until: "2026-01-01" }) { district { id } } }',
    variables: () => ({ id: uuid() }),
  },
  {
    operation: 'Mutation.createPartnership',
    reach: 'near',
    types: [],
    query:
      'mutation ($d: ID!, $n: String!) { createPartnership(input: { name: $n, kind: CORE_TEAM, cityWide: false, districtId: $d }) { partnership { id } } }',
    variables: () => ({ d: uuid(), n: `Probe ${uuid().slice(0, 8)}` }),
  },
  {
    operation: 'Mutation.updatePartnership',
    reach: 'near',
    types: [],
    query:
      'mutation ($id: ID!) { updatePartnership(input: { id: $id, name: "Probe", kind: CORE_TEAM, cityWide: true }) { partnership { id } } }',
    variables: () => ({ id: uuid() }),
  },
  {
    operation: 'Mutation.endPartnership',
    reach: 'near',
    types: [],
    query: 'mutation ($id: ID!) { endPartnership(input: { id: $id, until: "2026-01-01" }) { partnership { id } } }',
    variables: () => ({ id: uuid() }),
  },
  // Audit review (issue 11): the admin only.
  {
    operation: 'Query.auditSearch',
    reach: 'near',
    types: [],
    query: '{ auditSearch(first: 1, filter: { result: "DENIED" }) { nodes { seq } pageInfo { totalCount } } }',
  },
  {
    operation: 'Query.auditExport',
    reach: 'near',
    types: [],
    query: '{ auditExport(filter: { from: "2020-01-01", to: "2020-01-01" }) { filename rows } }',
  },
  {
    operation: 'Query.auditReview',
    reach: 'near',
    types: [],
    query: '{ auditReview(from: "2026-11-01", to: "2026-11-02") { flags { kind } } }',
  },
  { operation: 'Mutation.verifyAuditChain', reach: 'near', types: [], query: 'mutation { verifyAuditChain { ok } }' },
  // Import of a sociale kaart (issue 11): an id nobody uploaded, so an admin gets NOT_FOUND and nothing changes.
  {
    operation: 'Query.socialMapImportPreview',
    reach: 'near',
    types: [],
    query: 'query ($id: ID!) { socialMapImportPreview(uploadId: $id) { canApply totals { lines } } }',
    variables: () => ({ id: uuid() }),
  },
  {
    operation: 'Mutation.applySocialMapImport',
    reach: 'near',
    types: [],
    query: 'mutation ($id: ID!) { applySocialMapImport(uploadId: $id) { totals { create } } }',
    variables: () => ({ id: uuid() }),
  },
  // Last: it ends the session.
  { operation: 'Mutation.logout', reach: 'near', types: [], query: 'mutation { logout { ok } }' },
];

/** A refused subscription answers with one error event at once; an accepted one waits quietly for changes. */
async function firstEvent(session: ApiSession, query: string, variables: Record<string, unknown>): Promise<GraphQLResponse> {
  const stream = await LiveStream.open(server, query, variables, session.cookie);
  try {
    return (await stream.next(700)) ?? { status: stream.status, cookies: [] };
  } finally {
    stream.close();
  }
}

/** What a rule says for a subject that satisfies every condition (near) or none (far). */
function permits(rule: Rule, reach: Reach): boolean {
  if (rule === 'allow') return true;
  if (rule === 'deny') return false;
  return reach === 'near';
}

function expectedAllowed(probe: Probe, role: PolicyRole): boolean {
  const operation = (POLICY.operations as Record<string, { rules: Record<PolicyRole, Rule> }>)[probe.operation];
  if (!operation) throw new Error(`${probe.operation} has no row`);
  // Root rows with a condition check the subject too; object rows (Client.grants) apply to a near parent.
  if (!permits(operation.rules[role], probe.reach)) return false;
  return probe.types.every((type) => {
    const policy: { rules: Record<PolicyRole, Rule>; omitFromLists?: boolean } = POLICY.types[type];
    return permits(policy.rules[role], probe.reach) || (policy.omitFromLists === true && (probe.lists ?? []).includes(type));
  });
}

/** Refused by the policy: FORBIDDEN, or UNAUTHENTICATED naming the policy row or field. */
function refused(response: GraphQLResponse): boolean {
  return (response.errors ?? []).some(
    (e) =>
      e.extensions?.code === 'FORBIDDEN' || (e.extensions?.code === 'UNAUTHENTICATED' && typeof e.extensions.field === 'string'),
  );
}

describe('the access policy, cell by cell (issue 3)', () => {
  it('has a probe for every row and every checked type', () => {
    const probed = new Set(PROBES.map((p) => p.operation));
    expect(Object.keys(POLICY.operations).filter((key) => !probed.has(key))).toEqual([]);
    const types = new Set(PROBES.flatMap((p) => p.types));
    expect(
      Object.keys(POLICY.types).filter((type) => type !== 'Viewer' && !types.has(type as keyof typeof POLICY.types)),
    ).toEqual([]);
  });

  it('answers every role and every row as the policy says', async () => {
    const mismatches: string[] = [];
    for (const probe of PROBES) {
      for (const role of POLICY_ROLES) {
        const response = probe.subscription
          ? await firstEvent(sessions[role], probe.query, probe.variables?.() ?? {})
          : await sessions[role].graphql(probe.query, probe.variables?.() ?? {});
        const internal = (response.errors ?? []).find((e) => e.extensions?.code === 'INTERNAL');
        if (internal) mismatches.push(`${probe.operation} (${probe.reach}) as ${role}: unexpected error ${internal.message}`);
        const expected = expectedAllowed(probe, role);
        if (refused(response) === expected) {
          mismatches.push(
            `${probe.operation} (${probe.reach}) as ${role}: expected ${expected ? 'allowed' : 'refused'}, got ${JSON.stringify(response.errors ?? response.data)}`,
          );
        }
      }
    }
    expect(mismatches).toEqual([]);
  });
});

describe('object-level and path checks (issue 3)', () => {
  let client: ApiSession;
  let worker: ApiSession;
  let coordinator: ApiSession;
  let researcher: ApiSession;

  beforeAll(async () => {
    client = await signedIn(server, await createAccount(db, { role: 'CLIENT', personId: world.clientId }));
    worker = await signedIn(server, await createAccount(db, { role: 'SUPPORT_WORKER', personId: world.workerId }));
    coordinator = await signedIn(server, await createAccount(db, { role: 'COORDINATOR', districtId: world.districtId }));
    researcher = await signedIn(server, await createAccount(db, { role: 'RESEARCHER' }));
  });

  it("refuses a client who guesses another client's circle, client and snapshot ids", async () => {
    for (const [query, id] of [
      ['query ($id: ID!) { networkCircle(id: $id) { id entries { id } } }', far.circleId],
      ['query ($id: ID!) { client(id: $id) { name currentCircle { id } circles { id } } }', far.clientId],
    ] as const) {
      const response = await client.graphql(query, { id });
      expect(response.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(JSON.stringify(response.data)).not.toContain('Ander');
      expect(JSON.stringify(response.data)).not.toContain('Broer');
    }
  });

  it('lets a support worker see a circle only while the grant is active, and not another client', async () => {
    const own = await worker.graphql<{ networkCircle: { id: string } }>('query ($id: ID!) { networkCircle(id: $id) { id } }', {
      id: world.circle.id,
    });
    expect(own.data?.networkCircle.id).toBe(world.circle.id);
    const other = await worker.graphql('query ($id: ID!) { networkCircle(id: $id) { id } }', { id: far.circleId });
    expect(other.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const list = await worker.graphql<{ clients: { nodes: { id: string }[] } }>('{ clients(first: 50) { nodes { id } } }');
    expect(list.data?.clients.nodes.map((c) => c.id)).toEqual([world.clientId]);
  });

  it('never shows a coordinator or researcher a circle, a client or a person who only appears in circles, by any path', async () => {
    const secrets = [
      world.clientId,
      world.circle.id,
      world.sisterId,
      `Cliënt ${world.tag}`,
      'Fatima',
      nearContactName,
      far.clientId,
      far.circleId,
    ];
    const attempts: [string, Record<string, unknown>][] = [
      ['query ($id: ID!) { networkCircle(id: $id) { id } }', { id: world.circle.id }],
      ['query ($id: ID!) { client(id: $id) { id name } }', { id: world.clientId }],
      ['{ clients(first: 100) { nodes { id name } } }', {}],
      ['{ myGrants { id } }', {}],
      ['query ($id: ID!) { organisation(id: $id) { id name } }', { id: world.sisterId }],
      ['query ($id: ID!) { organisation(id: $id) { id name } }', { id: world.circle.id }],
      ['query ($id: ID!) { district(id: $id) { id name } }', { id: world.clientId }],
      ['query ($s: String!) { organisations(first: 50, search: $s) { nodes { id name } } }', { s: 'Fatima' }],
      [
        'query ($id: ID!) { district(id: $id) { organisations { id name } keyFigures { id name } links { fromId toId } partnerships { memberIds } } }',
        { id: world.districtId },
      ],
      [
        'query ($id: ID!) { organisation(id: $id) { links { fromId toId } districts { id } offerings { id } } }',
        { id: world.organisations.gp.id },
      ],
    ];
    for (const session of [coordinator, researcher]) {
      for (const [query, variables] of attempts) {
        const response = await session.graphql(query, variables);
        const text = JSON.stringify(response.data ?? null);
        for (const secret of secrets) expect(text, `${query} leaked ${secret}`).not.toContain(secret);
      }
    }
  });

  it('shows a coordinator every wijk’s public map, but key figures only of her own wijk and after consent (issue 9)', async () => {
    const own = await coordinator.graphql<{ district: { keyFigures: { id: string }[] } }>(
      'query ($id: ID!) { district(id: $id) { keyFigures { id } } }',
      { id: world.districtId },
    );
    expect(own.data?.district.keyFigures.map((k) => k.id)).toEqual([world.keyFigureId]);
    const other = await coordinator.graphql<{ district: { id: string } }>('query ($id: ID!) { district(id: $id) { id } }', {
      id: world.otherDistrictId,
    });
    expect(other.data?.district.id).toBe(world.otherDistrictId);
    const list = await coordinator.graphql<{ districts: { nodes: { id: string }[] } }>(
      '{ districts(first: 100) { nodes { id } } }',
    );
    expect(list.data?.districts.nodes.map((d) => d.id)).toEqual(
      expect.arrayContaining([world.districtId, world.otherDistrictId]),
    );
  });

  it('refuses the researcher everything but who they are (no names at all)', async () => {
    const response = await researcher.graphql<{ viewer: { role: string } }>('{ viewer { role } }');
    expect(response.data?.viewer.role).toBe('RESEARCHER');
    const names = await researcher.graphql('{ districts(first: 5) { nodes { name } } }');
    expect(names.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
