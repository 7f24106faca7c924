import { describe, expect, it } from 'vitest';
import { RequestGate } from './request-gate.js';

describe('RequestGate: a TIMEOUT answer and a commit exclude each other (issue 12)', () => {
  it('lets the TIMEOUT answer go when nothing has committed, and refuses every commit after it', () => {
    const gate = new RequestGate();
    expect(gate.abandoned()).toBe(false);
    expect(gate.abandon()).toBe(true);
    expect(gate.abandoned()).toBe(true);
    expect(gate.enter()).toBe(false);
  });

  it('holds the TIMEOUT answer back while a commit is under way, and after one has ended', () => {
    const gate = new RequestGate();
    expect(gate.enter()).toBe(true);
    expect(gate.abandon()).toBe(false);
    gate.leave();
    expect(gate.abandon()).toBe(false);
    // The request was not abandoned: its later writes still commit.
    expect(gate.abandoned()).toBe(false);
    expect(gate.enter()).toBe(true);
  });
});
