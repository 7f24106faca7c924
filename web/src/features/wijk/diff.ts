import { drawableLinks, mapNodes, type MapLink, type MapOffering, type WijkMapData } from './model';

/** What changed in the wijk between two maps (an earlier and a later date). */
export interface WijkDiff {
  readonly startedLinks: readonly MapLink[];
  readonly endedLinks: readonly MapLink[];
  /** Organisations active in the wijk on the later date and not on the earlier one. */
  readonly organisationsAppeared: readonly { readonly id: string; readonly name: string }[];
  readonly organisationsWent: readonly { readonly id: string; readonly name: string }[];
  readonly offeringsAppeared: readonly MapOffering[];
  readonly offeringsWent: readonly MapOffering[];
  /** Names of everything on either map, for the sentences. */
  readonly names: ReadonlyMap<string, string>;
}

const byId = <T extends { readonly id: string }>(list: readonly T[]) => new Map(list.map((x) => [x.id, x]));

export function diffMaps(earlier: WijkMapData, later: WijkMapData): WijkDiff {
  const before = byId(drawableLinks(earlier));
  const after = byId(drawableLinks(later));
  const orgsBefore = byId(earlier.organisations);
  const orgsAfter = byId(later.organisations);
  const offersBefore = byId(earlier.offerings);
  const offersAfter = byId(later.offerings);
  const names = new Map<string, string>();
  for (const n of [...mapNodes(earlier), ...mapNodes(later)]) names.set(n.id, n.name);
  const sortByName = <T extends { readonly name: string }>(list: T[]) =>
    list.sort((a, b) => a.name.localeCompare(b.name, 'nl', { sensitivity: 'base' }));
  const linkName = (l: MapLink) => `${names.get(l.fromId) ?? ''} ${names.get(l.toId) ?? ''}`;
  const sortLinks = (list: MapLink[]) => list.sort((a, b) => linkName(a).localeCompare(linkName(b), 'nl'));
  return {
    startedLinks: sortLinks([...after.values()].filter((l) => !before.has(l.id))),
    endedLinks: sortLinks([...before.values()].filter((l) => !after.has(l.id))),
    organisationsAppeared: sortByName(
      [...orgsAfter.values()].filter((o) => !orgsBefore.has(o.id)).map(({ id, name }) => ({ id, name })),
    ),
    organisationsWent: sortByName(
      [...orgsBefore.values()].filter((o) => !orgsAfter.has(o.id)).map(({ id, name }) => ({ id, name })),
    ),
    offeringsAppeared: sortByName([...offersAfter.values()].filter((o) => !offersBefore.has(o.id))),
    offeringsWent: sortByName([...offersBefore.values()].filter((o) => !offersAfter.has(o.id))),
    names,
  };
}

export function diffIsEmpty(diff: WijkDiff): boolean {
  return (
    diff.startedLinks.length +
      diff.endedLinks.length +
      diff.organisationsAppeared.length +
      diff.organisationsWent.length +
      diff.offeringsAppeared.length +
      diff.offeringsWent.length ===
    0
  );
}
