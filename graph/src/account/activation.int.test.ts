import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { Database } from '../driver.js';
import {
  ACTIVATION_VALID_MS,
  activationCodeHash,
  consumeActivation,
  newActivationCode,
  normaliseActivationCode,
  setActivation,
} from './activation.js';
import { findActivation, findCredentialsById } from './reads.js';
import { createAccountWithPerson } from './writes.js';

const db = new Database(inject('neo4j'));
const tag = randomUUID().slice(0, 8);
const accountIds: string[] = [];
const personIds: string[] = [];
const T0 = Date.UTC(2026, 2, 14, 9, 30);

/** A new researcher account without a password, with a code issued at T0 (issue 11). */
async function pending(): Promise<{ id: string; username: string; code: string }> {
  const id = randomUUID();
  const personId = randomUUID();
  const username = `act-${tag}-${String(accountIds.length)}`;
  accountIds.push(id);
  personIds.push(personId);
  const code = newActivationCode();
  await db.write(async (tx) => {
    await createAccountWithPerson(
      tx,
      {
        id,
        personId,
        username,
        role: 'RESEARCHER',
        displayName: `Act ${tag}`,
        organisationId: null,
        districtIds: [],
        circleId: null,
      },
      new Date(T0).toISOString(),
    );
    await setActivation(tx, id, activationCodeHash(code), T0, T0 + ACTIVATION_VALID_MS);
  });
  return { id, username, code };
}

afterAll(async () => {
  await db.write(async (tx) => {
    await tx.run('MATCH (a:Account) WHERE a.id IN $accountIds DETACH DELETE a', { accountIds });
    await tx.run('MATCH (p:Person) WHERE p.id IN $personIds DETACH DELETE p', { personIds });
  });
  await db.close();
});

describe('activation codes (issue 11)', () => {
  it('makes codes of 100 random bits and reads them back as typed', () => {
    const codes = new Set(Array.from({ length: 200 }, () => newActivationCode()));
    expect(codes.size).toBe(200);
    const code = [...codes][0] ?? '';
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){4}$/);
    expect(normaliseActivationCode(` ${code.toLowerCase().replaceAll('-', ' ')} `)).toBe(code.replaceAll('-', ''));
    expect(normaliseActivationCode('OIL0-0000-0000-0000-0000')).toBe('01100000000000000000');
    expect(normaliseActivationCode('too short')).toBeNull();
    expect(normaliseActivationCode('UUUU-UUUU-UUUU-UUUU-UUUU')).toBeNull();
    expect(activationCodeHash(code)).toBe(activationCodeHash(code.toLowerCase()));
    expect(activationCodeHash(code)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('works until 72 hours after it was issued, and not a moment later (issue 11)', async () => {
    const { id, username, code } = await pending();
    const stored = await db.read((tx) => findActivation(tx, username));
    expect(stored).toMatchObject({ accountId: id, expiresAt: T0 + 72 * 3600_000, codeHash: activationCodeHash(code) });
    const late = T0 + ACTIVATION_VALID_MS;
    expect(await db.write((tx) => consumeActivation(tx, id, activationCodeHash(code), 'hash', late))).toBe(false);
    expect(await db.write((tx) => consumeActivation(tx, id, activationCodeHash(code), 'hash', late - 1))).toBe(true);
    expect((await db.read((tx) => findCredentialsById(tx, id)))?.passwordHash).toBe('hash');
  });

  it('works once, and a new code replaces the old one (issue 11)', async () => {
    const { id, code } = await pending();
    const second = newActivationCode();
    await db.write((tx) => setActivation(tx, id, activationCodeHash(second), T0 + 1000, T0 + 1000 + ACTIVATION_VALID_MS));
    expect(await db.write((tx) => consumeActivation(tx, id, activationCodeHash(code), 'old', T0 + 2000))).toBe(false);
    expect(await db.write((tx) => consumeActivation(tx, id, activationCodeHash(second), 'new', T0 + 2000))).toBe(true);
    expect(await db.write((tx) => consumeActivation(tx, id, activationCodeHash(second), 'again', T0 + 3000))).toBe(false);
    expect((await db.read((tx) => findCredentialsById(tx, id)))?.passwordHash).toBe('new');
  });

  it('lets only one of two concurrent uses of a code through (issue 11)', async () => {
    const { id, code } = await pending();
    const results = await Promise.all(
      ['a', 'b', 'c'].map((p) => db.write((tx) => consumeActivation(tx, id, activationCodeHash(code), p, T0 + 1000))),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
  });
});
