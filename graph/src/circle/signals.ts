import { SUPPORT_KINDS, type OfferingCategory, type SupportKind } from '../model.js';
import { SIGNAL_KINDS, type CircleSignal, type LocalOffer, type SignalKind } from './signal-types.js';
import type { SignalInput } from './types.js';

type SignalEntry = SignalInput['entries'][number];

/** One rule: looks at the whole input and says what, if anything, it notices. */
export type SignalRule = (input: SignalInput) => CircleSignal | CircleSignal[] | null;

/** At most this many offers per signal: a suggestion, not a directory. */
const MAX_OFFERS = 3;

/** Which local offers fit which signal; the order of each list is the order offers are suggested in. */
export const OFFER_CATEGORIES: Record<SignalKind, OfferingCategory[]> = {
  NO_SOCIAL_BASE: ['WALK_IN', 'BUDDY', 'VOLUNTEERING', 'SPORT'],
  INNER_RINGS_ONLY_PROFESSIONALS: ['BUDDY', 'PEER_SUPPORT'],
  NO_SAFETY_NET: ['BUDDY', 'NEIGHBOURHOOD_SUPPORT'],
  SAFETY_NET_ONLY_PROFESSIONALS: ['BUDDY', 'PEER_SUPPORT'],
  NO_GENERAL_PRACTITIONER: ['GENERAL_PRACTICE'],
  // Overlap asks for coordination between the organisations already there, not for more of them.
  SUPPORT_OVERLAP: [],
  INNER_RINGS_SHRANK: ['WALK_IN', 'PEER_SUPPORT'],
};

// Several safety nets are a good thing, so giving one is never "overlap".
const OVERLAP_SUPPORT_KINDS: readonly SupportKind[] = SUPPORT_KINDS.filter((kind) => kind !== 'SAFETY_NET');

const GP_RELATION = /huisarts|\bdokter\b/i;

const byName = (a: string, b: string): number => a.localeCompare(b, 'nl');

function isProfessional(entry: SignalEntry): boolean {
  return entry.target.kind === 'ORGANISATION' || entry.target.professional;
}

function isGeneralPractitioner(entry: SignalEntry): boolean {
  return entry.facts.categories.includes('GENERAL_PRACTICE') || (entry.relation !== null && GP_RELATION.test(entry.relation));
}

function innerEntries(input: SignalInput): SignalEntry[] {
  return input.entries.filter((entry) => entry.ring <= input.innerRings);
}

/**
 * Up to MAX_OFFERS offers for a signal. Organisations already in the circle are left out (the
 * client knows them), and one offer per organisation so the suggestions are real alternatives.
 */
function pickOffers(input: SignalInput, kind: SignalKind): LocalOffer[] {
  const categories = OFFER_CATEGORIES[kind];
  const inCircle = new Set(input.entries.map((entry) => entry.facts.organisationId).filter((id) => id !== null));
  const candidates = input.offers
    .filter((offer) => categories.includes(offer.category) && !inCircle.has(offer.organisationId))
    .sort(
      (a, b) =>
        categories.indexOf(a.category) - categories.indexOf(b.category) ||
        byName(a.organisationName, b.organisationName) ||
        // Only so equal names still give the same answer whatever order the database returned.
        (a.organisationId < b.organisationId ? -1 : a.organisationId > b.organisationId ? 1 : 0),
    );
  const picked: LocalOffer[] = [];
  const seen = new Set<string>();
  for (const offer of candidates) {
    if (picked.length === MAX_OFFERS) break;
    if (seen.has(offer.organisationId)) continue;
    seen.add(offer.organisationId);
    picked.push(offer);
  }
  return picked;
}

/** A signal with every field a rule does not set empty, and its offers filled in. */
function signal(input: SignalInput, kind: SignalKind, fields: Partial<Omit<CircleSignal, 'kind' | 'offers'>> = {}): CircleSignal {
  return {
    kind,
    entryIds: [],
    supportKind: null,
    organisationNames: [],
    count: null,
    previousCount: null,
    previousAt: null,
    ...fields,
    offers: pickOffers(input, kind),
  };
}

function noSocialBase(input: SignalInput): CircleSignal | null {
  return input.entries.some((entry) => entry.facts.tier === 1) ? null : signal(input, 'NO_SOCIAL_BASE');
}

function innerRingsOnlyProfessionals(input: SignalInput): CircleSignal | null {
  const inner = innerEntries(input);
  // An empty inner circle is not "only professionals"; it says nothing about who is there.
  if (inner.length === 0 || !inner.every(isProfessional)) return null;
  return signal(input, 'INNER_RINGS_ONLY_PROFESSIONALS', { entryIds: inner.map((entry) => entry.id) });
}

function noSafetyNet(input: SignalInput): CircleSignal | null {
  return input.entries.some((entry) => entry.safetyNet) ? null : signal(input, 'NO_SAFETY_NET');
}

function safetyNetOnlyProfessionals(input: SignalInput): CircleSignal | null {
  const nets = input.entries.filter((entry) => entry.safetyNet);
  // With no safety net at all NO_SAFETY_NET speaks; saying both would be noise.
  if (nets.length === 0 || !nets.every(isProfessional)) return null;
  return signal(input, 'SAFETY_NET_ONLY_PROFESSIONALS', { entryIds: nets.map((entry) => entry.id) });
}

function noGeneralPractitioner(input: SignalInput): CircleSignal | null {
  return input.entries.some(isGeneralPractitioner) ? null : signal(input, 'NO_GENERAL_PRACTITIONER');
}

function supportOverlap(input: SignalInput): CircleSignal[] {
  const signals: CircleSignal[] = [];
  for (const supportKind of OVERLAP_SUPPORT_KINDS) {
    // Without an employer we cannot tell whose work it overlaps with, so such a professional is left out.
    const givers = input.entries.filter(
      (entry) => isProfessional(entry) && entry.facts.organisationId !== null && entry.support.includes(supportKind),
    );
    const organisations = new Set(givers.map((entry) => entry.facts.organisationId));
    if (organisations.size < 2) continue;
    const names = new Set(givers.map((entry) => entry.facts.organisationName).filter((name) => name !== null));
    signals.push(
      signal(input, 'SUPPORT_OVERLAP', {
        entryIds: givers.map((entry) => entry.id),
        supportKind,
        organisationNames: [...names].sort(byName),
      }),
    );
  }
  return signals;
}

function innerRingsShrank(input: SignalInput): CircleSignal | null {
  const { previous } = input;
  if (previous === null) return null;
  const count = innerEntries(input).length;
  const previousCount = previous.rings.filter((ring) => ring <= input.innerRings).length;
  if (count >= previousCount) return null;
  return signal(input, 'INNER_RINGS_SHRANK', { count, previousCount, previousAt: previous.frozenAt });
}

/** Every rule, in the order of SIGNAL_KINDS. */
export const RULES: readonly SignalRule[] = [
  noSocialBase,
  innerRingsOnlyProfessionals,
  noSafetyNet,
  safetyNetOnlyProfessionals,
  noGeneralPractitioner,
  supportOverlap,
  innerRingsShrank,
];

/** What the rules notice in a circle, in the order of SIGNAL_KINDS. Pure: same input, same answer. */
export function computeSignals(input: SignalInput): CircleSignal[] {
  const signals = RULES.flatMap((rule) => {
    const result = rule(input);
    return result === null ? [] : Array.isArray(result) ? result : [result];
  });
  // Stable sort: keeps the support-kind order of several overlaps, and the promise holds even if RULES is reordered.
  return signals.sort((a, b) => SIGNAL_KINDS.indexOf(a.kind) - SIGNAL_KINDS.indexOf(b.kind));
}
