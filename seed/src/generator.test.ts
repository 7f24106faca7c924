import { describe, expect, it } from 'vitest';
import { parseGeneratorArgs } from './cli.js';
import { generateCity, syntheticId, type CityOptions, type ClientBatch } from './generator.js';

const small: CityOptions = { seed: 1, districts: 3, organisations: 60, clients: 120, entriesPerClient: [20, 30] };

function allClients(options: CityOptions, entriesPerBatch: number): ClientBatch[] {
  return [...generateCity(options).clientBatches(entriesPerBatch)];
}

const flat = (batches: ClientBatch[]) => ({
  clients: batches.flatMap((b) => b.clients),
  contacts: batches.flatMap((b) => b.contacts),
  circles: batches.flatMap((b) => b.circles),
});

describe('generateCity', () => {
  it('gives the same rows for the same seed, whatever the batch size', () => {
    const a = generateCity(small);
    const b = generateCity(small);
    expect(b.base).toEqual(a.base);
    expect(flat(allClients(small, 500))).toEqual(flat(allClients(small, 5_000)));
  });

  it('gives different rows for a different seed', () => {
    const other = { ...small, seed: 2 };
    const a = flat(allClients(small, 5_000));
    const b = flat(allClients(other, 5_000));
    expect(b.clients[0]?.id).not.toBe(a.clients[0]?.id);
    const rings = (rows: typeof a) => rows.circles.flatMap((c) => c.entries.map((e) => e.ring)).join('');
    expect(rings(b)).not.toBe(rings(a));
    expect(generateCity(other).base.organisations.map((o) => o.sector)).not.toEqual(
      generateCity(small).base.organisations.map((o) => o.sector),
    );
  });

  it('makes what was asked: clients, one open circle each, entries within the range', () => {
    const { clients, circles } = flat(allClients(small, 1_000));
    expect(clients).toHaveLength(120);
    expect(circles).toHaveLength(120);
    expect(new Set(circles.map((c) => c.clientId)).size).toBe(120);
    for (const c of circles) {
      expect(c.frozenAt).toBeNull();
      expect(c.entries.length).toBeGreaterThanOrEqual(20);
      expect(c.entries.length).toBeLessThanOrEqual(30);
    }
    const fixed = flat(allClients({ ...small, entriesPerClient: [25, 25] }, 1_000));
    expect(fixed.circles.reduce((sum, c) => sum + c.entries.length, 0)).toBe(120 * 25);
  });

  it('batches by entries and yields lazily', () => {
    const batches = allClients(small, 1_000);
    expect(batches.length).toBeGreaterThan(2);
    for (const b of batches.slice(0, -1)) expect(b.entries).toBeGreaterThanOrEqual(1_000);
    // A city of five million clients: the first batch comes at once because nothing else is built yet.
    const huge = generateCity({ ...small, clients: 5_000_000, supportWorkers: 30 }).clientBatches(1_000);
    const started = performance.now();
    expect(huge.next().value?.clients.length).toBeGreaterThan(0);
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('keeps synthetic data recognisable and separate from the demo', () => {
    const city = generateCity(small);
    expect(city.slugPrefix).toBe('synth-1-');
    for (const d of city.base.districts) expect(d.slug.startsWith('synth-1-')).toBe(true);
    for (const o of city.base.organisations) expect(o.slug.startsWith('synth-1-')).toBe(true);
    for (const l of city.base.links) expect(l.source).toBe('SYNTHETIC');
    expect(city.base.organisations[16]).toMatchObject({ id: syntheticId(1, 'organisation', 17), name: 'Organisatie 17' });
    expect(flat(allClients(small, 5_000)).clients[0]?.name).toBe('Cliënt 1');
  });

  it('only links and places what exists, without self-links or duplicate targets', () => {
    const city = generateCity(small);
    const organisations = new Map(city.base.organisations.map((o) => [o.id, o]));
    const keyFigures = new Set(city.base.keyFigures.map((k) => k.id));
    const workers = new Set(city.base.supportWorkers.map((w) => w.id));
    const pairs = new Set<string>();
    for (const l of city.base.links) {
      expect(l.fromId).not.toBe(l.toId);
      expect(organisations.has(l.fromId) || keyFigures.has(l.fromId)).toBe(true);
      expect(organisations.has(l.toId)).toBe(true);
      const pair = [l.fromId, l.toId].sort().join();
      expect(pairs.has(pair)).toBe(false);
      pairs.add(pair);
    }
    const { clients, contacts, circles } = flat(allClients(small, 5_000));
    const contactOwner = new Map(contacts.map((c) => [c.id, c.clientId]));
    const districtOf = new Map(clients.map((c) => [c.id, c.districtId]));
    for (const circle of circles) {
      const targets = circle.entries.map((e) => e.targetId);
      expect(new Set(targets).size).toBe(targets.length);
      for (const target of targets) {
        const organisation = organisations.get(target);
        if (organisation) expect(organisation.districtIds).toContain(districtOf.get(circle.clientId));
        else expect(workers.has(target) || contactOwner.get(target) === circle.clientId).toBe(true);
      }
    }
  });

  it('rejects impossible options', () => {
    expect(() => generateCity({ ...small, entriesPerClient: [30, 20] })).toThrow(/min must not exceed max/);
    expect(() => generateCity({ ...small, districts: 0 })).toThrow();
  });
});

describe('parseGeneratorArgs', () => {
  it('reads the documented flags, with a number or a range for entries', () => {
    expect(
      parseGeneratorArgs(['--clients', '10000', '--entries', '25', '--seed', '1', '--districts', '10', '--organisations', '400']),
    ).toEqual({
      city: { seed: 1, clients: 10_000, entriesPerClient: [25, 25], districts: 10, organisations: 400 },
      batchSize: 5_000,
    });
    expect(parseGeneratorArgs(['--entries=25-40', '--batch=2000']).city.entriesPerClient).toEqual([25, 40]);
    expect(parseGeneratorArgs(['--entries=25-40', '--batch=2000']).batchSize).toBe(2_000);
  });

  it('refuses unknown flags and bad values', () => {
    expect(() => parseGeneratorArgs(['--cliënts', '10'])).toThrow(/Unknown argument/);
    expect(() => parseGeneratorArgs(['--entries', 'veel'])).toThrow(/--entries/);
    expect(() => parseGeneratorArgs(['--clients'])).toThrow(/needs a value/);
  });
});
