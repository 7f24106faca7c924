import { randomUUID } from 'node:crypto';
import {
  addEntry,
  createOrganisations,
  DomainError,
  endOrganisation,
  findOrganisation,
  findWijkMap,
  mergeOrganisations,
  resolveOrganisationId,
  upsertCircles,
  upsertClients,
  upsertLinks,
  upsertOrganisations,
  upsertPartnerships,
  upsertWijkActions,
  type LinkRow,
  type OrganisationRow,
} from '@wijkkring/graph';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorld, testDatabase, type World } from '../support/fixtures.js';

/** The graph functions of Beheer › Organisaties (issue 11) against Neo4j: the merge's edge cases. */

const db = testDatabase();
let world: World;
const made: string[] = [];
const tag = randomUUID().slice(0, 6);
const now = '2026-11-30T12:00:00.000Z';

beforeAll(async () => {
  world = await createWorld(db);
});
afterAll(async () => {
  await db.write((tx) => tx.run('MATCH (n) WHERE n.id IN $ids DETACH DELETE n', { ids: made }));
  await world.remove();
  await db.close();
});

function org(name: string, districtIds = [world.districtId]): OrganisationRow {
  const id = randomUUID();
  made.push(id);
  return {
    id,
    name: `${name} ${tag}`,
    slug: `${name.toLowerCase().replace(/\s+/g, '-')}-${tag}`,
    tier: 1,
    sector: 'SOCIAL_BASE',
    classification: 'assumed',
    note: null,
    districtIds,
  };
}

function link(fromId: string, toId: string, kind: LinkRow['kind'], since: string | null, until: string | null = null): LinkRow {
  return { id: randomUUID(), fromId, toId, kind, since, until, strength: null, source: 'USER', note: null };
}

async function caught(work: () => Promise<unknown>): Promise<DomainError> {
  try {
    await work();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}

describe('merging organisations (issue 11)', () => {
  it('refuses to merge a record into itself', async () => {
    const error = await caught(() =>
      db.write((tx) =>
        mergeOrganisations(tx, { duplicateId: world.organisations.gp.id, keepId: world.organisations.gp.id, now }),
      ),
    );
    expect([error.code, error.field]).toEqual(['INVALID_INPUT', 'input.keepId']);
  });

  it('folds links by kind and period, keeps different kinds and separate periods apart, and a key figure’s link too', async () => {
    const keep = org('Buurtkamer');
    const dup = org('Buurtkamer dubbel');
    const figure = world.keyFigureId;
    const third = world.organisations.team.id;
    const links = {
      keepFigure: link(keep.id, figure, 'COLLABORATION', '2025-03-01', '2026-01-01'),
      dupFigure: link(figure, dup.id, 'COLLABORATION', '2024-01-01'),
      keepRef: link(keep.id, third, 'REFERRAL', '2022-01-01'),
      dupRefOld: link(dup.id, third, 'REFERRAL', '2019-01-01', '2020-01-01'),
      dupMeet: link(dup.id, third, 'JOINT_MEETING', null),
    };
    await db.write(async (tx) => {
      await upsertOrganisations(tx, [keep, dup]);
      await upsertLinks(tx, Object.values(links));
    });
    const result = await db.write((tx) => mergeOrganisations(tx, { duplicateId: dup.id, keepId: keep.id, now }));
    expect(result.counts).toMatchObject({ links: 2, sharedLinks: 1, selfLinks: 0 });
    const after = await db.read(async (tx) =>
      (
        await tx.run(
          `MATCH (k:Organisation {id: $keep})-[l:COLLABORATES_WITH]-(x)
           RETURN l.id AS id, x.id AS other, l.kind AS kind, toString(l.since) AS since, toString(l.until) AS until,
                  startNode(l) = k AS outgoing ORDER BY l.id`,
          { keep: keep.id },
        )
      ).records.map((r) => r.toObject()),
    );
    const byId = new Map(after.map((l) => [l.id as string, l]));
    expect(after).toHaveLength(4);
    // The key figure's two overlapping links are one: the earliest start, and the later (open) end.
    expect(byId.get(links.keepFigure.id)).toMatchObject({ other: figure, since: '2024-01-01', until: null });
    expect(byId.has(links.dupFigure.id)).toBe(false);
    // An old referral that ended before the kept one began is history of its own, moved under its id and direction.
    expect(byId.get(links.dupRefOld.id)).toMatchObject({
      other: third,
      since: '2019-01-01',
      until: '2020-01-01',
      outgoing: true,
    });
    expect(byId.get(links.keepRef.id)).toMatchObject({ since: '2022-01-01' });
    expect(byId.get(links.dupMeet.id)).toMatchObject({ kind: 'JOINT_MEETING', since: null });
    // The map of 2019 shows the moved history at the kept record.
    const map = await db.read((tx) => findWijkMap(tx, world.districtId, '2019-06-01'));
    expect(map?.links.find((l) => l.id === links.dupRefOld.id)).toMatchObject({ fromId: keep.id, toId: third });
  });

  it('folds overlapping memberships of one partnership and an action about both records', async () => {
    const keep = org('Taalcafe');
    const dup = org('Taal cafe');
    const partnershipId = randomUUID();
    const actionId = randomUUID();
    made.push(partnershipId, actionId);
    await db.write(async (tx) => {
      await upsertOrganisations(tx, [keep, dup]);
      await upsertPartnerships(tx, [
        {
          id: partnershipId,
          name: `Netwerk ${tag}`,
          kind: 'HEALTHY_DISTRICT_NETWORK',
          districtId: world.districtId,
          memberIds: [keep.id, dup.id],
        },
      ]);
      await tx.run(
        `MATCH (k:Organisation {id: $keep})-[a:MEMBER_OF]->(p:Partnership {id: $p}), (d:Organisation {id: $dup})-[b:MEMBER_OF]->(p)
         SET a.since = date('2025-01-01'), a.until = date('2025-12-01'), b.since = date('2024-06-01')`,
        { keep: keep.id, dup: dup.id, p: partnershipId },
      );
      await upsertWijkActions(tx, [
        {
          id: actionId,
          districtId: world.districtId,
          title: 'Kennismaken',
          signalCode: 'MISSING_LINK',
          signalKey: null,
          nodeIds: [keep.id, dup.id],
          owner: 'Ik',
          due: null,
          status: 'OPEN',
          createdAt: now,
          createdByAccountId: null,
        },
      ]);
    });
    const result = await db.write((tx) => mergeOrganisations(tx, { duplicateId: dup.id, keepId: keep.id, now }));
    expect(result.counts).toMatchObject({ memberships: 1, actions: 1 });
    const state = await db.read(async (tx) =>
      (
        await tx.run(
          `MATCH (k:Organisation {id: $keep})
           RETURN COLLECT { MATCH (k)-[m:MEMBER_OF]->(:Partnership {id: $p}) RETURN [toString(m.since), toString(m.until)] } AS memberships,
                  COLLECT { MATCH (a:WijkAction {id: $a})-[:ABOUT]->(n) RETURN n.id } AS about,
                  COLLECT { MATCH (a:WijkAction {id: $a}) RETURN [a.status, a.closedReason] }[0] AS action`,
          { keep: keep.id, p: partnershipId, a: actionId },
        )
      ).records[0]?.toObject(),
    );
    // A missing link between two records of one organisation was never missing: the action ends (issue 11).
    expect(state).toEqual({
      memberships: [['2024-06-01', null]],
      about: [keep.id],
      action: ['DROPPED', 'ORGANISATIONS_MERGED'],
    });
  });

  it('moves entries of frozen snapshots too, without changing their version, and follows chains of merges', async () => {
    const a = org('Wijkcentrum A');
    const b = org('Wijkcentrum B');
    const c = org('Wijkcentrum C');
    const clientId = randomUUID();
    const snapshotId = randomUUID();
    const entryId = randomUUID();
    made.push(clientId, snapshotId);
    await db.write(async (tx) => {
      await upsertOrganisations(tx, [a, b, c]);
      await upsertClients(tx, [{ id: clientId, name: `Cliënt ${tag}`, districtId: world.districtId }]);
      await upsertCircles(tx, [
        {
          id: snapshotId,
          clientId,
          label: 'Maart',
          createdAt: '2026-03-01T10:00:00Z',
          frozenAt: '2026-03-01T10:00:00Z',
          entries: [
            {
              id: entryId,
              targetId: a.id,
              ring: 4,
              sector: 'PROFESSIONALS',
              position: 0,
              relation: null,
              support: [],
              wish: null,
              note: 'x',
            },
          ],
        },
      ]);
      await tx.run('MATCH (s:NetworkCircle {id: $id}) SET s.version = 0', { id: snapshotId });
    });
    const first = await db.write((tx) => mergeOrganisations(tx, { duplicateId: a.id, keepId: b.id, now }));
    expect(first.circles).toEqual([{ circleId: snapshotId, clientId, version: 0, open: false, entryIds: [entryId] }]);
    await db.write((tx) => mergeOrganisations(tx, { duplicateId: b.id, keepId: c.id, now }));
    expect(await db.read((tx) => resolveOrganisationId(tx, a.id))).toBe(c.id);
    expect((await db.read((tx) => findOrganisation(tx, a.slug)))?.id).toBe(c.id);
    const target = await db.read(async (tx) =>
      (
        await tx.run('MATCH (:NetworkCircle {id: $s})-[p:PLACES {id: $e}]->(t) RETURN t.id AS id, p.note AS note', {
          s: snapshotId,
          e: entryId,
        })
      ).records[0]?.toObject(),
    );
    expect(target).toEqual({ id: c.id, note: 'x' });
    // B, merged already, can be neither merged nor kept.
    expect((await caught(() => db.write((tx) => mergeOrganisations(tx, { duplicateId: b.id, keepId: c.id, now })))).code).toBe(
      'CONFLICT',
    );
  });
});

describe('creating and ending organisations (issue 11)', () => {
  it('refuses a batch with one name twice, and gives names that make the same slug their own', async () => {
    const twice = await caught(() =>
      db.write((tx) =>
        createOrganisations(
          tx,
          [
            { id: randomUUID(), name: `Dubbel ${tag}`, slug: null, sector: 'SOCIAL_BASE', note: null, districtIds: [] },
            {
              id: randomUUID(),
              name: `dubbel  ${tag.toUpperCase()}`,
              slug: null,
              sector: 'SOCIAL_BASE',
              note: null,
              districtIds: [],
            },
          ],
          { today: '2026-11-30', now },
        ),
      ),
    );
    expect([twice.code, twice.field]).toEqual(['CONFLICT', 'rows.1.name']);
    const created = await db.write((tx) =>
      createOrganisations(
        tx,
        [
          {
            id: randomUUID(),
            name: `De Brug! ${tag}`,
            slug: null,
            sector: 'ADDITIONAL_CARE',
            note: null,
            districtIds: [world.districtId],
          },
          { id: randomUUID(), name: `De Brug? ${tag}`, slug: null, sector: 'MUNICIPALITY', note: null, districtIds: [] },
        ],
        { today: '2026-11-30', now },
      ),
    );
    made.push(...created.map((o) => o.id));
    expect(created.map((o) => [o.slug, o.tier])).toEqual([
      [`de-brug-${tag}`, 3],
      [`de-brug-${tag}-2`, null],
    ]);
  });

  it('ends what was still running on the end date; something that would only start later ends where it starts', async () => {
    const ending = org('Kledingbank');
    const later = link(ending.id, world.organisations.team.id, 'FUNDING', '2027-01-01');
    const ended = link(ending.id, world.organisations.care.id, 'REFERRAL', '2020-01-01', '2021-01-01');
    await db.write(async (tx) => {
      await upsertOrganisations(tx, [ending]);
      await upsertLinks(tx, [later, ended]);
    });
    const result = await db.write((tx) => endOrganisation(tx, ending.id, '2026-12-01', now));
    expect(result.ended).toEqual({ links: 1, memberships: 0, offerings: 0 });
    const periods = await db.read(async (tx) =>
      (
        await tx.run(
          'MATCH (:Organisation {id: $id})-[l:COLLABORATES_WITH]-() RETURN l.id AS id, toString(l.until) AS until ORDER BY l.id',
          {
            id: ending.id,
          },
        )
      ).records.map((r) => r.toObject()),
    );
    expect(periods).toEqual(
      [
        { id: later.id, until: '2027-01-01' },
        { id: ended.id, until: '2021-01-01' },
      ].sort((x, y) => x.id.localeCompare(y.id)),
    );
    const before = await db.read((tx) => findWijkMap(tx, world.districtId, '2026-11-30'));
    const after = await db.read((tx) => findWijkMap(tx, world.districtId, '2026-12-01'));
    expect(before?.organisations.map((o) => o.id)).toContain(ending.id);
    expect(after?.organisations.map((o) => o.id)).not.toContain(ending.id);
  });

  it('adds the kept record to a circle when a merged duplicate’s id is given, and refuses an ended organisation (issue 11)', async () => {
    const kept = org('Voedselbank');
    const duplicate = org('Voedselbank Utrecht');
    const ended = org('Kledingruil');
    await db.write((tx) => upsertOrganisations(tx, [kept, duplicate, ended]));
    await db.write((tx) => mergeOrganisations(tx, { duplicateId: duplicate.id, keepId: kept.id, now }));
    await db.write((tx) => endOrganisation(tx, ended.id, '2026-01-01', now));
    const entry = (organisationId: string) => ({
      circleId: world.circle.id,
      clientId: world.clientId,
      entryId: randomUUID(),
      ring: 4,
      sector: 'PROFESSIONALS',
      target: { kind: 'ORGANISATION' as const, organisationId },
      relation: null,
      support: [],
      frequency: null,
      wish: null,
      note: null,
    });
    const placed = await db.write((tx) => addEntry(tx, entry(duplicate.id)));
    expect(placed.target).toMatchObject({ id: kept.id });
    const error = await caught(() => db.write((tx) => addEntry(tx, entry(ended.id))));
    expect([error.code, error.field]).toEqual(['NOT_FOUND', 'input.organisationId']);
    await db.write((tx) =>
      tx.run('MATCH (:NetworkCircle {id: $c})-[p:PLACES {id: $e}]->() DELETE p', { c: world.circle.id, e: placed.id }),
    );
  });
});
