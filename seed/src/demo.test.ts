import { model, type CircleRow, type EntryRow, type LinkRow } from '@wijkkring/graph';
import { describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_STAFF } from './demo-accounts.js';
import { clientKey, CO_SERVING_GROUPS, DEMO_CLIENTS } from './demo-circles.js';
import { RESEARCH_CLIENTS, RESEARCH_CONTACT_NAMES, RESEARCH_GROUPS, RESEARCH_LINKS } from './demo-research.js';
import { buildDemo, demoCounts, missingLinkKey } from './demo.js';
import { loadFacts } from './facts.js';
import { seedId } from './ids.js';

const facts = loadFacts();
const demo = buildDemo(facts);
const { index } = demo;

const organisationByName = new Map(demo.organisations.map((o) => [o.name, o]));
const organisationById = new Map(demo.organisations.map((o) => [o.id, o]));
const districtByName = new Map(demo.districts.map((d) => [d.name, d]));
const workerIds = new Set(demo.supportWorkers.map((w) => w.id));
const openCircles = demo.circles.filter((c) => c.frozenAt === null);
const frozenCircles = demo.circles.filter((c) => c.frozenAt !== null);
/** The thirty clients of the demo's stories (the co-serving clients only feed the missing-link signal). */
const storyClientIds = new Set(DEMO_CLIENTS.map((c) => seedId(`client:${clientKey(c)}`)));
const storyClients = demo.clients.filter((c) => storyClientIds.has(c.id));
const storyOpenCircles = openCircles.filter((c) => storyClientIds.has(c.clientId));
const storyFrozenCircles = frozenCircles.filter((c) => storyClientIds.has(c.clientId));
/** The research cohort (demo-research.ts): quarterly snapshots since mid-2024, for the research page. */
const cohortClientIds = new Set(RESEARCH_CLIENTS.map((c) => seedId(`client:${clientKey(c)}`)));
const isCohortCircle = (c: CircleRow): boolean => cohortClientIds.has(c.clientId);
/** A fixed "today" for the checks that depend on the date (links valid now, ended links). */
const TODAY = '2026-11-30';
const K = 10;

const districtsOf = (name: string): string[] =>
  (organisationByName.get(name)?.districtIds ?? []).map((id) => demo.districts.find((d) => d.id === id)?.name ?? id);
const tierOf = (id: string): number | null | undefined => organisationById.get(id)?.tier;
const isFamilyInRing1 = (e: EntryRow): boolean => e.sector === 'FAMILY' && e.ring === 1;
const share = (circles: CircleRow[], test: (c: CircleRow) => boolean): number => circles.filter(test).length / circles.length;

describe('demo districts', () => {
  it('are the ten wijken plus Kanaleneiland, part of Zuidwest', () => {
    expect(demo.districts.map((d) => d.slug)).toEqual([
      'binnenstad',
      'noordoost',
      'oost',
      'zuid',
      'zuidwest',
      'west',
      'noordwest',
      'overvecht',
      'leidsche-rijn',
      'vleuten-de-meern',
      'kanaleneiland',
    ]);
    expect(districtByName.get('Kanaleneiland')?.partOfId).toBe(districtByName.get('Zuidwest')?.id);
    expect(demo.districts.filter((d) => d.partOfId !== null)).toHaveLength(1);
    expect(
      demo.districts
        .filter((d) => d.focus)
        .map((d) => d.name)
        .sort(),
    ).toEqual(['Kanaleneiland', 'Leidsche Rijn', 'Noordwest', 'Overvecht']);
  });
});

describe('demo organisations', () => {
  it('have unique ascii slugs and are each active somewhere', () => {
    const slugs = demo.organisations.map((o) => o.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    for (const o of demo.organisations) {
      expect(o.slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(o.districtIds.length, o.name).toBeGreaterThan(0);
    }
    expect(organisationByName.get('Wijkcoöperatie Kanaleneiland')?.slug).toBe('wijkcooperatie-kanaleneiland');
  });

  it('place the kernteam members in their wijk and the citywide ones everywhere', () => {
    for (const [wijk, members] of Object.entries(facts.kernteams)) {
      for (const member of members) expect(districtsOf(member), `${member} in ${wijk}`).toContain(wijk);
    }
    for (const name of ['Buurtteam Sociaal', 'DOCK', 'Gemeente Utrecht', 'Gemeente Utrecht Volksgezondheid']) {
      expect(districtsOf(name)).toHaveLength(11);
    }
    for (const member of facts.gezondeWijkNetwerk.members) {
      for (const wijk of facts.focusWijken) expect(districtsOf(member)).toContain(wijk);
    }
  });

  it('keep place-named initiatives in their own wijk', () => {
    expect(districtsOf('Huis van Vrede')).toEqual(['Kanaleneiland']);
    expect(districtsOf('Wijkcoöperatie Kanaleneiland')).toEqual(['Kanaleneiland']);
    expect(districtsOf('Huisarts Kanaleneiland')).toEqual(['Kanaleneiland']);
    expect(districtsOf('Samen voor Overvecht')).toEqual(['Overvecht']);
    expect(districtsOf('Overvecht Gezond')).toEqual(['Overvecht']);
    expect(districtsOf('De Kracht van Zuilen')).toEqual(['Noordwest']);
  });

  it('spread the organisations the report places nowhere over one to four districts', () => {
    expect(districtsOf('Altrecht').length).toBeGreaterThanOrEqual(1);
    expect(districtsOf('Altrecht').length).toBeLessThanOrEqual(4);
    expect(districtsOf('Cazas Wonen').length).toBeLessThanOrEqual(4);
  });

  it('offer something wherever they are active, except the municipality', () => {
    for (const o of demo.organisations) {
      const offered = demo.offerings.filter((f) => f.organisationId === o.id);
      if (o.sector === 'MUNICIPALITY') expect(offered, o.name).toHaveLength(0);
      else expect(new Set(offered.map((f) => f.districtId)), o.name).toEqual(new Set(o.districtIds));
    }
    const categoriesOf = (name: string): string[] => [
      ...new Set(demo.offerings.filter((f) => f.organisationId === index.organisationId(name)).map((f) => f.category)),
    ];
    expect(categoriesOf('Handje Helpen')).toEqual(['BUDDY']);
    expect(categoriesOf('Buurtteam Sociaal')).toEqual(['NEIGHBOURHOOD_SUPPORT', 'DEBT_SUPPORT']);
    expect(categoriesOf('Huisartsen Overvecht')).toEqual(['GENERAL_PRACTICE']);
    expect(categoriesOf('Lister')).toEqual(['SHELTERED_LIVING']);
  });
});

describe('demo partnerships', () => {
  const partnership = (name: string) => demo.partnerships.find((p) => p.name === name);

  it('has a kernteam per focus wijk with the members from the report', () => {
    expect(partnership('Kernteam Kanaleneiland')?.memberIds).toHaveLength(19);
    expect(partnership('Kernteam Overvecht')?.memberIds).toHaveLength(16);
    expect(partnership('Kernteam Kanaleneiland')?.districtId).toBe(index.districtId('Kanaleneiland'));
  });

  it('has one city-wide regiegroep', () => {
    const regiegroep = partnership('Regiegroep Thuis in je Wijk');
    expect(regiegroep).toMatchObject({ kind: 'STEERING_GROUP', districtId: null });
    expect(regiegroep?.memberIds).toHaveLength(facts.regiegroep.length);
  });

  it('has a gezonde-wijknetwerk per focus wijk: the core members and some of the others', () => {
    const networks = demo.partnerships.filter((p) => p.kind === 'HEALTHY_DISTRICT_NETWORK');
    expect(networks).toHaveLength(4);
    const optional = new Set<string>();
    for (const network of networks) {
      for (const member of facts.gezondeWijkNetwerk.members) expect(network.memberIds).toContain(index.organisationId(member));
      network.memberIds
        .filter((id) => !facts.gezondeWijkNetwerk.members.some((m) => index.organisationId(m) === id))
        .forEach((id) => optional.add(id));
    }
    expect(optional.size).toBeGreaterThan(0);
  });

  it('only has members active in its district', () => {
    for (const p of demo.partnerships.filter((x) => x.districtId !== null)) {
      for (const id of p.memberIds)
        expect(organisationById.get(id)?.districtIds, `${p.name}: ${organisationById.get(id)?.name ?? id}`).toContain(
          p.districtId,
        );
    }
  });
});

describe('demo links', () => {
  const organisationLinks = demo.links.filter((l) => organisationById.has(l.fromId) && organisationById.has(l.toId));

  it('include every link from the report, with its kind and note', () => {
    const report = demo.links.filter((l) => l.source === 'REPORT');
    expect(report).toHaveLength(facts.knownLinksFromTheReport.length);
    const handover = report.find(
      (l) => l.fromId === index.organisationId('De Tussenvoorziening') && l.toId === index.organisationId('Buurtteam Sociaal'),
    );
    expect(handover).toMatchObject({ kind: 'HANDOVER', note: 'after about two years a client is handed over to the buurtteam' });
  });

  it('add 8 to 35 invented links between organisations that share a focus wijk', () => {
    const invented = organisationLinks.filter((l) => l.source === 'DEMO');
    expect(invented.length).toBeGreaterThanOrEqual(8);
    // 21 for the maps, and the research cohort's link history (demo-research.ts).
    expect(invented.length).toBeLessThanOrEqual(35);
    for (const l of invented) {
      const shared = (organisationById.get(l.fromId)?.districtIds ?? []).filter((d) =>
        organisationById.get(l.toId)?.districtIds.includes(d),
      );
      expect(shared.some((d) => demo.districts.find((x) => x.id === d)?.focus)).toBe(true);
    }
  });

  it('keep spoor 1 and spoor 3 mostly apart, as the report observes', () => {
    const crossing = organisationLinks.filter((l) => [tierOf(l.fromId), tierOf(l.toId)].sort().join() === '1,3');
    expect(crossing.length).toBeLessThan(organisationLinks.length / 3);
    expect(crossing.filter((l) => l.source === 'DEMO').length).toBeLessThanOrEqual(1);
  });

  it('leave at least one organisation in Kanaleneiland without any link (an island)', () => {
    const linked = new Set(demo.links.flatMap((l) => [l.fromId, l.toId]));
    const islands = index.activeInDistrict('Kanaleneiland').filter((name) => !linked.has(index.organisationId(name)));
    expect(islands.length).toBeGreaterThan(0);
  });

  it('have unique ids', () => {
    expect(new Set(demo.links.map((l) => l.id)).size).toBe(demo.links.length);
  });
});

describe('demo key figures', () => {
  it('has three in Kanaleneiland and one or two in the other focus wijken', () => {
    const inWijk = (wijk: string) => demo.keyFigures.filter((k) => k.districtId === index.districtId(wijk));
    expect(inWijk('Kanaleneiland')).toHaveLength(3);
    for (const wijk of ['Overvecht', 'Noordwest', 'Leidsche Rijn']) {
      expect(inWijk(wijk).length).toBeGreaterThanOrEqual(1);
      expect(inWijk(wijk).length).toBeLessThanOrEqual(2);
    }
  });

  it('all consent to the map except one', () => {
    expect(demo.keyFigures.filter((k) => !k.mapConsent)).toHaveLength(1);
  });

  it('link the Al Amal ambassador to Al Amal and DOCK', () => {
    const ambassador = demo.keyFigures.find((k) => k.description?.includes('Al Amal'));
    const targets = demo.links.filter((l) => l.fromId === ambassador?.id).map((l) => organisationById.get(l.toId)?.name);
    expect(targets).toEqual(expect.arrayContaining(['Stichting Al Amal', 'DOCK']));
  });
});

describe('demo clients and circles', () => {
  it('has about thirty story clients, and all clients live in the four focus wijken, with a first name only', () => {
    expect(storyClients.length).toBeGreaterThanOrEqual(25);
    expect(storyClients.length).toBeLessThanOrEqual(35);
    expect(new Set(demo.clients.map((c) => c.id)).size).toBe(demo.clients.length);
    const focus = new Set(facts.focusWijken.map((w) => index.districtId(w)));
    for (const c of demo.clients) {
      expect(focus.has(c.districtId)).toBe(true);
      expect(c.name).toMatch(/^\p{Lu}\p{Ll}+$/u);
    }
    for (const c of demo.contacts) expect(c.name).not.toMatch(/\./);
  });

  it('gives every client exactly one open circle, and about a third of the story clients an older frozen snapshot', () => {
    for (const c of demo.clients) expect(openCircles.filter((x) => x.clientId === c.id)).toHaveLength(1);
    // Besides the story clients only the research cohort has snapshots (tested below).
    expect(frozenCircles.every((f) => storyClientIds.has(f.clientId) || cohortClientIds.has(f.clientId))).toBe(true);
    expect(storyFrozenCircles.length).toBeGreaterThanOrEqual(storyClients.length / 4);
    expect(storyFrozenCircles.length).toBeLessThanOrEqual(storyClients.length / 2);
    for (const f of storyFrozenCircles) {
      expect(f.label).toMatch(/^(Januari|Februari|Maart|April|Mei|Juni) 2026$/);
      expect(f.createdAt < (f.frozenAt ?? '')).toBe(true);
    }
  });

  it('makes the open circle differ from the snapshot: someone joined and someone moved ring', () => {
    for (const frozen of storyFrozenCircles) {
      const open = openCircles.find((c) => c.clientId === frozen.clientId);
      const before = new Map(frozen.entries.map((e) => [e.targetId, e.ring]));
      const joined = open?.entries.filter((e) => !before.has(e.targetId)) ?? [];
      const moved = open?.entries.filter((e) => before.has(e.targetId) && before.get(e.targetId) !== e.ring) ?? [];
      expect(joined.length + moved.length).toBeGreaterThan(0);
      expect(joined.length).toBe(1);
    }
  });

  it('keeps circles small: 5 to 12 entries', () => {
    for (const c of demo.circles) {
      expect(c.entries.length).toBeGreaterThanOrEqual(5);
      expect(c.entries.length).toBeLessThanOrEqual(12);
    }
  });

  it('rarely puts family in the inner ring', () => {
    const withFamilyInner = share(storyOpenCircles, (c) => c.entries.some(isFamilyInRing1));
    expect(withFamilyInner).toBeGreaterThan(0);
    expect(withFamilyInner).toBeLessThanOrEqual(0.2);
  });

  it('puts professionals in rings 3 and 4, in the professionals sector', () => {
    for (const c of demo.circles) {
      const inner = c.entries.filter((e) => e.ring <= 2);
      for (const e of c.entries) {
        const professional =
          workerIds.has(e.targetId) ||
          [2, 3].includes(tierOf(e.targetId) ?? 0) ||
          organisationById.get(e.targetId)?.sector === 'PRIMARY_CARE';
        if (professional) expect(e.sector).toBe('PROFESSIONALS');
        if (e.sector !== 'PROFESSIONALS') continue;
        // The research cohort's exception: a begeleider in ring 2 while nobody else is that close
        // (the research figure "only professionals in the inner rings").
        if (isCohortCircle(c) && e.ring === 2)
          expect(
            inner.every((x) => workerIds.has(x.targetId)),
            c.id,
          ).toBe(true);
        else expect(e.ring).toBeGreaterThanOrEqual(3);
      }
    }
  });

  it('has a vangnet, a huisarts and the sociale basis for most, but not all', () => {
    const safetyNet = share(storyOpenCircles, (c) => c.entries.some((e) => e.support.includes('SAFETY_NET')));
    const gp = share(storyOpenCircles, (c) => c.entries.some((e) => e.relation === 'huisarts'));
    const socialBase = share(storyOpenCircles, (c) => c.entries.some((e) => tierOf(e.targetId) === 1));
    expect(safetyNet).toBeGreaterThanOrEqual(0.7);
    expect(safetyNet).toBeLessThan(1);
    expect(gp).toBeGreaterThanOrEqual(0.7);
    expect(gp).toBeLessThan(1);
    expect(socialBase).toBeGreaterThan(0);
    expect(socialBase).toBeLessThanOrEqual(0.5);
    // Some clients have only their begeleider, with office hours, as vangnet.
    expect(
      openCircles.some(
        (c) =>
          c.entries.filter((e) => e.support.includes('SAFETY_NET')).every((e) => workerIds.has(e.targetId)) &&
          c.entries.some((e) => e.support.includes('SAFETY_NET')),
      ),
    ).toBe(true);
  });

  it('has wishes on a few entries', () => {
    const withWish = storyOpenCircles.filter((c) => c.entries.some((e) => e.wish !== null));
    expect(withWish.length).toBeGreaterThanOrEqual(3);
    expect(withWish.length).toBeLessThanOrEqual(storyOpenCircles.length / 2);
  });

  it('numbers positions 0, 1, 2 ... within each ring and sector', () => {
    for (const c of demo.circles) {
      const cells = new Map<string, number[]>();
      for (const e of c.entries)
        cells.set(`${String(e.ring)}:${e.sector}`, [...(cells.get(`${String(e.ring)}:${e.sector}`) ?? []), e.position]);
      for (const positions of cells.values()) expect([...positions].sort((a, b) => a - b)).toEqual(positions.map((_, i) => i));
    }
  });

  it('only places people and organisations that exist, and a client’s contacts only in that client’s circles', () => {
    const contactOwner = new Map(demo.contacts.map((c) => [c.id, c.clientId]));
    const entryIds = demo.circles.flatMap((c) => c.entries.map((e) => e.id));
    expect(new Set(entryIds).size).toBe(entryIds.length);
    for (const c of demo.circles) {
      for (const e of c.entries) {
        const known =
          organisationById.has(e.targetId) || workerIds.has(e.targetId) || contactOwner.get(e.targetId) === c.clientId;
        expect(known, `${e.targetId} in ${c.id}`).toBe(true);
      }
    }
  });

  it('has a begeleider from an organisation active in the client’s wijk', () => {
    for (const c of openCircles) {
      const client = demo.clients.find((x) => x.id === c.clientId);
      const workers = c.entries
        .filter((e) => workerIds.has(e.targetId))
        .map((e) => demo.supportWorkers.find((w) => w.id === e.targetId));
      expect(workers).toHaveLength(1);
      expect(organisationById.get(workers[0]?.organisationId ?? '')?.districtIds).toContain(client?.districtId);
    }
  });
});

const validOn = (link: LinkRow, date: string): boolean =>
  (link.since === null || link.since <= date) && (link.until === null || link.until > date);
const linked = (a: string, b: string, date: string): boolean =>
  demo.links.some((l) => validOn(l, date) && ((l.fromId === a && l.toId === b) || (l.fromId === b && l.toId === a)));
const optedIn = new Set(demo.analysisConsents.map((c) => c.clientId));

/**
 * The missing-link signal's count, from the rows: per organisation pair (signal key), the clients
 * who live in the wijk, pass `counts`, and whose open circle places both organisations, both
 * active in the wijk.
 */
function coServed(wijk: string, counts: (clientId: string) => boolean): Map<string, number> {
  const districtId = index.districtId(wijk);
  const active = new Set(index.activeInDistrict(wijk).map((name) => index.organisationId(name)));
  const pairs = new Map<string, number>();
  for (const client of demo.clients.filter((c) => c.districtId === districtId && counts(c.id))) {
    const open = openCircles.find((c) => c.clientId === client.id);
    const organisations = [...new Set(open?.entries.map((e) => e.targetId).filter((id) => active.has(id)))].sort();
    for (const [i, x] of organisations.entries())
      for (const y of organisations.slice(i + 1)) pairs.set(missingLinkKey(x, y), (pairs.get(missingLinkKey(x, y)) ?? 0) + 1);
  }
  return pairs;
}
const pairKey = (a: string, b: string): string => missingLinkKey(index.organisationId(a), index.organisationId(b));
/** Signal keys of the pairs the signal lists: at least K opted-in clients, and no link today. */
const missingLinks = (wijk: string): string[] =>
  [...coServed(wijk, (id) => optedIn.has(id))]
    .filter(([key, n]) => {
      const [x = '', y = ''] = key.slice('MISSING_LINK:'.length).split('~');
      return n >= K && !linked(x, y, TODAY);
    })
    .map(([key]) => key);

describe('demo clients for the missing-link signal', () => {
  const optedInCount = (wijk: string, a: string, b: string): number =>
    coServed(wijk, (id) => optedIn.has(id)).get(pairKey(a, b)) ?? 0;

  it('makes Stichting Al Amal and Huisarts Kanaleneiland, without a link, a missing link: 12 opted-in clients', () => {
    expect(index.activeIn('Stichting Al Amal')).toContain('Kanaleneiland');
    expect(index.activeIn('Huisarts Kanaleneiland')).toContain('Kanaleneiland');
    expect(optedInCount('Kanaleneiland', 'Stichting Al Amal', 'Huisarts Kanaleneiland')).toBe(12);
    expect(
      demo.links.some((l) =>
        [l.fromId, l.toId].every((id) =>
          [index.organisationId('Stichting Al Amal'), index.organisationId('Huisarts Kanaleneiland')].includes(id),
        ),
      ),
    ).toBe(false);
  });

  it('keeps Taal doet Meer and Buurtzorg Nederland below K: 9 opted in, and 3 who did not would have made 12', () => {
    const pair = pairKey('Taal doet Meer', 'Buurtzorg Nederland');
    expect(optedInCount('Kanaleneiland', 'Taal doet Meer', 'Buurtzorg Nederland')).toBe(9);
    const notOptedIn = coServed('Kanaleneiland', (id) => !optedIn.has(id)).get(pair) ?? 0;
    expect(notOptedIn).toBe(3);
    expect(9 + notOptedIn).toBeGreaterThanOrEqual(K);
    expect(linked(index.organisationId('Taal doet Meer'), index.organisationId('Buurtzorg Nederland'), TODAY)).toBe(false);
    // Even if every story client (Mohamed may opt in himself) opted in, it would stay below K.
    expect(coServed('Kanaleneiland', (id) => optedIn.has(id) || storyClientIds.has(id)).get(pair)).toBeLessThan(K);
  });

  it('makes Power by Peers and Gebiedsteam GGZ, without a link, a missing link in Overvecht: 11 opted-in clients', () => {
    expect(optedInCount('Overvecht', 'Power by Peers', 'Gebiedsteam GGZ')).toBe(11);
    expect(linked(index.organisationId('Power by Peers'), index.organisationId('Gebiedsteam GGZ'), TODAY)).toBe(false);
  });

  it('lists exactly one missing link in Kanaleneiland and one in Overvecht, and none elsewhere', () => {
    expect(missingLinks('Kanaleneiland')).toEqual([pairKey('Stichting Al Amal', 'Huisarts Kanaleneiland')]);
    expect(missingLinks('Overvecht')).toEqual([pairKey('Power by Peers', 'Gebiedsteam GGZ')]);
    for (const wijk of ['Noordwest', 'Leidsche Rijn']) expect(missingLinks(wijk)).toEqual([]);
  });

  it('has opted-in consent only for co-serving and research-cohort clients, at a fixed time, and the groups as documented', () => {
    expect(CO_SERVING_GROUPS.map((g) => [g.wijk, g.optedIn.length, g.notOptedIn.length])).toEqual([
      ['Kanaleneiland', 12, 0],
      ['Kanaleneiland', 9, 3],
      ['Overvecht', 11, 0],
    ]);
    const cohortOptedIn = RESEARCH_CLIENTS.filter((c) => c.consent).length;
    expect(demo.analysisConsents).toHaveLength(32 + cohortOptedIn);
    expect(demo.analysisConsents.filter((c) => !cohortClientIds.has(c.clientId))).toHaveLength(32);
    for (const consent of demo.analysisConsents) {
      expect(storyClientIds.has(consent.clientId)).toBe(false);
      if (cohortClientIds.has(consent.clientId)) expect(consent.at).toMatch(/^202[4-6]-\d\d-\d\dT\d\d:00:00\.000Z$/);
      else expect(consent.at).toMatch(/^2026-\d\d-\d\dT\d\d:00:00\.000Z$/);
    }
  });

  it('gets nothing from the research cohort: its open circles make no co-served pair', () => {
    for (const wijk of facts.focusWijken) expect(coServed(wijk, (id) => cohortClientIds.has(id)).size, wijk).toBe(0);
  });
});

describe('demo link history', () => {
  const organisationLinks = demo.links.filter((l) => organisationById.has(l.fromId) && organisationById.has(l.toId));
  const invented = organisationLinks.filter((l) => l.source === 'DEMO');

  it('dates the invented links from 2019 to 2026', () => {
    const years = new Set(invented.map((l) => l.since?.slice(0, 4)));
    for (const year of ['2019', '2020', '2021', '2024', '2025', '2026']) expect(years.has(year), year).toBe(true);
    for (const l of invented) expect(l.since).toMatch(/^20(19|2[0-6])-\d\d-\d\d$/);
  });

  it('has ended links: since before until, until before today', () => {
    const ended = demo.links.filter((l) => l.until !== null);
    expect(ended.length).toBeGreaterThanOrEqual(3);
    for (const l of ended) {
      expect(l.since).not.toBeNull();
      expect((l.since ?? '') < (l.until ?? '')).toBe(true);
      expect((l.until ?? '') < TODAY).toBe(true);
    }
  });

  it('has links that only began in 2026, before today', () => {
    const recent = invented.filter((l) => (l.since ?? '') >= '2026-01-01');
    expect(recent.length).toBeGreaterThanOrEqual(1);
    for (const l of recent) expect((l.since ?? '') <= TODAY).toBe(true);
  });

  it('changes the Kanaleneiland and Overvecht maps between mid-2024 and today: links added and ended', () => {
    for (const wijk of ['Kanaleneiland', 'Overvecht']) {
      const active = new Set(index.activeInDistrict(wijk).map((name) => index.organisationId(name)));
      const onMap = (date: string): Set<string> =>
        new Set(organisationLinks.filter((l) => active.has(l.fromId) && active.has(l.toId) && validOn(l, date)).map((l) => l.id));
      const before = onMap('2024-06-01');
      const now = onMap(TODAY);
      expect([...now].filter((id) => !before.has(id)).length, `${wijk} added`).toBeGreaterThanOrEqual(2);
      expect([...before].filter((id) => !now.has(id)).length, `${wijk} ended`).toBeGreaterThanOrEqual(2);
    }
  });
});

describe('demo research cohort', () => {
  const cohortClients = demo.clients.filter((c) => cohortClientIds.has(c.id));
  const consented = new Set(demo.analysisConsents.map((c) => c.clientId));
  const optedInIn = (wijk: string) => cohortClients.filter((c) => c.districtId === index.districtId(wijk) && consented.has(c.id));
  const snapshotsOf = (clientId: string): CircleRow[] =>
    frozenCircles.filter((c) => c.clientId === clientId).sort((a, b) => ((a.frozenAt ?? '') < (b.frozenAt ?? '') ? -1 : 1));
  const openOf = (clientId: string): CircleRow | undefined => openCircles.find((c) => c.clientId === clientId);
  /** The eight completed quarters the research page shows on 2026-11-30, with their last days. */
  const QUARTERS = ['2024-Q4', '2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3'];
  const quarterEnd = (key: string): string => {
    const [year = '', q = ''] = key.split('-Q');
    return new Date(Date.UTC(Number(year), Number(q) * 3, 0)).toISOString().slice(0, 10);
  };
  const previousEnd = (key: string): string => {
    const [year = '', q = ''] = key.split('-Q');
    return new Date(Date.UTC(Number(year), (Number(q) - 1) * 3, 0)).toISOString().slice(0, 10);
  };
  /** A client's state at the end of a quarter: the last snapshot frozen on or before its last day. */
  const stateAt = (clientId: string, end: string): CircleRow | undefined =>
    snapshotsOf(clientId)
      .filter((c) => (c.frozenAt ?? '').slice(0, 10) <= end)
      .at(-1);
  const inner = (c: CircleRow | undefined): number => c?.entries.filter((e) => e.ring <= 2).length ?? 0;
  const organisations = (c: CircleRow): EntryRow[] => c.entries.filter((e) => organisationById.has(e.targetId));

  it('has 60 to 80 clients: at least 25 opted in in Kanaleneiland and in Overvecht, 10 to 14 in Zuilen (Noordwest)', () => {
    expect(cohortClients.length).toBeGreaterThanOrEqual(60);
    expect(cohortClients.length).toBeLessThanOrEqual(80);
    expect(RESEARCH_GROUPS.map((g) => g.wijk)).toEqual(['Kanaleneiland', 'Overvecht', 'Noordwest']);
    expect(optedInIn('Kanaleneiland').length).toBeGreaterThanOrEqual(25);
    expect(optedInIn('Overvecht').length).toBeGreaterThanOrEqual(25);
    expect(optedInIn('Noordwest').length).toBeGreaterThanOrEqual(10);
    expect(optedInIn('Noordwest').length).toBeLessThanOrEqual(14);
    const wijken = new Set(RESEARCH_GROUPS.map((g) => index.districtId(g.wijk)));
    for (const c of cohortClients) expect(wijken.has(c.districtId), c.name).toBe(true);
  });

  it('has three to five clients who did not opt in: no consent row, but snapshots like the others', () => {
    const notOptedIn = cohortClients.filter((c) => !consented.has(c.id));
    expect(notOptedIn.length).toBeGreaterThanOrEqual(3);
    expect(notOptedIn.length).toBeLessThanOrEqual(5);
    expect(notOptedIn.map((c) => c.name).sort()).toEqual(RESEARCH_GROUPS.flatMap((g) => g.notOptedIn).sort());
    for (const c of notOptedIn) expect(snapshotsOf(c.id).length, c.name).toBeGreaterThan(1);
  });

  it('freezes snapshots about once a quarter from July 2024 to November 2026, each after it was made and before today', () => {
    for (const client of cohortClients) {
      const snapshots = snapshotsOf(client.id);
      expect(snapshots.length, client.name).toBeGreaterThanOrEqual(2);
      const quarters = snapshots.map((c) => {
        const date = new Date(c.frozenAt ?? '');
        return `${String(date.getUTCFullYear())}-Q${String(Math.floor(date.getUTCMonth() / 3) + 1)}`;
      });
      expect(new Set(quarters).size, client.name).toBe(quarters.length);
      for (const c of snapshots) {
        expect(c.frozenAt ?? '').toMatch(/^202[4-6]-\d\d-\d\dT\d\d:30:00\.000Z$/);
        expect((c.frozenAt ?? '') >= '2024-07-01').toBe(true);
        expect((c.frozenAt ?? '') < TODAY).toBe(true);
        expect(c.createdAt <= (c.frozenAt ?? '')).toBe(true);
        expect(c.label).toMatch(
          /^(Januari|Februari|Maart|April|Mei|Juni|Juli|Augustus|September|Oktober|November|December) 202[4-6]$/,
        );
      }
      // Each version starts where the previous one was frozen.
      for (const [i, c] of snapshots.entries()) if (i > 0) expect(c.createdAt).toBe(snapshots[i - 1]?.frozenAt);
    }
  });

  it('keeps one open circle per client equal to the last snapshot, with at most one organisation and one professional', () => {
    const shape = (c: CircleRow | undefined): string[] =>
      (c?.entries ?? []).map((e) => `${e.targetId}:${String(e.ring)}:${e.sector}:${e.support.join('+')}`).sort();
    let moreOrganisationsBefore = 0;
    for (const client of cohortClients) {
      const open = openOf(client.id);
      const last = snapshotsOf(client.id).at(-1);
      expect(open?.createdAt).toBe(last?.frozenAt);
      expect(shape(open), client.name).toEqual(shape(last));
      expect(organisations(open ?? last ?? ({ entries: [] } as unknown as CircleRow)).length, client.name).toBeLessThanOrEqual(1);
      expect(
        open?.entries.filter((e) => workerIds.has(e.targetId)),
        client.name,
      ).toHaveLength(1);
      if (snapshotsOf(client.id).some((c) => organisations(c).length > 1)) moreOrganisationsBefore += 1;
    }
    // The older snapshots may hold more: the buurtteam, care, a woningcorporatie during a move.
    expect(moreOrganisationsBefore).toBeGreaterThan(cohortClients.length / 3);
  });

  it('places organisations active in the client’s wijk, spoor 1 among them, and the demo’s own begeleiders', () => {
    let spoor1 = 0;
    for (const c of demo.circles.filter(isCohortCircle)) {
      const client = cohortClients.find((x) => x.id === c.clientId);
      for (const e of organisations(c)) expect(organisationById.get(e.targetId)?.districtIds).toContain(client?.districtId);
      if (c.frozenAt === null && c.entries.some((e) => tierOf(e.targetId) === 1)) spoor1 += 1;
    }
    expect(spoor1).toBeGreaterThan(cohortClients.length / 4);
    expect(spoor1).toBeLessThan(cohortClients.length * 0.75);
  });

  it('uses invented first names that no other demo person or account has, not even in part', () => {
    const forbidden = (name: string): boolean => /^pe/i.test(name) || ['sanne', 'mohamed', 'eline'].includes(name.toLowerCase());
    const names = cohortClients.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
    const others = [
      ...demo.clients.filter((c) => !cohortClientIds.has(c.id)).map((c) => c.name),
      ...demo.contacts.filter((c) => !cohortClientIds.has(c.clientId)).map((c) => c.name),
      ...demo.supportWorkers.map((w) => w.name.split(' ')[0] ?? ''),
      ...demo.keyFigures.map((k) => k.name.split(' ')[0] ?? ''),
      ...DEMO_STAFF.map((p) => p.name.split(' ')[0] ?? ''),
      ...DEMO_ACCOUNTS.map((a) => a.displayName.split(' ')[0] ?? ''),
    ].map((n) => n.toLowerCase());
    for (const name of names) {
      expect(name).toMatch(/^\p{Lu}\p{Ll}+$/u);
      expect(forbidden(name), name).toBe(false);
      // Not the same, and not part of one another ("Samir" next to "Samira"), so no text search finds both.
      const lower = name.toLowerCase();
      expect(
        others.filter((o) => o.includes(lower) || lower.includes(o)),
        name,
      ).toEqual([]);
    }
    const contactNames = demo.contacts.filter((c) => cohortClientIds.has(c.clientId)).map((c) => c.name);
    expect(new Set(contactNames).size).toBeGreaterThan(20);
    for (const name of contactNames) {
      expect(RESEARCH_CONTACT_NAMES).toContain(name);
      expect(forbidden(name), name).toBe(false);
      expect(names.map((n) => n.toLowerCase())).not.toContain(name.toLowerCase());
    }
  });

  it('gives Kanaleneiland and Overvecht at least K opted-in clients in each of the eight quarters, and Zuilen fewer at first', () => {
    const inQuarter = (wijk: string, key: string): number =>
      optedInIn(wijk).filter((c) => stateAt(c.id, quarterEnd(key)) !== undefined).length;
    for (const key of QUARTERS) {
      expect(inQuarter('Kanaleneiland', key), key).toBeGreaterThanOrEqual(K);
      expect(inQuarter('Overvecht', key), key).toBeGreaterThanOrEqual(K);
    }
    expect(inQuarter('Noordwest', '2024-Q4')).toBeLessThan(K);
    expect(inQuarter('Noordwest', '2026-Q3')).toBeGreaterThanOrEqual(K);
    // Some joined later: the early quarters have fewer.
    expect(inQuarter('Kanaleneiland', '2024-Q4')).toBeLessThan(inQuarter('Kanaleneiland', '2026-Q3'));
  });

  it('changes over time: a move wave grows the inner rings of at least K clients, some shrink, vangnetten appear', () => {
    const changes = (wijk: string, key: string): { grew: number; shrank: number } => {
      let grew = 0;
      let shrank = 0;
      for (const c of optedInIn(wijk)) {
        const before = stateAt(c.id, previousEnd(key));
        const now = stateAt(c.id, quarterEnd(key));
        if (!before || !now) continue;
        if (inner(now) > inner(before)) grew += 1;
        if (inner(now) < inner(before)) shrank += 1;
      }
      return { grew, shrank };
    };
    for (const group of RESEARCH_GROUPS.filter((g) => g.wijk !== 'Noordwest')) {
      const wave = QUARTERS.find((key) => changes(group.wijk, key).grew >= K);
      expect(wave, group.wijk).toBeDefined();
      expect(
        QUARTERS.map((key) => changes(group.wijk, key).shrank).some((n) => n > 0),
        group.wijk,
      ).toBe(true);
    }
    const withNet = (key: string): number =>
      cohortClients.filter(
        (c) => consented.has(c.id) && stateAt(c.id, quarterEnd(key))?.entries.some((e) => e.support.includes('SAFETY_NET')),
      ).length;
    const clients = (key: string): number =>
      cohortClients.filter((c) => consented.has(c.id) && stateAt(c.id, quarterEnd(key)) !== undefined).length;
    expect(withNet('2026-Q3') / clients('2026-Q3')).toBeGreaterThan(withNet('2024-Q4') / clients('2024-Q4'));
    // Not everybody has one, and some have only their begeleider.
    expect(withNet('2026-Q3')).toBeLessThan(clients('2026-Q3'));
  });

  it('adds link history of the last two years in Kanaleneiland and Overvecht, without touching the missing-link pairs', () => {
    const pair = (a: string, b: string): string => [index.organisationId(a), index.organisationId(b)].sort().join('~');
    const forbiddenPairs = new Set([
      pair('Stichting Al Amal', 'Huisarts Kanaleneiland'),
      pair('Taal doet Meer', 'Buurtzorg Nederland'),
      pair('Power by Peers', 'Gebiedsteam GGZ'),
    ]);
    const openPairs = new Set(
      openCircles.flatMap((c) => {
        const ids = [...new Set(c.entries.map((e) => e.targetId).filter((id) => organisationById.has(id)))].sort();
        return ids.flatMap((x, i) => ids.slice(i + 1).map((y) => `${x}~${y}`));
      }),
    );
    const started = RESEARCH_LINKS.filter((l) => l.since >= '2024-12-01');
    const ended = RESEARCH_LINKS.filter((l) => l.until !== undefined);
    expect(started.length).toBeGreaterThanOrEqual(4);
    expect(ended.length).toBeGreaterThanOrEqual(3);
    for (const l of RESEARCH_LINKS) {
      expect(forbiddenPairs.has(pair(l.a, l.b)), `${l.a} – ${l.b}`).toBe(false);
      expect(openPairs.has(pair(l.a, l.b)), `${l.a} – ${l.b}`).toBe(false);
      const shared = index.activeIn(l.a).filter((w) => index.activeIn(l.b).includes(w));
      expect(
        shared.some((w) => w === 'Kanaleneiland' || w === 'Overvecht'),
        `${l.a} – ${l.b}`,
      ).toBe(true);
      const changedOn = [l.since, l.until].filter((d) => d !== undefined && d >= '2024-12-01');
      expect(changedOn.length, `${l.a} – ${l.b}`).toBeGreaterThan(0);
      for (const d of changedOn) expect((d ?? '') < TODAY).toBe(true);
    }
    // Links per month (pairs with a link valid on the month's last day) go up and down in both wijken.
    for (const wijk of ['Kanaleneiland', 'Overvecht']) {
      const active = new Set(index.activeInDistrict(wijk).map((name) => index.organisationId(name)));
      const perMonth = Array.from({ length: 24 }, (_, i) => {
        const end = new Date(Date.UTC(2024, 12 + i, 0)).toISOString().slice(0, 10);
        const pairs = demo.links
          .filter((l) => active.has(l.fromId) && active.has(l.toId) && validOn(l, end))
          .map((l) => [l.fromId, l.toId].sort().join('~'));
        return new Set(pairs).size;
      });
      const steps = perMonth.slice(1).map((n, i) => n - (perMonth[i] ?? 0));
      expect(
        steps.some((d) => d > 0),
        wijk,
      ).toBe(true);
      expect(
        steps.some((d) => d < 0),
        wijk,
      ).toBe(true);
    }
  });
});

describe('demo offering languages', () => {
  it('gives Stichting Al Amal’s offerings in Arabic, Turkish and the Moroccan languages', () => {
    const alAmal = demo.offerings.filter((f) => f.organisationId === index.organisationId('Stichting Al Amal'));
    expect(alAmal.length).toBeGreaterThan(0);
    for (const f of alAmal) expect(f.languages).toEqual(['ar', 'tr', 'ary', 'ber']);
  });

  it('uses known language tags, each once, on a few other offerings', () => {
    const withLanguages = demo.offerings.filter((f) => f.languages !== undefined);
    expect(new Set(withLanguages.map((f) => f.organisationId)).size).toBeGreaterThanOrEqual(5);
    for (const f of withLanguages) {
      for (const code of f.languages ?? []) expect(model.LANGUAGES).toContain(code);
      expect(new Set(f.languages).size).toBe(f.languages?.length);
    }
  });
});

describe('demo actions', () => {
  const open = demo.actions.find((a) => a.status === 'OPEN');
  const done = demo.actions.find((a) => a.status === 'DONE');

  it('has an open action in Kanaleneiland about the missing link that reaches K', () => {
    expect(open).toMatchObject({
      districtId: index.districtId('Kanaleneiland'),
      title: 'Kennismaking Stichting Al Amal en Huisarts Kanaleneiland',
      signalCode: 'MISSING_LINK',
      signalKey: missingLinks('Kanaleneiland')[0],
      owner: 'Fatima B.',
      createdByAccountId: seedId('account:kwartiermaker'),
    });
    expect(open?.signalKey).toMatch(/^MISSING_LINK:([0-9a-f-]{36})~([0-9a-f-]{36})$/);
    const [x = '', y = ''] = open?.signalKey?.slice('MISSING_LINK:'.length).split('~') ?? [];
    expect(x < y).toBe(true);
    expect([...(open?.nodeIds ?? [])].sort()).toEqual([x, y]);
    expect(open?.due).toMatch(/^2027-\d\d-\d\d$/);
  });

  it('has a done action whose link has since been recorded', () => {
    expect(done?.signalCode).toBe('MISSING_LINK');
    const [a = '', b = ''] = done?.nodeIds ?? [];
    expect(linked(a, b, TODAY)).toBe(true);
    expect(done?.signalKey).toBe(missingLinkKey(a, b));
    expect((done?.createdAt ?? '') < TODAY).toBe(true);
  });
});

describe('demo accounts', () => {
  it('has a second kwartiermaker, for Overvecht, with its own TOTP secret', () => {
    const account = DEMO_ACCOUNTS.find((a) => a.username === 'kwartiermaker-overvecht');
    expect(account).toMatchObject({ role: 'COORDINATOR', displayName: 'Johan de V.' });
    expect(account?.totpSecret).toMatch(/^[A-Z2-7]{20}$/);
    const secrets = DEMO_ACCOUNTS.map((a) => a.totpSecret).filter((s) => s !== null);
    expect(new Set(secrets).size).toBe(secrets.length);
    expect(DEMO_STAFF.find((p) => p.id === account?.personId)?.coordinatesDistrictId).toBe(index.districtId('Overvecht'));
  });
});

describe('buildDemo', () => {
  it('builds the same rows every time, with fixed dates', () => {
    const again = buildDemo(facts);
    const { index: _a, ...rows } = demo;
    const { index: _b, ...rowsAgain } = again;
    expect(rowsAgain).toEqual(rows);
    for (const c of demo.circles) expect(c.createdAt).toMatch(/^202[4-6]-\d\d-\d\dT\d\d:\d\d:00\.000Z$/);
  });

  it('counts what it writes', () => {
    expect(demoCounts(demo)).toMatchObject({
      districts: 11,
      organisations: 61,
      clients: demo.clients.length,
      circles: demo.circles.length,
    });
  });
});
