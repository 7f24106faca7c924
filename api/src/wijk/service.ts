import { DomainError, nodeDistricts, type AuditAction, type Tx } from '@wijkkring/graph';
import { allows } from '../access/enforce.js';
import { POLICY, type OperationKey } from '../access/policy.js';
import { auditedWrite } from '../audit/audited-write.js';
import type { Context } from '../context.js';

/** The wijkkaart's changes, each with its own row in the access policy. */
export type MapOperation = Extract<
  OperationKey,
  | 'Mutation.recordLink'
  | 'Mutation.updateLink'
  | 'Mutation.endLink'
  | 'Mutation.recordKeyFigure'
  | 'Mutation.joinPartnership'
  | 'Mutation.leavePartnership'
  | 'Mutation.recordOffering'
  | 'Mutation.updateOffering'
  | 'Mutation.endOffering'
  | 'Mutation.createWijkAction'
  | 'Mutation.updateWijkAction'
>;

export interface MapWrite<T> {
  operation: MapOperation;
  /** What the audit record names as changed (a type of the schema). */
  subject: string;
  action: Extract<AuditAction, 'CREATE' | 'UPDATE'>;
  /** The wijken the change touches; undefined when what it names does not exist (NOT_FOUND with `notFound`). */
  locate: (tx: Tx) => Promise<readonly string[] | undefined>;
  notFound: { message: string; field: string };
  run: (tx: Tx) => Promise<T>;
  detail?: string;
}

/**
 * The one path for every change of the wijkkaart: inside one write transaction, find the wijken
 * the change touches, check the access policy (a refusal is audited as DENIED and nothing is
 * written), make the change, and write its audit record, so the change and its record commit
 * together or not at all.
 */
export async function mapWrite<T>(context: Context, write: MapWrite<T>): Promise<T> {
  return auditedWrite(
    context,
    { subject: write.subject, action: write.action, detail: write.detail ?? write.operation },
    async (tx) => {
      const districtIds = await write.locate(tx);
      if (districtIds === undefined) throw new DomainError('NOT_FOUND', write.notFound.message, { field: write.notFound.field });
      context.access.require(write.operation, { districtIds });
      return write.run(tx);
    },
  );
}

/** Today in UTC as an ISO date, from the request's clock. */
export function todayOf(context: Context): string {
  return new Date(context.now).toISOString().slice(0, 10);
}

/** Whether the viewer may see figures derived from client circles in this wijk (the WijkSignal row of the policy). */
export function maySeeCircleFigures(context: Context, districtId: string): boolean {
  return allows(POLICY.types.WijkSignal.rules[context.viewer.role], context.viewer, { districtIds: [districtId] });
}

export interface EndCheck {
  /** The wijk the change is made for. */
  districtId: string;
  /** Which input field names the end (for the error). */
  field: string;
  /** Organisations elsewhere may be named (a link between wijken); key figures never. */
  allowElsewhere: boolean;
}

/**
 * Checks one end of a link, or the organisation of an offering or membership: it must exist, be in
 * the wijk (or, where allowed, an organisation elsewhere), and a key figure must have consented.
 */
export async function checkEnd(tx: Tx, id: string, check: EndCheck): Promise<'ORGANISATION' | 'KEY_FIGURE'> {
  const found = await nodeDistricts(tx, id);
  if (!found) throw new DomainError('NOT_FOUND', 'No such organisation or key figure.', { field: check.field });
  const here = found.districtIds.includes(check.districtId);
  if (found.kind === 'KEY_FIGURE') {
    if (!here) throw new DomainError('OUTSIDE_DISTRICT', 'This key figure belongs to another wijk.', { field: check.field });
    if (!found.consent)
      throw new DomainError('CONSENT_REQUIRED', 'This key figure has not consented to appear on the map.', {
        field: check.field,
      });
  } else if (!here && !check.allowElsewhere) {
    throw new DomainError('OUTSIDE_DISTRICT', 'This organisation is not active in this wijk.', { field: check.field });
  }
  return found.kind;
}
