import type { RunningServer } from '@wijkkring/api';
import { Database } from '@wijkkring/graph';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { upsertGrants } from '@wijkkring/graph';
import { createAccount, removeAccounts } from '../support/accounts.js';
import { signedIn, startTestServer, type ApiSession } from '../support/api-client.js';
import { createWorld, type World } from '../support/fixtures.js';

let queries = 0;
let db: Database;
let server: RunningServer;
let world: World;
/** The world's client, and the support worker the client gave read access. */
let client: ApiSession;
let worker: ApiSession;

beforeAll(async () => {
  db = new Database(inject('neo4j'), { onQuery: () => (queries += 1) });
  world = await createWorld(db);
  await db.write((tx) =>
    upsertGrants(tx, [
      {
        id: crypto.randomUUID(),
        clientId: world.clientId,
        supportWorkerId: world.workerId,
        level: 'READ',
        grantedAt: new Date().toISOString(),
        until: null,
      },
    ]),
  );
  server = await startTestServer(db);
  client = await signedIn(server, await createAccount(db, { role: 'CLIENT', personId: world.clientId }));
  worker = await signedIn(server, await createAccount(db, { role: 'SUPPORT_WORKER', personId: world.workerId }));
});
afterAll(async () => {
  await server.close();
  await removeAccounts(db);
  await world.remove();
  await db.close();
});

async function counted<T>(work: () => Promise<T>): Promise<{ result: T; roundTrips: number }> {
  const before = queries;
  const result = await work();
  return { result, roundTrips: queries - before };
}

const DISTRICT_PAGE = `query ($slug: String!) {
  district(slug: $slug) {
    id name focus organisationCount
    organisations { id name tier sector }
    partnerships { name kind memberIds }
    keyFigures { id name }
    links { fromId toId kind since source }
  }
}`;

describe('GraphQL reads over HTTP (issue 2)', () => {
  // Round trips per request: one to resume the session, then the operation's own.
  it('serves a district with its organisations, partnerships, key figures and links in one round trip', async () => {
    const { result, roundTrips } = await counted(() =>
      worker.graphql<{ district: Record<string, unknown> }>(DISTRICT_PAGE, { slug: world.districtSlug }),
    );
    expect(result.errors).toBeUndefined();
    expect(roundTrips).toBe(1 + 1);
    const district = result.data?.district as {
      name: string;
      organisationCount: number;
      organisations: { name: string; tier: number | null }[];
      partnerships: { kind: string; memberIds: string[] }[];
      keyFigures: { id: string }[];
      links: { kind: string }[];
    };
    expect(district.name).toBe(`Testwijk ${world.tag}`);
    expect(district.organisationCount).toBe(5);
    expect(district.organisations.find((o) => o.name.startsWith('Buurtteam'))?.tier).toBe(2);
    expect(district.partnerships[0]?.kind).toBe('CORE_TEAM');
    expect(district.keyFigures.map((k) => k.id)).toEqual([world.keyFigureId]);
    expect(district.links.map((l) => l.kind).sort()).toEqual(['COLLABORATION', 'HANDOVER', 'REFERRAL']);
  });

  it('serves a circle with people and organisations in one round trip', async () => {
    const query = `query ($id: ID!) {
      networkCircle(id: $id) {
        id clientName frozenAt
        entries { ring sector relation support safetyNet wish
          target { __typename ... on CirclePerson { name professional } ... on Organisation { name tier sector } } }
      }
    }`;
    const { result, roundTrips } = await counted(() => client.graphql(query, { id: world.circle.id }));
    expect(result.errors).toBeUndefined();
    // Session, the circle in one round trip, and the audit record in one statement: the login's own
    // record told the audit writer where the chain ends (auditedWrite, issue 11), so no head lock is needed.
    expect(roundTrips).toBe(1 + 1 + 1);
    expect(result.data).toEqual({
      networkCircle: {
        id: world.circle.id,
        clientName: `Cliënt ${world.tag}`,
        frozenAt: null,
        entries: [
          {
            ring: 2,
            sector: 'FAMILY',
            relation: 'zus',
            support: ['EMOTIONAL', 'SAFETY_NET'],
            safetyNet: true,
            wish: 'MORE_CONTACT',
            target: { __typename: 'CirclePerson', name: 'Fatima', professional: false },
          },
          {
            ring: 3,
            sector: 'PROFESSIONALS',
            relation: 'begeleider',
            support: ['PRACTICAL'],
            safetyNet: false,
            wish: null,
            target: { __typename: 'CirclePerson', name: `Begeleider ${world.tag}`, professional: true },
          },
          {
            ring: 4,
            sector: 'PROFESSIONALS',
            relation: 'huisarts',
            support: [],
            safetyNet: false,
            wish: null,
            target: { __typename: 'Organisation', name: `Huisarts ${world.tag}`, tier: null, sector: 'PRIMARY_CARE' },
          },
        ],
      },
    });
  });

  it('serves one organisation, the districts list, the circle layout and the viewer', async () => {
    const result = await worker.graphql<{
      organisation: { name: string; links: { kind: string }[]; districts: { slug: string }[] };
      districts: { nodes: { slug: string }[]; pageInfo: { totalCount: number; hasNextPage: boolean } };
      circleLayout: { rings: { ring: number; label: string }[]; sectors: { key: string }[] };
      viewer: { role: string };
    }>(
      `
        query ($slug: String!) {
          organisation(slug: $slug) {
            name
            districts {
              slug
            }
            links {
              kind
            }
          }
          districts(first: 100) {
            nodes {
              slug
            }
            pageInfo {
              totalCount
              hasNextPage
            }
          }
          circleLayout {
            rings {
              ring
              label
            }
            sectors {
              key
            }
          }
          viewer {
            role
          }
        }
      `,
      { slug: world.organisations.walkIn.slug },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.organisation.districts).toEqual([{ slug: world.districtSlug }]);
    expect(result.data?.organisation.links.map((l) => l.kind).sort()).toEqual(['COLLABORATION', 'REFERRAL']);
    expect(result.data?.districts.nodes.map((d) => d.slug)).toContain(world.districtSlug);
    expect(result.data?.circleLayout.rings.map((r) => r.label)).toEqual(['Heel dichtbij', 'Dichtbij', 'Bekenden', 'Diensten']);
    expect(result.data?.circleLayout.sectors.map((s) => s.key)).toEqual([
      'FAMILY',
      'FRIENDS_NEIGHBOURS',
      'FELLOW_CLIENTS',
      'PROFESSIONALS',
    ]);
    expect(result.data?.viewer).toEqual({ role: 'SUPPORT_WORKER' });
  });

  it('answers null for an unknown district, and refuses an unknown circle like someone else’s (issue 11)', async () => {
    const result = await worker.graphql(
      `
        query ($id: ID!) {
          district(slug: "bestaat-niet") {
            id
          }
          networkCircle(id: $id) {
            id
          }
        }
      `,
      { id: crypto.randomUUID() },
    );
    expect(result.data).toEqual({ district: null, networkCircle: null });
    expect(result.errors?.map((e) => [e.path, e.extensions?.code, e.extensions?.field])).toEqual([
      [['networkCircle'], 'FORBIDDEN', 'Query.networkCircle'],
    ]);
  });

  it('pages through clients with a cursor', async () => {
    const first = await worker.graphql<{
      clients: { nodes: { id: string }[]; pageInfo: { endCursor: string; hasNextPage: boolean; totalCount: number } };
    }>('{ clients(first: 1) { nodes { id } pageInfo { endCursor hasNextPage totalCount } } }');
    const page = first.data?.clients;
    expect(page?.nodes).toHaveLength(1);
    expect(page?.pageInfo.totalCount).toBeGreaterThanOrEqual(1);
    if (page && page.pageInfo.totalCount > 1) {
      const next = await worker.graphql<{ clients: { nodes: { id: string }[] } }>(
        'query ($after: String) { clients(first: 1, after: $after) { nodes { id } } }',
        {
          after: page.pageInfo.endCursor,
        },
      );
      expect(next.data?.clients.nodes[0]?.id).not.toBe(page.nodes[0]?.id);
    }
  });
});

describe('bad input gets a stable code and the offending field (issue 2)', () => {
  it('rejects an id that is not a UUID', async () => {
    const result = await worker.graphql('{ networkCircle(id: "1 OR 1=1") { id } }');
    expect(result.data).toEqual({ networkCircle: null });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_INPUT', field: 'id' });
  });

  it('rejects both id and slug, and neither', async () => {
    const both = await worker.graphql(`{ district(id: "${world.districtId}", slug: "${world.districtSlug}") { id } }`);
    expect(both.errors?.[0]?.extensions?.code).toBe('INVALID_INPUT');
    const neither = await worker.graphql('{ district { id } }');
    expect(neither.errors?.[0]?.extensions?.code).toBe('INVALID_INPUT');
  });

  it('bounds page sizes', async () => {
    const result = await worker.graphql('{ districts(first: 101) { nodes { id } } }');
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_INPUT', field: 'first' });
    const zero = await worker.graphql('{ clients(first: 0) { nodes { id } } }');
    expect(zero.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_INPUT', field: 'first' });
  });

  it('rejects a forged cursor', async () => {
    const result = await worker.graphql('{ districts(after: "MATCH (n) DETACH DELETE n") { nodes { id } } }');
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_INPUT', field: 'after' });
  });

  it('rejects a malformed slug', async () => {
    const result = await worker.graphql(
      `
        {
          district(slug: "x' OR 1=1 //") {
            id
          }
        }
      `,
    );
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_INPUT', field: 'slug' });
  });

  it('answers a document that does not match the schema with a validation error', async () => {
    const result = await worker.graphql('{ district(slug: 42) { nope } }');
    expect(result.status).toBe(400);
    expect(result.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});
