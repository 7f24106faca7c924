import { toOrganisationSummary } from '../district/mappers.js';
import { bool, list, num, oneOf, optNum, optOneOf, optStr, str, strList, type Raw } from '../mappers.js';
import { CONTACT_FREQUENCIES, OFFERING_CATEGORIES, SUPPORT_KINDS, WISHES, type SupportKind } from '../model.js';
import type { CircleEntry, CircleSummary, CircleTie, NetworkCircle, SignalInput, TargetFacts } from './types.js';

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
    frequency: optOneOf(CONTACT_FREQUENCIES, raw, 'frequency'),
    version: num(raw, 'version'),
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
            ownContact: bool(target, 'ownContact'),
          },
  };
}

/** Ties are stored on the circle as "fromEntryId~toEntryId" (with the ids in order), which is also their id. */
export function tieId(a: string, b: string): string {
  return a < b ? `${a}~${b}` : `${b}~${a}`;
}

export function toCircleTie(stored: string, clientId: string): CircleTie {
  const [fromEntryId = '', toEntryId = ''] = stored.split('~');
  return { id: stored, clientId, fromEntryId, toEntryId };
}

export function toNetworkCircle(raw: Raw): NetworkCircle {
  const summary = toCircleSummary(raw);
  return {
    ...summary,
    clientName: str(raw, 'clientName'),
    version: num(raw, 'version'),
    entries: list(raw, 'entries').map((entry) => toCircleEntry(entry, summary.clientId)),
    ties: strList(raw, 'ties').map((tie) => toCircleTie(tie, summary.clientId)),
  };
}

function toFacts(raw: Raw | null): TargetFacts {
  if (!raw) return { tier: null, categories: [], organisationId: null, organisationName: null };
  return {
    tier: optNum(raw, 'tier') as TargetFacts['tier'],
    categories: strList(raw, 'categories').filter((c): c is TargetFacts['categories'][number] =>
      (OFFERING_CATEGORIES as readonly string[]).includes(c),
    ),
    organisationId: optStr(raw, 'organisationId'),
    organisationName: optStr(raw, 'organisationName'),
  };
}

/** The signal rules' view of a circle read with `signals: true`. */
export function toSignalInput(raw: Raw, circle: NetworkCircle, innerRings: number): SignalInput {
  const rawEntries = list(raw, 'entries');
  const previous = raw.previous as Raw | null | undefined;
  return {
    entries: circle.entries.map((entry, index) => ({
      ...entry,
      facts: toFacts((rawEntries[index]?.facts as Raw | null) ?? null),
    })),
    previous: previous ? { frozenAt: str(previous, 'frozenAt'), rings: (previous.rings as number[] | null) ?? [] } : null,
    offers: list(raw, 'offers').map((offer) => ({
      organisationId: str(offer, 'organisationId'),
      organisationName: str(offer, 'organisationName'),
      category: oneOf(OFFERING_CATEGORIES, offer, 'category'),
    })),
    innerRings,
  };
}
