import type { LinkKind } from '../../gql/graphql';
import { nl } from '../../messages/nl';
import { monthYear, longDate } from './dates';
import type { MapColumn, MapNode, NodeGroup } from './model';

/** Dutch words for what the map shows, shared by the card, the list and the change list. */

export const GROUP_TEXT: Record<NodeGroup, { readonly title: string; readonly name: string }> = {
  tier1: nl.spoor.tier1,
  tier2: nl.spoor.tier2,
  tier3: nl.spoor.tier3,
  other: nl.spoor.other,
  keyFigure: nl.spoor.keyFigure,
};

export const COLUMN_LABELS: Record<MapColumn, string> = nl.wijk.columns;

export function languageName(tag: string): string {
  return nl.language[tag] ?? tag;
}

/** "Arabisch, Turks en Pools". */
export function languageList(tags: readonly string[]): string {
  const names = tags.map(languageName);
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} en ${names[names.length - 1] ?? ''}`;
}

/** Spoor (and sector outside the sporen) of a node, in words. */
export function nodeKindText(node: MapNode): string {
  if (node.kind === 'keyFigure') return nl.wijk.keyFigure;
  const group = GROUP_TEXT[node.group];
  if (node.group === 'other' && node.sector) return `${group.title}: ${nl.sector[node.sector]}`;
  return `${group.title}: ${group.name}`;
}

export function kindText(kind: LinkKind): string {
  return nl.linkKind[kind];
}

/** "DOCK — samenwerking — Lister, sinds maart 2021". */
export function linkSentence(
  names: ReadonlyMap<string, string>,
  link: {
    readonly fromId: string;
    readonly toId: string;
    readonly kind: LinkKind;
    readonly since?: string | null;
    readonly until?: string | null;
  },
): string {
  return nl.wijk.linkSentence(
    names.get(link.fromId) ?? '',
    kindText(link.kind),
    names.get(link.toId) ?? '',
    monthYear(link.since),
    link.until ? longDate(link.until) : null,
  );
}
