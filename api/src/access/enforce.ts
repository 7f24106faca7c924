import {
  clientNamedBy,
  type AccessGrant,
  type AuditAction,
  type CircleEntry,
  type CirclePerson,
  type ClientSummary,
  type Database,
  type KeyFigureSummary,
  type NetworkCircle,
} from '@wijkkring/graph';
import {
  defaultFieldResolver,
  getNamedType,
  GraphQLObjectType,
  isAbstractType,
  isObjectType,
  OperationTypeNode,
  type GraphQLFieldResolver,
  type GraphQLNamedType,
  type GraphQLResolveInfo,
  type GraphQLSchema,
} from 'graphql';
import type { RequestAudit } from '../audit/request-audit.js';
import { apiError } from '../errors.js';
import type { Viewer } from '../viewer.js';
import { POLICY, type Condition, type OperationPolicy, type Rule, type TypeKey, type TypePolicy } from './policy.js';

/**
 * The part of the request context (context.ts) that the access check reads. Declared here rather
 * than imported, so context.ts can create an AccessCheck without the two modules importing each other.
 */
export interface AccessContext {
  viewer: Viewer;
  audit: RequestAudit;
  access: AccessCheck;
  db: Database;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Enough for any operation of the schema (an edit names a circle and two entries at most). */
const MAX_IDS = 8;

function idsIn(value: unknown, found: string[]): string[] {
  if (found.length >= MAX_IDS) return found;
  if (typeof value === 'string') {
    if (UUID.test(value)) found.push(value);
  } else if (Array.isArray(value)) {
    for (const item of value) idsIn(item, found);
  } else if (value !== null && typeof value === 'object') {
    for (const item of Object.values(value)) idsIn(item, found);
  }
  return found;
}

/**
 * The client a refused request named (a circle, a client or an entry among its arguments), so
 * the refusal reaches that client's trail (NEN 7513: every attempt on a client's record; issue
 * 11). Ids that name nothing leave the record without a client; the answer is the same refusal
 * either way, so this tells the caller nothing.
 */
async function clientAbout(args: unknown, context: AccessContext): Promise<string | null> {
  const ids = idsIn(args, []);
  if (ids.length === 0) return null;
  return context.db.read((tx) => clientNamedBy(tx, ids));
}

/** What a condition looks at in a value. */
export interface Subject {
  accountId?: string;
  clientId?: string;
  supportWorkerId?: string;
  districtIds?: readonly string[];
}

const OPERATIONS: Readonly<Record<string, OperationPolicy>> = POLICY.operations;
const TYPES: Readonly<Record<string, TypePolicy>> = POLICY.types;

/** How to find the subject of a value of each checked type. */
const SUBJECTS: Readonly<Record<keyof typeof POLICY.types, (value: never) => Subject>> = {
  Viewer: (v: Viewer) => (v.kind === 'account' ? { accountId: v.account.id } : {}),
  District: (d: { id: string }) => ({ districtIds: [d.id] }),
  Organisation: () => ({}),
  Partnership: () => ({}),
  Offering: () => ({}),
  Link: (l: { privateDistrictIds?: readonly string[] }) => ({ districtIds: l.privateDistrictIds ?? [] }),
  WijkMap: () => ({}),
  DistrictComparison: () => ({}),
  WijkSignal: (s: { circleDerived: boolean; districtId: string }) => ({ districtIds: s.circleDerived ? [s.districtId] : [] }),
  WijkAction: (a: { districtId: string }) => ({ districtIds: [a.districtId] }),
  KeyFigure: (k: KeyFigureSummary) => ({ districtIds: [k.districtId] }),
  SupportWorker: (w: { id: string }) => ({ supportWorkerId: w.id }),
  Client: (c: ClientSummary) => ({ clientId: c.id }),
  NetworkCircle: (c: Pick<NetworkCircle, 'clientId'>) => ({ clientId: c.clientId }),
  CircleEntry: (e: CircleEntry) => ({ clientId: e.clientId }),
  CirclePerson: (p: CirclePerson) => ({ clientId: p.clientId }),
  CircleTie: (t: { clientId: string }) => ({ clientId: t.clientId }),
  CircleEvent: (e: { clientId: string }) => ({ clientId: e.clientId }),
  CircleComparison: (c: { clientId: string }) => ({ clientId: c.clientId }),
  CircleOrganisationMatch: (m: { clientId: string }) => ({ clientId: m.clientId }),
  AccessGrant: (g: AccessGrant) => ({ clientId: g.clientId, supportWorkerId: g.supportWorkerId }),
  AuditEvent: (e: { clientId: string }) => ({ clientId: e.clientId }),
  CirclePersonMatch: (m: { clientId: string }) => ({ clientId: m.clientId }),
  Account: (a: { id: string }) => ({ accountId: a.id }),
  ResearchNetworkSeries: () => ({}),
  ResearchFile: () => ({}),
  ResearchAggregates: () => ({}),
  ResearchDownload: () => ({}),
  ResearchStudy: () => ({}),
};

export function holds(condition: Condition, viewer: Viewer, subject: Subject): boolean {
  if (viewer.kind !== 'account') return false;
  const { account } = viewer;
  switch (condition) {
    case 'self':
      return subject.accountId === account.id;
    case 'ownClient':
      return account.clientId !== null && subject.clientId === account.clientId;
    case 'grantRead':
      return account.grants.some((g) => g.clientId === subject.clientId);
    case 'grantEdit':
      return account.grants.some((g) => g.clientId === subject.clientId && g.level === 'EDIT');
    case 'grantee':
      return account.personId !== null && subject.supportWorkerId === account.personId;
    case 'ownDistrict':
      return (subject.districtIds ?? []).some((id) => account.districtIds.includes(id));
    case 'publicOrOwnDistrict':
      return (
        (subject.districtIds ?? []).length === 0 || (subject.districtIds ?? []).some((id) => account.districtIds.includes(id))
      );
  }
}

export function allows(rule: Rule, viewer: Viewer, subject: Subject): boolean {
  if (rule === 'allow') return true;
  if (rule === 'deny') return false;
  return holds(rule, viewer, subject);
}

/** The error a refusal answers with: sign in first, or not allowed at all. */
export function refusal(viewer: Viewer, what: string): Error {
  return viewer.kind === 'anonymous'
    ? apiError('UNAUTHENTICATED', 'Sign in first.', { field: what })
    : apiError('FORBIDDEN', 'You are not allowed to see or do this.', { field: what });
}

/**
 * Per request: root fields whose rule is a condition on data the resolver must load first (the
 * district of a key figure, say) call `require`; the wrapper checks afterwards that they did.
 */
export class AccessCheck {
  private readonly satisfied = new Set<string>();

  constructor(private readonly context: () => AccessContext) {}

  require(operation: string, subject: Subject, clientId: string | null = null): void {
    const context = this.context();
    const policy = OPERATIONS[operation];
    const rule = policy?.rules[context.viewer.role] ?? 'deny';
    if (!allows(rule, context.viewer, subject)) {
      context.audit.note({ clientId, subject: operation, action: policy?.audit ?? 'UPDATE', result: 'DENIED' });
      throw refusal(context.viewer, operation);
    }
    this.satisfied.add(operation);
  }

  /**
   * `require` for client data looked up by an id that may name nothing (issue 11): what was not
   * found is refused like someone else's data (nobody's condition holds for it), so the answer
   * does not tell whether the id exists. Only a role the row allows without a condition learns
   * NOT_FOUND. Returns what was found.
   */
  requireFound<T extends { clientId: string }>(
    operation: string,
    found: T | undefined,
    notFound: { message: string; field: string },
  ): T {
    this.require(operation, found ? { clientId: found.clientId } : {}, found?.clientId ?? null);
    if (!found) throw apiError('NOT_FOUND', notFound.message, { field: notFound.field });
    return found;
  }

  wasRequired(operation: string): boolean {
    return this.satisfied.has(operation);
  }
}

function rootField(info: GraphQLResolveInfo): string {
  let path = info.path;
  while (path.prev) path = path.prev;
  const root =
    info.operation.operation === OperationTypeNode.MUTATION
      ? 'Mutation'
      : info.operation.operation === OperationTypeNode.SUBSCRIPTION
        ? 'Subscription'
        : 'Query';
  return `${root}.${String(path.key)}`;
}

function readAction(info: GraphQLResolveInfo): AuditAction {
  let path = info.path;
  while (path.prev) path = path.prev;
  const root = info.operation.operation === OperationTypeNode.SUBSCRIPTION ? 'Subscription' : 'Query';
  return OPERATIONS[`${root}.${String(path.key)}`]?.audit ?? 'READ';
}

const OMITTED = Symbol('omitted');

async function concreteTypeName(
  type: GraphQLNamedType,
  value: unknown,
  context: AccessContext,
  info: GraphQLResolveInfo,
): Promise<string | undefined> {
  if (isObjectType(type)) return type.name;
  if (isAbstractType(type) && type.resolveType) {
    const resolved = await type.resolveType(value, context, info, type);
    return typeof resolved === 'string' ? resolved : undefined;
  }
  return undefined;
}

/** Checks one value (or each value of a list) against its type's row. */
async function checkValue(
  value: unknown,
  type: GraphQLNamedType,
  context: AccessContext,
  info: GraphQLResolveInfo,
  inList: boolean,
): Promise<unknown> {
  if (value === null || value === undefined) return value;
  if (Array.isArray(value)) {
    const checked = await Promise.all(value.map((item) => checkValue(item, type, context, info, true)));
    return checked.filter((item) => item !== OMITTED);
  }
  // An object type needs no resolving (a wijkkaart holds thousands of links: no promise per value for that).
  const typeName = isObjectType(type) ? type.name : await concreteTypeName(type, value, context, info);
  const policy = typeName === undefined ? undefined : TYPES[typeName];
  if (!typeName || !policy) return value;
  const subject = (SUBJECTS[typeName as keyof typeof SUBJECTS] as (v: unknown) => Subject)(value);
  const rule = policy.rules[context.viewer.role];
  // A subscription event delivers data like a query does: recorded as a read.
  const isQuery = info.operation.operation !== OperationTypeNode.MUTATION;
  if (allows(rule, context.viewer, subject)) {
    if (policy.clientData && isQuery) {
      context.audit.note({ clientId: subject.clientId ?? null, subject: typeName, action: readAction(info), result: 'SUCCESS' });
    }
    return value;
  }
  if (inList && policy.omitFromLists) return OMITTED;
  throw denied(typeName, subject, context, info);
}

/** A value of `typeName` the viewer may not see, at the field of `info`: audited as DENIED, answered with the refusal. */
function denied(typeName: string, subject: Subject, context: AccessContext, info: GraphQLResolveInfo): Error {
  const isQuery = info.operation.operation !== OperationTypeNode.MUTATION;
  context.audit.note({
    clientId: subject.clientId ?? null,
    subject: typeName,
    action: isQuery ? readAction(info) : (OPERATIONS[rootField(info)]?.audit ?? 'UPDATE'),
    result: 'DENIED',
  });
  return refusal(context.viewer, `${info.parentType.name}.${info.fieldName}`);
}

/**
 * What a lookup by id answers when nothing has that id (issue 11). A viewer who would be allowed a
 * value of `typeName` with this subject (a client asking for their own id) learns that it is
 * missing: null. Anyone else gets exactly what a value that exists but is someone else's gets:
 * the same refusal, audited the same way. So the answer never tells whether an id exists.
 * `subject` is what the id alone says (a client id is its own subject; a circle id says nothing).
 */
export function absent(typeName: TypeKey, subject: Subject, context: AccessContext, info: GraphQLResolveInfo): null {
  if (allows(TYPES[typeName]?.rules[context.viewer.role] ?? 'deny', context.viewer, subject)) return null;
  throw denied(typeName, subject, context, info);
}

function checkedTypes(type: GraphQLNamedType, schema: GraphQLSchema): boolean {
  if (isObjectType(type)) return type.name in TYPES;
  if (isAbstractType(type)) return schema.getPossibleTypes(type).some((member) => member.name in TYPES);
  return false;
}

/**
 * Wraps every resolver that needs it: root fields (and listed object fields) check their row
 * before they run; every field that returns a checked type checks each value it returns. Fields
 * that need neither are left alone (no cost on the hot path of big district maps).
 */
export function enforcePolicy(schema: GraphQLSchema): GraphQLSchema {
  const roots = new Set([schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].filter(Boolean));
  const problems: string[] = [];
  const seenOperations = new Set<string>();
  const seenTypes = new Set<string>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!(type instanceof GraphQLObjectType) || type.name.startsWith('__')) continue;
    if (type.name in TYPES) seenTypes.add(type.name);
    for (const field of Object.values(type.getFields())) {
      const key = `${type.name}.${field.name}`;
      const operation = OPERATIONS[key];
      if (operation) seenOperations.add(key);
      if (roots.has(type) && !operation) problems.push(`${key} has no row in the access policy`);
      const target = getNamedType(field.type);
      const checkResult = checkedTypes(target, schema);
      if (!operation && !checkResult) continue;
      const resolve: GraphQLFieldResolver<unknown, AccessContext> = field.resolve ?? defaultFieldResolver;
      field.resolve = async (parent, args, context: AccessContext, info) => {
        let rule: Rule = 'allow';
        if (operation) {
          rule = operation.rules[context.viewer.role];
          if (rule === 'deny') {
            context.audit.note({
              clientId: await clientAbout(args, context),
              subject: key,
              action: operation.audit ?? (info.operation.operation === OperationTypeNode.MUTATION ? 'UPDATE' : 'READ'),
              result: 'DENIED',
            });
            throw refusal(context.viewer, key);
          }
        }
        const value: unknown = await resolve(parent, args, context, info);
        if (rule !== 'allow' && !context.access.wasRequired(key)) {
          throw new Error(`${key}: the resolver did not check the condition "${rule}" of the access policy`);
        }
        const checked = checkResult ? await checkValue(value, target, context, info, false) : value;
        if (
          operation?.audit &&
          roots.has(type) &&
          info.operation.operation === OperationTypeNode.QUERY &&
          !context.audit.hasNotes()
        ) {
          context.audit.note({ clientId: null, subject: key, action: operation.audit, result: 'SUCCESS' });
        }
        return checked;
      };
    }
  }
  for (const key of Object.keys(OPERATIONS))
    if (!seenOperations.has(key)) problems.push(`policy row ${key} names no field of the schema`);
  for (const key of Object.keys(TYPES)) if (!seenTypes.has(key)) problems.push(`policy type ${key} is not in the schema`);
  if (problems.length > 0) throw new Error(`The access policy does not fit the schema:\n  ${problems.join('\n  ')}`);
  return schema;
}
