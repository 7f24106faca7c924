import type { SpoorGroup, WijkSignalsQuery } from '../../gql/graphql';
import { nl } from '../../messages/nl';

export type WijkSignal = NonNullable<WijkSignalsQuery['wijkSignals']>['signals'][number];
export type WijkSignalTextInput = Pick<
  WijkSignal,
  'code' | 'nodeIds' | 'groups' | 'eiIndex' | 'category' | 'unlinkedPairs' | 'articulation' | 'rank'
>;

/** What the panel shows for one signal, in plain Dutch for professionals. */
export interface WijkSignalText {
  /** Names the organisations or key figures. */
  readonly title: string;
  /** Why it matters. */
  readonly why: string;
  /** A suggested next step. */
  readonly next: string;
  /** A short label: the map's marker and the highlight. */
  readonly short: string;
  /** The prefilled title of an action made from it. */
  readonly action: string;
}

export interface WijkSignalContext {
  /** Names by node id (organisations and key figures of the map). */
  readonly names: ReadonlyMap<string, string>;
  /** K: the least number of opted-in clients a missing link needs. */
  readonly minimumClients: number;
}

const texts = nl.wijkSignals;

/** "Spoor 1 (Sociale basis)"; "Overig" for organisations without a spoor. */
export function spoorName(group: SpoorGroup): string {
  switch (group) {
    case 'TIER_1':
      return `${nl.spoor.tier1.title} (${nl.spoor.tier1.name})`;
    case 'TIER_2':
      return `${nl.spoor.tier2.title} (${nl.spoor.tier2.name})`;
    case 'TIER_3':
      return `${nl.spoor.tier3.title} (${nl.spoor.tier3.name})`;
    case 'OTHER':
      return `organisaties zonder spoor`;
  }
}

const numberFormat = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 2, minimumFractionDigits: 0 });
const percentFormat = new Intl.NumberFormat('nl-NL', { style: 'percent', maximumFractionDigits: 0 });

/** "−0,5": Dutch decimals, a real minus sign. */
export function formatIndex(value: number): string {
  return numberFormat.format(value).replace('-', '−');
}

/** "12%". */
export function formatShare(value: number): string {
  return percentFormat.format(value);
}

/** An E-I index in words and as a number; undefined when there are no links to count. */
export function eiText(ei: number | null): string {
  return ei === null ? texts.ei.undefined : texts.ei.value(eiWords(ei), formatIndex(ei));
}

/** What an E-I index says: links mostly inside the groups, mostly across, or in between. */
export function eiWords(ei: number): string {
  return ei <= -0.5 ? texts.ei.inside : ei >= 0.5 ? texts.ei.across : texts.ei.mixed;
}

function nameOf(id: string, names: ReadonlyMap<string, string>): string {
  return names.get(id) ?? texts.unknownName;
}

/** The names of these ids, each once, joined "A, B en C". */
export function nameList(ids: readonly string[], names: ReadonlyMap<string, string>): string {
  return texts.list([...new Set(ids.map((id) => nameOf(id, names)))]);
}

function missingLinkText(first: string, second: string, minimumClients: number): WijkSignalText {
  const code = texts.code.MISSING_LINK;
  return {
    title: code.title(first, second),
    why: code.why(minimumClients),
    next: code.next(first, second),
    short: code.short(first, second),
    action: code.action(first, second),
  };
}

/**
 * The words for one signal. A MISSING_LINK carries no count: its text names only the rule's K,
 * never any other number, so no two answers can be compared to learn about a client.
 */
export function wijkSignalText(signal: WijkSignalTextInput, { names, minimumClients }: WijkSignalContext): WijkSignalText {
  const code = texts.code;
  const [firstId = '', secondId = ''] = signal.nodeIds;
  const first = nameOf(firstId, names);
  switch (signal.code) {
    case 'MISSING_LINK': {
      // By name, so the pair reads the same whatever the ids are.
      const [one, two] = [first, nameOf(secondId, names)].sort((x, y) => x.localeCompare(y, 'nl'));
      return missingLinkText(one ?? first, two ?? first, minimumClients);
    }
    case 'TIER_ISLAND': {
      const [a = 'OTHER', b = 'OTHER'] = signal.groups ?? [];
      const nameA = spoorName(a);
      const nameB = spoorName(b);
      return {
        title: code.TIER_ISLAND.title(nameA, nameB),
        why: code.TIER_ISLAND.why(nameA, nameB, eiText(signal.eiIndex)),
        next: code.TIER_ISLAND.next(nameA, nameB),
        short: code.TIER_ISLAND.short(nameA, nameB),
        action: code.TIER_ISLAND.action(nameA, nameB),
      };
    }
    case 'ISLAND': {
      const list = nameList(signal.nodeIds, names);
      return {
        title: code.ISLAND.title(list, new Set(signal.nodeIds).size),
        why: code.ISLAND.why,
        next: code.ISLAND.next(list),
        short: code.ISLAND.short(list),
        action: code.ISLAND.action(list),
      };
    }
    case 'FRAGILE_BROKER':
      return {
        title: signal.articulation ? code.FRAGILE_BROKER.titleSplit(first) : code.FRAGILE_BROKER.titleBusy(first),
        why: signal.articulation ? code.FRAGILE_BROKER.whySplit(first) : code.FRAGILE_BROKER.whyBusy(first, signal.rank),
        next: code.FRAGILE_BROKER.next(first),
        short: code.FRAGILE_BROKER.short(first),
        action: code.FRAGILE_BROKER.action(first),
      };
    case 'KEY_FIGURE_UNCONNECTED':
      return {
        title: code.KEY_FIGURE_UNCONNECTED.title(first),
        why: code.KEY_FIGURE_UNCONNECTED.why(first),
        next: code.KEY_FIGURE_UNCONNECTED.next(first),
        short: code.KEY_FIGURE_UNCONNECTED.short(first),
        action: code.KEY_FIGURE_UNCONNECTED.action(first),
      };
    case 'OVERLAP': {
      const category = signal.category ? nl.signals.offerCategory[signal.category] : nl.signals.overlapSupportUnknown;
      const pairs = signal.unlinkedPairs.map((pair) => texts.list([nameOf(pair.a, names), nameOf(pair.b, names)]));
      return {
        title: code.OVERLAP.title(category),
        why: `${code.OVERLAP.why(nameList(signal.nodeIds, names), category)}${pairs.length > 0 ? ` ${code.OVERLAP.unlinked(pairs.join('; '))}` : ''}`,
        next: code.OVERLAP.next(category),
        short: code.OVERLAP.short(category),
        action: code.OVERLAP.action(category),
      };
    }
  }
}
