import type { CircleRow, EntryRow } from '@wijkkring/graph';
import { describe, expect, it } from 'vitest';
import { buildDemo, demoCounts } from './demo.js';
import { loadFacts } from './facts.js';

const facts = loadFacts();
const demo = buildDemo(facts);
const { index } = demo;

const organisationByName = new Map(demo.organisations.map((o) => [o.name, o]));
const organisationById = new Map(demo.organisations.map((o) => [o.id, o]));
const districtByName = new Map(demo.districts.map((d) => [d.name, d]));
const workerIds = new Set(demo.supportWorkers.map((w) => w.id));
const openCircles = demo.circles.filter((c) => c.frozenAt === null);
const frozenCircles = demo.circles.filter((c) => c.frozenAt !== null);

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

  it('add 8 to 15 invented links between organisations that share a focus wijk', () => {
    const invented = organisationLinks.filter((l) => l.source === 'DEMO');
    expect(invented.length).toBeGreaterThanOrEqual(8);
    expect(invented.length).toBeLessThanOrEqual(15);
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
  it('has about thirty clients, in the four focus wijken, with a first name only', () => {
    expect(demo.clients.length).toBeGreaterThanOrEqual(25);
    expect(demo.clients.length).toBeLessThanOrEqual(35);
    const focus = new Set(facts.focusWijken.map((w) => index.districtId(w)));
    for (const c of demo.clients) {
      expect(focus.has(c.districtId)).toBe(true);
      expect(c.name).toMatch(/^\p{Lu}\p{Ll}+$/u);
    }
    for (const c of demo.contacts) expect(c.name).not.toMatch(/\./);
  });

  it('gives every client exactly one open circle, and about a third an older frozen snapshot', () => {
    for (const c of demo.clients) expect(openCircles.filter((x) => x.clientId === c.id)).toHaveLength(1);
    expect(frozenCircles.length).toBeGreaterThanOrEqual(demo.clients.length / 4);
    expect(frozenCircles.length).toBeLessThanOrEqual(demo.clients.length / 2);
    for (const f of frozenCircles) {
      expect(f.label).toMatch(/^(Januari|Februari|Maart|April|Mei|Juni) 2026$/);
      expect(f.createdAt < (f.frozenAt ?? '')).toBe(true);
    }
  });

  it('makes the open circle differ from the snapshot: someone joined and someone moved ring', () => {
    for (const frozen of frozenCircles) {
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
    const withFamilyInner = share(openCircles, (c) => c.entries.some(isFamilyInRing1));
    expect(withFamilyInner).toBeGreaterThan(0);
    expect(withFamilyInner).toBeLessThanOrEqual(0.2);
  });

  it('puts professionals in rings 3 and 4, in the professionals sector', () => {
    for (const c of demo.circles) {
      for (const e of c.entries) {
        const professional =
          workerIds.has(e.targetId) ||
          [2, 3].includes(tierOf(e.targetId) ?? 0) ||
          organisationById.get(e.targetId)?.sector === 'PRIMARY_CARE';
        if (professional) expect(e.sector).toBe('PROFESSIONALS');
        if (e.sector === 'PROFESSIONALS') expect(e.ring).toBeGreaterThanOrEqual(3);
      }
    }
  });

  it('has a vangnet, a huisarts and the sociale basis for most, but not all', () => {
    const safetyNet = share(openCircles, (c) => c.entries.some((e) => e.support.includes('SAFETY_NET')));
    const gp = share(openCircles, (c) => c.entries.some((e) => e.relation === 'huisarts'));
    const socialBase = share(openCircles, (c) => c.entries.some((e) => tierOf(e.targetId) === 1));
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
    const withWish = openCircles.filter((c) => c.entries.some((e) => e.wish !== null));
    expect(withWish.length).toBeGreaterThanOrEqual(3);
    expect(withWish.length).toBeLessThanOrEqual(openCircles.length / 2);
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

describe('buildDemo', () => {
  it('builds the same rows every time, with fixed dates', () => {
    const again = buildDemo(facts);
    const { index: _a, ...rows } = demo;
    const { index: _b, ...rowsAgain } = again;
    expect(rowsAgain).toEqual(rows);
    for (const c of demo.circles) expect(c.createdAt).toMatch(/^202[56]-\d\d-\d\dT\d\d:\d\d:00\.000Z$/);
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
