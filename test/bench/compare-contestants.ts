// What `npm run bench:compare` compares (issue 13): the three operations as each contestant asks
// for them, the Neo4j GraphQL Library's type definitions that mirror Wijkkring's graph, and the
// statement counter both server processes use.
import neo4j from 'neo4j-driver';

/**
 * The Library's view of the same graph: the labels, relationships and properties Wijkkring
 * stores (graph/src/circle, district, organisation). An entry is the PLACES relationship with its
 * properties; its target is a person or an organisation.
 */
export const LIBRARY_TYPE_DEFS = /* GraphQL */ `
  type NetworkCircle @node {
    id: ID!
    version: Int
    ties: [String!]
    client: [Client!]! @relationship(type: "OF", direction: OUT)
    places: [CircleTarget!]! @relationship(type: "PLACES", direction: OUT, properties: "Places")
  }
  type Places @relationshipProperties {
    id: ID!
    ring: Int!
    sector: String!
    position: Int!
    relation: String
    support: [String!]
    safetyNet: Boolean
    wish: String
    note: String
    frequency: String
    version: Int
  }
  type Client @node {
    id: ID!
    name: String!
  }
  type Person @node {
    id: ID!
    name: String!
  }
  union CircleTarget = Person | Organisation
  type Organisation @node {
    id: ID!
    name: String!
    slug: String
    tier: Int
    sector: String
    offerings: [Offering!]! @relationship(type: "OFFERS", direction: OUT)
    partnerships: [Partnership!]! @relationship(type: "MEMBER_OF", direction: OUT)
    districts: [District!]! @relationship(type: "ACTIVE_IN", direction: OUT)
    links: [Organisation!]! @relationship(type: "COLLABORATES_WITH", direction: OUT, properties: "Link")
  }
  type Link @relationshipProperties {
    id: ID!
    kind: String!
    since: Date
    until: Date
    strength: Int
  }
  type Offering @node {
    id: ID!
    category: String!
    name: String!
    languages: [String!]
  }
  type Partnership @node {
    id: ID!
    name: String!
    kind: String!
  }
  type District @node {
    id: ID!
    name: String!
    slug: String!
    organisations: [Organisation!]! @relationship(type: "ACTIVE_IN", direction: IN)
  }
`;

export type OperationName = 'circle' | 'district' | 'organisation';

export interface Operation {
  name: OperationName;
  description: string;
  /** Wijkkring's document, variable `$id`. */
  wijkkring: string;
  /** The Library's document for the same data, variables `$id` (and `$today` for the district). */
  library: string;
  /** How many items an answer holds, to check that both contestants answer the same. */
  countWijkkring(data: unknown): number;
  countLibrary(data: unknown): number;
}

type Json = Record<string, unknown>;
const field = (value: unknown, name: string): unknown => (value as Json | null | undefined)?.[name];
const length = (value: unknown): number => (Array.isArray(value) ? value.length : 0);

export const OPERATIONS: readonly Operation[] = [
  {
    name: 'circle',
    description: 'a circle with its entries (every field) and their people or organisations, and its ties',
    wijkkring: `query ($id: ID!) { networkCircle(id: $id) { id version clientName
      entries { id ring sector position relation support safetyNet wish note frequency version
        target { __typename ... on CirclePerson { id name } ... on Organisation { id name tier } } }
      ties { id fromEntryId toEntryId } } }`,
    library: `query ($id: ID!) { networkCircles(where: { id: { eq: $id } }) { id version ties client { name }
      placesConnection { edges {
        properties { id ring sector position relation support safetyNet wish note frequency version }
        node { __typename ... on Person { id name } ... on Organisation { id name tier } } } } } }`,
    countWijkkring: (data) => length(field(field(data, 'networkCircle'), 'entries')),
    countLibrary: (data) => {
      const circle = (field(data, 'networkCircles') as unknown[] | undefined)?.[0];
      return length(field(field(circle, 'placesConnection'), 'edges'));
    },
  },
  {
    name: 'district',
    description: 'a district with its organisations and the links between them that are valid today',
    wijkkring: `query ($id: ID!) { district(id: $id) { id name
      organisations { id name tier sector }
      links { id fromId toId kind since until strength } } }`,
    // The links of the district's organisations to organisations active in the same district, valid today.
    library: `query ($id: ID!, $today: Date!) { districts(where: { id: { eq: $id } }) { id name
      organisations { id name tier sector
        linksConnection(where: {
          node: { districts: { some: { id: { eq: $id } } } }
          edge: { AND: [{ OR: [{ since: { eq: null } }, { since: { lte: $today } }] },
                        { OR: [{ until: { eq: null } }, { until: { gt: $today } }] }] }
        }) { edges { properties { id kind since until strength } node { id } } } } } }`,
    countWijkkring: (data) => {
      const district = field(data, 'district');
      return length(field(district, 'organisations')) + length(field(district, 'links'));
    },
    countLibrary: (data) => {
      const district = (field(data, 'districts') as unknown[] | undefined)?.[0];
      const organisations = (field(district, 'organisations') as unknown[] | undefined) ?? [];
      return (
        organisations.length + organisations.reduce<number>((n, o) => n + length(field(field(o, 'linksConnection'), 'edges')), 0)
      );
    },
  },
  {
    name: 'organisation',
    description: 'one organisation with its offerings and partnerships',
    wijkkring: `query ($id: ID!) { organisation(id: $id) { id name tier sector
      offerings { id category name languages } partnerships { id name kind } } }`,
    library: `query ($id: ID!) { organisations(where: { id: { eq: $id } }) { id name tier sector
      offerings { id category name languages } partnerships { id name kind } } }`,
    countWijkkring: (data) => {
      const organisation = field(data, 'organisation');
      return length(field(organisation, 'offerings')) + length(field(organisation, 'partnerships'));
    },
    countLibrary: (data) => {
      const organisation = (field(data, 'organisations') as unknown[] | undefined)?.[0];
      return length(field(organisation, 'offerings')) + length(field(organisation, 'partnerships'));
    },
  },
];

export interface StatementCounter {
  count: number;
  /** The last statement and its parameters: how the benchmark learns the Library's Cypher. */
  last: { text: string; parameters: unknown } | null;
}

/**
 * Counts every statement this process sends through neo4j-driver, whoever sends it (our
 * `Database`, the Library, the floor), by wrapping the driver's two `run` methods: a session's
 * auto-commit run and a transaction's run (managed transactions call the latter).
 */
export function countStatements(): StatementCounter {
  const counter: StatementCounter = { count: 0, last: null };
  type Run = (this: unknown, text: unknown, parameters?: unknown, ...rest: unknown[]) => unknown;
  for (const proto of [neo4j.Session.prototype, neo4j.Transaction.prototype] as unknown as { run: Run }[]) {
    const original = proto.run;
    proto.run = function run(this: unknown, text: unknown, parameters?: unknown, ...rest: unknown[]) {
      counter.count += 1;
      counter.last = { text: String(text), parameters };
      return original.call(this, text, parameters, ...rest);
    };
  }
  return counter;
}
