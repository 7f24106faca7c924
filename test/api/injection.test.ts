import { createHash, randomUUID } from 'node:crypto';
import { POLICY, POLICY_ROLES, schema, type PolicyRole, type RunningServer } from '@wijkkring/api';
import { Database, upsertGrants } from '@wijkkring/graph';
import {
  getNamedType,
  isCompositeType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createAccount, removeAccounts, type TestAccount } from '../support/accounts.js';
import { ApiSession, signedIn, startTestServer, type GraphQLResponse } from '../support/api-client.js';
import { createWorld, type World } from '../support/fixtures.js';

/*
 * Every String or ID input of every mutation (and query), found by walking the schema, is fed
 * Cypher-injection payloads by a role that may call it; the database must be unchanged afterwards.
 * New mutations are covered without touching this file; their other inputs get valid defaults.
 */

const PAYLOADS: readonly [string, string][] = [
  ['quote, then delete everything', "x' WITH true AS t MATCH (n) DETACH DELETE n //"],
  ['close a map literal, then delete everything', '"}) MATCH (n) DETACH DELETE n //'],
  ['escaped quote, then a procedure call', String.raw`\u0027) CALL db.clearQueryCaches() //`],
  ['quote, then a procedure call', "') CALL db.clearQueryCaches() //"],
  ['a parameter name', '$id'],
  ['a map literal', '{id: 1}'],
  ['a backtick identifier', '`n` MATCH (n) DETACH DELETE n //'],
  ['10,000 characters', `x' //${'A'.repeat(9_995)}`],
];

/** Answers a payload may get. INTERNAL (an unexpected error) is never one of them. */
const EXPECTED_CODES = new Set([
  'INVALID_INPUT',
  'NOT_FOUND',
  'INVALID_CREDENTIALS',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'RATE_LIMITED',
  'QUERY_LIMIT_EXCEEDED',
  'CIRCLE_FROZEN',
]);

/** Labels that change on every request (audit, sessions, login throttling): not part of the fingerprint. */
const VOLATILE_LABELS = ['AuditRecord', 'AuditHead', 'Session', 'LoginThrottle'];
/** Account properties a request may legitimately change (a used TOTP step, a changed password). */
const VOLATILE_ACCOUNT_PROPERTIES = ['totpLastStep', 'passwordHash', 'passwordChangedAt'];

interface Target {
  /** `Mutation.login` */
  operation: string;
  field: GraphQLField<unknown, unknown>;
  /** The argument path to the string, for example ['input', 'username']. */
  path: string[];
}

/** Every String/ID argument or input field (lists of them too) of every field of a root type, recursively. */
function stringInputs(root: GraphQLObjectType | null | undefined): Target[] {
  if (!root) return [];
  const targets: Target[] = [];
  const walk = (
    operation: string,
    field: GraphQLField<unknown, unknown>,
    type: GraphQLInputType,
    path: string[],
    seen: string[],
  ) => {
    const named = getNamedType(type);
    if (isScalarType(named) && (named.name === 'String' || named.name === 'ID')) targets.push({ operation, field, path });
    if (isInputObjectType(named) && !seen.includes(named.name)) {
      for (const inner of Object.values(named.getFields()))
        walk(operation, field, inner.type, [...path, inner.name], [...seen, named.name]);
    }
  };
  for (const field of Object.values(root.getFields())) {
    for (const arg of field.args) walk(`${root.name}.${field.name}`, field, arg.type, [arg.name], []);
  }
  return targets;
}

const MUTATION_TARGETS = stringInputs(schema.getMutationType());
const QUERY_TARGETS = stringInputs(schema.getQueryType());

/** The role that exercises an operation: one it simply allows if there is one, else one allowed on a condition. */
function roleFor(operation: string): PolicyRole {
  const row = (POLICY.operations as Record<string, { rules: Record<PolicyRole, string> } | undefined>)[operation];
  if (!row) throw new Error(`${operation} has no row in the access policy`);
  const role = POLICY_ROLES.find((r) => row.rules[r] === 'allow') ?? POLICY_ROLES.find((r) => row.rules[r] !== 'deny');
  if (!role) throw new Error(`${operation} is denied to every role`);
  return role;
}

let db: Database;
let server: RunningServer;
let world: World;
let grantId: string;
const accounts = new Map<PolicyRole, TestAccount>();
const sessions = new Map<PolicyRole, ApiSession>();
/** The client's password as it is now (changePassword may set a payload as the new password). */
let clientPassword = '';
let throttlesBefore: Record<string, unknown>[] = [];

function inDays(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/** Valid values for inputs that must point at something real for the payload to reach the database. */
function validString(operation: string, path: string[]): string | undefined {
  const at = `${operation}:${path.join('.')}`;
  const client = accounts.get('CLIENT');
  const values: Record<string, string | undefined> = {
    'Mutation.login:input.username': client?.username,
    'Mutation.login:input.password': clientPassword,
    'Mutation.changePassword:input.currentPassword': clientPassword,
    'Mutation.changePassword:input.newPassword': `nieuw-wachtwoord-${randomUUID().slice(0, 8)}`,
    'Mutation.verifyTotp:input.code': '123456',
    'Mutation.confirmTotpSetup:input.code': '123456',
    'Mutation.grantAccess:input.supportWorkerId': world.workerId,
    'Mutation.revokeAccess:input.grantId': grantId,
    'Mutation.setKeyFigureConsent:input.keyFigureId': world.keyFigureId,
    // Someone who does not exist: a rectification with a payload name must not find anyone to change.
    'Mutation.rectifyCirclePerson:input.personId': randomUUID(),
    'Mutation.eraseCirclePeople:input.personIds': randomUUID(),
    'Query.client:id': world.clientId,
    'Query.networkCircle:id': world.circle.id,
    // The client's own circle: a circle that does not exist is refused by the policy like someone
    // else's (issue 11). An entry that does not exist then stops the edit after the payload reached
    // its statement; the snapshot is already frozen, so freezing it changes nothing.
    'Query.circleOrganisationSearch:circleId': world.circle.id,
    'Mutation.updateCircleEntry:input.circleId': world.circle.id,
    'Mutation.freezeCircle:input.circleId': world.oldCircle.id,
    'Query.circlePeople:name': 'Fatima',
    // The coordinator's own wijk, so the policy lets the payload through (issue 9); the action then
    // names nothing that exists and is not written.
    'Mutation.createWijkAction:input.districtId': world.districtId,
    // A fresh username each time, so a payload name reaches the statement that makes the account (issue 11).
    'Mutation.createAccount:input.username': `${INJECTION_USERNAME}${randomUUID().slice(0, 8)}`,
  };
  return values[at];
}

/** A value for `type` at `path`; the payload goes where `target` points, everything else gets a valid value. */
function valueFor(operation: string, type: GraphQLInputType, path: string[], target: string[], payload: string): unknown {
  if (isNonNullType(type)) return valueFor(operation, type.ofType, path, target, payload);
  if (isListType(type)) return [valueFor(operation, type.ofType, path, target, payload)];
  if (path.join('.') === target.join('.')) return payload;
  if (isInputObjectType(type)) {
    const value: Record<string, unknown> = {};
    for (const field of Object.values(type.getFields())) {
      const fieldPath = [...path, field.name];
      const onTarget = target.join('.').startsWith(fieldPath.join('.'));
      if (onTarget || (isNonNullType(field.type) && field.defaultValue === undefined)) {
        value[field.name] = valueFor(operation, field.type, fieldPath, target, payload);
      }
    }
    return value;
  }
  // An account with neither organisation nor wijk: a researcher's (issue 11).
  if (isEnumType(type))
    return operation === 'Mutation.createAccount' && path.join('.') === 'input.role' ? 'RESEARCHER' : type.getValues()[0]?.value;
  if (isScalarType(type)) {
    switch (type.name) {
      case 'String':
        return validString(operation, path) ?? 'Test';
      case 'ID':
        return validString(operation, path) ?? randomUUID();
      case 'Int':
        return 1;
      case 'Float':
        return 1.5;
      case 'Boolean':
        // With consent the key figure's payload name reaches the database (a wijk that does not exist).
        return operation === 'Mutation.recordKeyFigure' && path.join('.') === 'input.consent';
      case 'Date':
        return inDays(30);
      case 'DateTime':
        return new Date().toISOString();
    }
  }
  throw new Error(`No valid value known for ${String(type)} at ${operation}:${path.join('.')}; teach valueFor this type`);
}

function documentFor(target: Target): string {
  const [kind, name] = target.operation.split('.') as [string, string];
  const args = target.field.args.filter(
    (arg: GraphQLArgument) => target.path[0] === arg.name || (isNonNullType(arg.type) && arg.defaultValue === undefined),
  );
  const definitions = args.map((arg) => `$${arg.name}: ${String(arg.type)}`).join(', ');
  const passed = args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
  const selection = isCompositeType(getNamedType(target.field.type)) ? ' { __typename }' : '';
  return `${kind.toLowerCase()} Injection${definitions ? `(${definitions})` : ''} { ${name}${passed ? `(${passed})` : ''}${selection} }`;
}

function variablesFor(target: Target, payload: string): Record<string, unknown> {
  const variables: Record<string, unknown> = {};
  for (const arg of target.field.args) {
    if (target.path[0] === arg.name || (isNonNullType(arg.type) && arg.defaultValue === undefined)) {
      variables[arg.name] = valueFor(target.operation, arg.type, [arg.name], target.path, payload);
    }
  }
  return variables;
}

/** Counts per label and relationship type, and a digest of every property, outside the volatile labels. */
async function fingerprint(): Promise<{ labels: Record<string, number>; relationships: Record<string, number>; digest: string }> {
  return db.read(async (tx) => {
    const hash = createHash('sha256');
    const labels: Record<string, number> = {};
    const nodes = await tx.run(
      `MATCH (n) WHERE none(l IN labels(n) WHERE l IN $volatile)
       RETURN elementId(n) AS element, labels(n) AS labels, properties(n) AS props ORDER BY element`,
      { volatile: VOLATILE_LABELS },
    );
    for (const record of nodes.records) {
      const nodeLabels = (record.get('labels') as string[]).sort();
      const props = Object.entries(record.get('props') as Record<string, unknown>)
        .filter(([name]) => !(nodeLabels.includes('Account') && VOLATILE_ACCOUNT_PROPERTIES.includes(name)))
        .sort();
      for (const label of nodeLabels) labels[label] = (labels[label] ?? 0) + 1;
      hash.update(JSON.stringify([record.get('element'), nodeLabels, props]));
    }
    const relationships: Record<string, number> = {};
    const rels = await tx.run(
      `MATCH (a)-[r]->(b) WHERE none(l IN labels(a) + labels(b) WHERE l IN $volatile)
       RETURN elementId(r) AS element, type(r) AS type, elementId(a) AS a, elementId(b) AS b, properties(r) AS props ORDER BY element`,
      { volatile: VOLATILE_LABELS },
    );
    for (const record of rels.records) {
      const type = record.get('type') as string;
      relationships[type] = (relationships[type] ?? 0) + 1;
      hash.update(
        JSON.stringify([
          record.get('element'),
          type,
          record.get('a'),
          record.get('b'),
          Object.entries(record.get('props') as object).sort(),
        ]),
      );
    }
    return { labels, relationships, digest: hash.digest('hex') };
  });
}

async function worldIsWhole(): Promise<number> {
  return db.read(async (tx) => {
    const result = await tx.run('MATCH (n) WHERE n.id IN $ids RETURN count(DISTINCT n.id) AS n', { ids: world.ids });
    return result.records[0]?.get('n') as number;
  });
}

beforeAll(async () => {
  db = new Database(inject('neo4j'));
  world = await createWorld(db);
  grantId = randomUUID();
  await db.write((tx) =>
    upsertGrants(tx, [
      {
        id: grantId,
        clientId: world.clientId,
        supportWorkerId: world.workerId,
        level: 'READ',
        grantedAt: new Date().toISOString(),
        until: null,
      },
    ]),
  );
  // Payload logins fail on purpose; the limits are raised so that each one reaches the account lookup.
  server = await startTestServer(db, { LOGIN_ACCOUNT_MAX_FAILURES: '100', LOGIN_ADDRESS_MAX_FAILURES: '10000' });
  throttlesBefore = await db.read(async (tx) => {
    const result = await tx.run('MATCH (t:LoginThrottle) RETURN properties(t) AS t');
    return result.records.map((r) => r.get('t') as Record<string, unknown>);
  });
  const personFor: Partial<Record<PolicyRole, string>> = { CLIENT: world.clientId, SUPPORT_WORKER: world.workerId };
  for (const role of POLICY_ROLES) {
    if (role === 'ANONYMOUS') continue;
    const account = await createAccount(db, {
      role,
      personId: personFor[role],
      districtId: role === 'COORDINATOR' ? world.districtId : null,
    });
    accounts.set(role, account);
    sessions.set(role, await signedIn(server, account));
  }
  clientPassword = accounts.get('CLIENT')?.password ?? '';
});

afterAll(async () => {
  try {
    await server.close();
    // Put login throttling back as it was: payload usernames and this file's failures are forgotten.
    await db.write(async (tx) => {
      await tx.run('MATCH (t:LoginThrottle) DELETE t');
      await tx.run('UNWIND $rows AS row CREATE (t:LoginThrottle) SET t = row', { rows: throttlesBefore });
    });
    await removeAccounts(db);
    await db.write((tx) => tx.run('MATCH ()-[g:GRANTS_ACCESS {id: $grantId}]->() DELETE g', { grantId }));
    await world.remove();
  } finally {
    await db.close();
  }
});

async function send(target: Target, payload: string): Promise<{ role: PolicyRole; response: GraphQLResponse }> {
  const role = roleFor(target.operation);
  const session = role === 'ANONYMOUS' ? new ApiSession(server) : sessions.get(role);
  if (!session) throw new Error(`no session for ${role}`);
  const variables = variablesFor(target, payload);
  const response = await session.graphql(documentFor(target), variables);
  if (target.operation === 'Mutation.changePassword') {
    const changed =
      response.errors === undefined && (response.data as { changePassword?: unknown } | null)?.changePassword != null;
    if (changed) clientPassword = (variables.input as { newPassword: string }).newPassword;
  }
  return { role, response };
}

function expectCodedAnswer(target: Target, payload: string, role: PolicyRole, response: GraphQLResponse): void {
  const where = `${target.operation}(${target.path.join('.')}) as ${role} with ${JSON.stringify(payload.slice(0, 40))}`;
  const error = response.errors?.[0];
  if (!error) {
    expect(response.data, where).toBeTruthy();
    return;
  }
  const code = error.extensions?.code ?? '(none)';
  expect(EXPECTED_CODES.has(code), `${where}: ${code} ${error.message}`).toBe(true);
  // The payload must reach the operation: a refusal by the access policy would prove nothing.
  expect(error.extensions?.field, `${where} was refused by the policy`).not.toBe(target.operation);
}

function grouped(targets: Target[]): [string, Target[]][] {
  const byOperation = new Map<string, Target[]>();
  for (const t of targets) byOperation.set(t.operation, [...(byOperation.get(t.operation) ?? []), t]);
  return [...byOperation.entries()];
}

/** Every payload into every string input of one operation; the database must be as it was. */
async function feedPayloads(operation: string, targets: Target[]): Promise<void> {
  // Studies left by an interrupted earlier run of this file would be counted as new.
  if (operation === 'Mutation.createResearchStudy') await removeStudiesNamedByPayloads(null);
  const before = await fingerprint();
  for (const [, payload] of PAYLOADS) {
    for (const target of targets) {
      const { role, response } = await send(target, payload);
      expectCodedAnswer(target, payload, role, response);
    }
  }
  if (operation === 'Mutation.createResearchStudy') await removeStudiesNamedByPayloads(before.labels.ResearchStudy ?? 0);
  if (operation === 'Mutation.createAccount') await removeAccountsNamedByPayloads();
  expect(await fingerprint(), `${operation} changed the database`).toEqual(before);
  expect(await worldIsWhole()).toBe(world.ids.length);
}

/**
 * Setting up a study stores its name, so a payload name is a study (issue 10): it must be stored as
 * that text, exactly, and nothing else may change. The studies are then removed for the comparison.
 */
async function removeStudiesNamedByPayloads(before: number | null): Promise<void> {
  const names = PAYLOADS.map(([, payload]) => payload.trim());
  const created = await db.read(async (tx) =>
    (await tx.run('MATCH (s:ResearchStudy) WHERE s.name IN $names RETURN s.name AS name', { names })).records.map(
      (r) => r.get('name') as string,
    ),
  );
  const total = await db.read(async (tx) =>
    Number((await tx.run('MATCH (s:ResearchStudy) RETURN count(s) AS n')).records[0]?.get('n')),
  );
  if (before !== null) {
    // Every new study carries a payload as its name, letter for letter (payloads too short for a name are refused).
    expect(total - before).toBe(created.length);
    for (const name of created) expect(names).toContain(name);
  }
  await db.write((tx) => tx.run('MATCH (s:ResearchStudy) WHERE s.name IN $names DETACH DELETE s', { names }));
}

const INJECTION_USERNAME = 'injectie-';

/**
 * Making an account stores its name, so a payload name is an account (issue 11): it must be stored
 * as that text, exactly, with the person it signs in as, and nothing else may change. Both are then removed.
 */
async function removeAccountsNamedByPayloads(): Promise<void> {
  const names = PAYLOADS.map(([, payload]) => payload.trim());
  const created = await db.read(async (tx) =>
    (
      await tx.run(
        `MATCH (a:Account)-[:SIGNS_IN_AS]->(p:Person) WHERE a.username STARTS WITH $prefix
         RETURN a.displayName AS account, p.name AS person`,
        { prefix: INJECTION_USERNAME },
      )
    ).records.map((r) => [r.get('account') as string, r.get('person') as string]),
  );
  expect(created.length).toBeGreaterThan(0);
  for (const [account, person] of created) {
    expect(names).toContain(account);
    expect(person).toBe(account);
  }
  await db.write((tx) =>
    tx.run(
      `MATCH (a:Account)-[:SIGNS_IN_AS]->(p:Person) WHERE a.username STARTS WITH $prefix
       DETACH DELETE a, p`,
      { prefix: INJECTION_USERNAME },
    ),
  );
}

describe('Cypher injection (issue 3)', () => {
  it('finds the string inputs of every mutation in the schema', () => {
    const found = MUTATION_TARGETS.map((t) => `${t.operation}:${t.path.join('.')}`);
    expect(found).toEqual(
      expect.arrayContaining([
        'Mutation.login:input.username',
        'Mutation.login:input.password',
        'Mutation.changePassword:input.newPassword',
        'Mutation.eraseMyData:input.confirmation',
        'Mutation.eraseCirclePeople:input.personIds',
        'Mutation.rectifyCirclePerson:input.personId',
        'Mutation.rectifyCirclePerson:input.name',
        'Mutation.grantAccess:input.supportWorkerId',
      ]),
    );
    // Every mutation (and query) can be exercised: some role may call it.
    for (const target of [...MUTATION_TARGETS, ...QUERY_TARGETS]) expect(() => roleFor(target.operation)).not.toThrow();
  });

  it.each(grouped(MUTATION_TARGETS))(
    'every string input of %s is fed Cypher-injection payloads and the database is unchanged',
    feedPayloads,
  );

  it.each(grouped(QUERY_TARGETS))(
    'every string argument of %s is fed Cypher-injection payloads and the database is unchanged',
    feedPayloads,
  );

  it('stored a payload given as a new password as the password itself (it works for signing in)', async () => {
    const client = accounts.get('CLIENT');
    if (!client) throw new Error('no client account');
    // The first payload is a valid password (8–64 characters), so changePassword took it.
    expect(PAYLOADS.map(([, p]) => p)).toContain(clientPassword);
    const fresh = await signedIn(server, { ...client, password: clientPassword });
    const me = await fresh.graphql<{ viewer: { username: string } }>('{ viewer { username } }');
    expect(me.data?.viewer.username).toBe(client.username);
  });
});
