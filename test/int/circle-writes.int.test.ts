import { randomUUID } from 'node:crypto';
import {
  addEntry,
  addTie,
  Database,
  DomainError,
  findCircle,
  freezeCircle,
  listCircles,
  lockCircle,
  moveEntry,
  removeEntry,
  removeTie,
  updateEntry,
  type EntryFields,
  type NewEntry,
  type Tx,
} from '@wijkkring/graph';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createWorld, testDatabase, type World } from '../support/fixtures.js';

const db = testDatabase();
let world: World;

beforeAll(async () => {
  world = await createWorld(db);
});
afterAll(async () => {
  await world.remove();
  await db.close();
});

const FIELDS: EntryFields = { relation: null, support: [], frequency: null, wish: null, note: null };

function newEntry(overrides: Partial<NewEntry> = {}): NewEntry {
  return {
    circleId: world.circle.id,
    clientId: world.clientId,
    entryId: randomUUID(),
    ring: 3,
    sector: 'FRIENDS_NEIGHBOURS',
    target: { kind: 'NEW_PERSON', personId: randomUUID(), name: 'Kees', organisationId: null },
    ...FIELDS,
    ...overrides,
  };
}

/** Runs an edit the way the API does: lock first, then the change, in one write transaction. */
function edit<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.write(async (tx) => {
    await lockCircle(tx, world.circle.id);
    return work(tx);
  });
}

/** Moves an entry of the world's open circle, as the API does. */
function move(entryId: string, expectedVersion: number, ring: number, sector: string) {
  return edit((tx) =>
    moveEntry(tx, { circleId: world.circle.id, clientId: world.clientId, entryId, expectedVersion, ring, sector }),
  );
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DomainError) return `${error.code}${error.field ? `@${error.field}` : ''}`;
    throw error;
  }
  return 'OK';
}

describe('editing a circle (issue 4)', () => {
  it('adds a new person at the end of a cell, with version 1', async () => {
    const first = await edit((tx) =>
      addEntry(tx, newEntry({ relation: 'buurman', support: ['PRACTICAL', 'SAFETY_NET'], frequency: 'WEEKLY' })),
    );
    const second = await edit((tx) =>
      addEntry(tx, newEntry({ target: { kind: 'NEW_PERSON', personId: randomUUID(), name: 'Els', organisationId: null } })),
    );
    expect(first).toMatchObject({
      ring: 3,
      sector: 'FRIENDS_NEIGHBOURS',
      relation: 'buurman',
      safetyNet: true,
      frequency: 'WEEKLY',
      version: 1,
    });
    expect(first.target).toMatchObject({ kind: 'PERSON', name: 'Kees', professional: false });
    expect(second.position).toBe(first.position + 1);
  });

  it('adds a professional person (works at an organisation) and an organisation; refuses a duplicate', async () => {
    const pro = await edit((tx) =>
      addEntry(
        tx,
        newEntry({
          target: { kind: 'NEW_PERSON', personId: randomUUID(), name: 'Joyce', organisationId: world.organisations.team.id },
        }),
      ),
    );
    expect(pro.target).toMatchObject({ kind: 'PERSON', professional: true, organisationId: world.organisations.team.id });
    const org = await edit((tx) =>
      addEntry(tx, newEntry({ target: { kind: 'ORGANISATION', organisationId: world.organisations.walkIn.id } })),
    );
    expect(org.target).toMatchObject({ kind: 'ORGANISATION', tier: 1 });
    expect(
      await codeOf(
        edit((tx) => addEntry(tx, newEntry({ target: { kind: 'ORGANISATION', organisationId: world.organisations.walkIn.id } }))),
      ),
    ).toBe('CONFLICT@input.organisationId');
  });

  it('refuses an unknown organisation, and a person from outside this client’s circles', async () => {
    expect(
      await codeOf(edit((tx) => addEntry(tx, newEntry({ target: { kind: 'ORGANISATION', organisationId: randomUUID() } })))),
    ).toBe('NOT_FOUND@input.organisationId');
    // The world's support worker is placed in this client's circle: allowed. A stranger is not.
    expect(await codeOf(edit((tx) => addEntry(tx, newEntry({ target: { kind: 'PERSON', personId: randomUUID() } }))))).toBe(
      'NOT_FOUND@input.personId',
    );
    const other = await createWorld(db);
    try {
      expect(await codeOf(edit((tx) => addEntry(tx, newEntry({ target: { kind: 'PERSON', personId: other.sisterId } }))))).toBe(
        'NOT_FOUND@input.personId',
      );
    } finally {
      await other.remove();
    }
  });

  it('moves an entry, and tells a later editor who saw an old version (EDIT_CONFLICT)', async () => {
    const entry = await edit((tx) => addEntry(tx, newEntry()));
    const moved = await move(entry.id, 1, 1, 'FAMILY');
    expect(moved).toMatchObject({ ring: 1, sector: 'FAMILY', version: 2 });
    // A second device still holds version 1.
    expect(await codeOf(move(entry.id, 1, 4, 'FAMILY'))).toBe('EDIT_CONFLICT@input.expectedVersion');
    const circle = await db.read((tx) => findCircle(tx, world.circle.id));
    expect(circle?.entries.find((e) => e.id === entry.id)).toMatchObject({ ring: 1, version: 2 });
  });

  it('refuses an entry of another circle (foreign entry id)', async () => {
    const foreign = world.oldCircle.entries[0]?.id ?? '';
    expect(await codeOf(move(foreign, 1, 1, 'FAMILY'))).toBe('NOT_FOUND@input.entryId');
  });

  it('only one of two concurrent edits of the same version wins', async () => {
    const entry = await edit((tx) => addEntry(tx, newEntry()));
    const results = await Promise.all([1, 2].map((ring) => codeOf(move(entry.id, 1, ring, 'FAMILY'))));
    expect(results.sort()).toEqual(['EDIT_CONFLICT@input.expectedVersion', 'OK']);
  });

  it('updates what an entry says and renames the client’s own contact', async () => {
    const entry = await edit((tx) => addEntry(tx, newEntry({ note: 'oud', support: ['SAFETY_NET'] })));
    const updated = await edit((tx) =>
      updateEntry(tx, {
        circleId: world.circle.id,
        clientId: world.clientId,
        entryId: entry.id,
        expectedVersion: entry.version,
        name: 'Kees-Jan',
        relation: 'oom',
        support: ['COMPANY'],
        frequency: 'MONTHLY',
        wish: 'MORE_CONTACT',
        note: 'nieuw',
      }),
    );
    expect(updated).toMatchObject({
      relation: 'oom',
      support: ['COMPANY'],
      safetyNet: false,
      frequency: 'MONTHLY',
      wish: 'MORE_CONTACT',
      note: 'nieuw',
      version: 2,
    });
    expect(updated.target).toMatchObject({ name: 'Kees-Jan' });
  });

  it('does not rename an organisation or a staff member through an entry', async () => {
    const circle = await db.read((tx) => findCircle(tx, world.circle.id));
    const worker = circle?.entries.find((e) => e.target.id === world.workerId);
    if (!worker) throw new Error('no worker entry');
    const updated = await edit((tx) =>
      updateEntry(tx, {
        circleId: world.circle.id,
        clientId: world.clientId,
        entryId: worker.id,
        expectedVersion: worker.version,
        name: 'Anders',
        ...FIELDS,
      }),
    );
    expect(updated.target.name).toBe(`Begeleider ${world.tag}`);
  });

  it('ties two entries, removes ties with their entry, and deletes a person no circle needs any more', async () => {
    const a = await edit((tx) => addEntry(tx, newEntry()));
    const b = await edit((tx) => addEntry(tx, newEntry()));
    const tie = await edit((tx) => addTie(tx, world.circle.id, world.clientId, b.id, a.id));
    expect(tie.id).toBe([a.id, b.id].sort().join('~'));
    await edit((tx) => addTie(tx, world.circle.id, world.clientId, a.id, b.id));
    expect((await db.read((tx) => findCircle(tx, world.circle.id)))?.ties.filter((t) => t.id === tie.id)).toHaveLength(1);
    expect(await codeOf(edit((tx) => addTie(tx, world.circle.id, world.clientId, a.id, a.id)))).toBe(
      'INVALID_INPUT@input.toEntryId',
    );
    expect(await codeOf(edit((tx) => addTie(tx, world.circle.id, world.clientId, a.id, randomUUID())))).toBe('NOT_FOUND@input');

    const removed = await edit((tx) =>
      removeEntry(tx, { circleId: world.circle.id, clientId: world.clientId, entryId: a.id, expectedVersion: 1 }),
    );
    expect(removed.id).toBe(a.id);
    const after = await db.read((tx) => findCircle(tx, world.circle.id));
    expect(after?.entries.some((e) => e.id === a.id)).toBe(false);
    expect(after?.ties.some((t) => t.id === tie.id)).toBe(false);
    const person = await db.read((tx) => tx.run('MATCH (p:Person {id: $id}) RETURN p', { id: a.target.id }));
    expect(person.records).toHaveLength(0);
    expect(await codeOf(edit((tx) => removeTie(tx, world.circle.id, world.clientId, tie.id)))).toBe('NOT_FOUND@input.tieId');
  });

  it('keeps a removed person who still appears in a frozen snapshot', async () => {
    const circle = await db.read((tx) => findCircle(tx, world.circle.id));
    const sister = circle?.entries.find((e) => e.target.id === world.sisterId);
    if (!sister) throw new Error('no sister entry');
    await edit((tx) =>
      removeEntry(tx, {
        circleId: world.circle.id,
        clientId: world.clientId,
        entryId: sister.id,
        expectedVersion: sister.version,
      }),
    );
    const person = await db.read((tx) => tx.run('MATCH (p:Person {id: $id}) RETURN p', { id: world.sisterId }));
    expect(person.records).toHaveLength(1);
    // Undo: the same person comes back by id, so comparisons over time still match her.
    const back = await edit((tx) =>
      addEntry(tx, newEntry({ ring: 2, sector: 'FAMILY', target: { kind: 'PERSON', personId: world.sisterId } })),
    );
    expect(back.target).toMatchObject({ id: world.sisterId, name: 'Fatima' });
  });
});

describe('freezing a snapshot (issue 4)', () => {
  it('keeps the circle as a dated copy (ties included) and goes on in the open circle', async () => {
    const other = await createWorld(db);
    try {
      const circleId = other.circle.id;
      const before = await db.read((tx) => findCircle(tx, circleId));
      const [x, y] = before?.entries ?? [];
      if (!x || !y) throw new Error('world circle has entries');
      await db.write(async (tx) => {
        await lockCircle(tx, circleId);
        await addTie(tx, circleId, other.clientId, x.id, y.id);
      });
      const snapshotId = randomUUID();
      await db.write(async (tx) => {
        await lockCircle(tx, circleId);
        await freezeCircle(tx, { circleId, snapshotId, label: 'Voor de zomer', now: '2026-11-22T09:00:00Z' });
      });
      const snapshot = await db.read((tx) => findCircle(tx, snapshotId));
      const open = await db.read((tx) => findCircle(tx, circleId));
      expect(snapshot).toMatchObject({ label: 'Voor de zomer', frozenAt: '2026-11-22T09:00:00Z', clientId: other.clientId });
      expect(snapshot?.createdAt).toBe(before?.createdAt);
      expect(open?.frozenAt).toBeNull();
      expect(open?.createdAt).toBe('2026-11-22T09:00:00Z');
      // Same people in the same places, new entry ids in the copy; the open circle keeps its ids.
      expect(snapshot?.entries.map((e) => [e.target.id, e.ring, e.sector])).toEqual(
        open?.entries.map((e) => [e.target.id, e.ring, e.sector]),
      );
      expect(open?.entries.map((e) => e.id)).toEqual(before?.entries.map((e) => e.id));
      expect(snapshot?.entries.some((e) => open?.entries.some((o) => o.id === e.id))).toBe(false);
      // The tie points at the copies.
      const copyOf = (id: string) =>
        snapshot?.entries.find((e) => e.target.id === open?.entries.find((o) => o.id === id)?.target.id)?.id;
      expect(snapshot?.ties.map((t) => t.id)).toEqual([[copyOf(x.id), copyOf(y.id)].sort().join('~')]);
      const list = await db.read((tx) => listCircles(tx, other.clientId));
      expect(list[0]?.id).toBe(circleId);
      expect(
        list
          .filter((c) => c.frozenAt !== null)
          .map((c) => c.id)
          .sort(),
      ).toEqual([other.oldCircle.id, snapshotId].sort());
    } finally {
      await other.remove();
    }
  });

  it('reads signals in the same single round trip, and sees the inner rings shrink after a snapshot', async () => {
    const other = await createWorld(db);
    let queries = 0;
    const counting = new Database(inject('neo4j'), { onQuery: () => (queries += 1) });
    try {
      const circleId = other.circle.id;
      const signals = (await counting.read((tx) => findCircle(tx, circleId, { signals: true })))?.signals ?? [];
      expect(queries).toBe(1);
      // The world has a walk-in in the client's wijk and nothing of spoor 1 in the circle.
      expect(signals.map((s) => s.kind)).toEqual(['NO_SOCIAL_BASE']);
      expect(signals[0]?.offers).toEqual([
        { organisationId: other.organisations.walkIn.id, organisationName: other.organisations.walkIn.name, category: 'WALK_IN' },
      ]);

      await db.write(async (tx) => {
        await lockCircle(tx, circleId);
        await freezeCircle(tx, { circleId, snapshotId: randomUUID(), label: null, now: '2026-11-22T10:00:00Z' });
      });
      const open = await db.read((tx) => findCircle(tx, circleId));
      const sister = open?.entries.find((e) => e.ring <= 2);
      if (!sister) throw new Error('the world circle has someone in the inner rings');
      await db.write(async (tx) => {
        await lockCircle(tx, circleId);
        await moveEntry(tx, {
          circleId,
          clientId: other.clientId,
          entryId: sister.id,
          expectedVersion: sister.version,
          ring: 3,
          sector: 'FAMILY',
        });
      });
      const after = (await db.read((tx) => findCircle(tx, circleId, { signals: true })))?.signals ?? [];
      expect(after.find((s) => s.kind === 'INNER_RINGS_SHRANK')).toMatchObject({
        count: 0,
        previousCount: 1,
        previousAt: '2026-11-22T10:00:00Z',
      });
    } finally {
      await counting.close();
      await other.remove();
    }
  });
});
