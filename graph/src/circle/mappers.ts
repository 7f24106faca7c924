import { toOrganisationSummary } from '../district/mappers.js';
import { bool, list, num, oneOf, optOneOf, optStr, str, strList, type Raw } from '../mappers.js';
import { SUPPORT_KINDS, WISHES, type SupportKind } from '../model.js';
import type { CircleEntry, CircleSummary, NetworkCircle } from './types.js';

export function toCircleSummary(raw: Raw): CircleSummary {
  return {
    id: str(raw, 'id'),
    clientId: str(raw, 'clientId'),
    label: optStr(raw, 'label'),
    createdAt: str(raw, 'createdAt'),
    frozenAt: optStr(raw, 'frozenAt'),
  };
}

/** `clientId` is the circle's owner: access checks on an entry or a person in it need it. */
export function toCircleEntry(raw: Raw, clientId: string): CircleEntry {
  const target = raw.target as Raw;
  const support = strList(raw, 'support').filter((s): s is SupportKind => (SUPPORT_KINDS as readonly string[]).includes(s));
  return {
    id: str(raw, 'id'),
    clientId,
    ring: num(raw, 'ring'),
    sector: str(raw, 'sector'),
    position: num(raw, 'position'),
    relation: optStr(raw, 'relation'),
    support,
    safetyNet: bool(raw, 'safetyNet'),
    wish: optOneOf(WISHES, raw, 'wish'),
    note: optStr(raw, 'note'),
    target:
      oneOf(['PERSON', 'ORGANISATION'] as const, target, 'kind') === 'ORGANISATION'
        ? { kind: 'ORGANISATION', ...toOrganisationSummary(target) }
        : {
            kind: 'PERSON',
            clientId,
            id: str(target, 'id'),
            name: str(target, 'name'),
            professional: bool(target, 'professional'),
            organisationId: optStr(target, 'organisationId'),
          },
  };
}

export function toNetworkCircle(raw: Raw): NetworkCircle {
  const summary = toCircleSummary(raw);
  return {
    ...summary,
    clientName: str(raw, 'clientName'),
    entries: list(raw, 'entries').map((entry) => toCircleEntry(entry, summary.clientId)),
  };
}
