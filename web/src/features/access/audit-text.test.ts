import { describe, expect, it } from 'vitest';
import { describeAuditEvent, type AuditEventLike } from './audit-text';

const event = (overrides: Partial<AuditEventLike>): AuditEventLike => ({
  action: 'READ',
  result: 'SUCCESS',
  subject: 'NetworkCircle',
  actorName: 'Eline K.',
  actorIsYou: false,
  actorOrganisation: 'Lister',
  ...overrides,
});

describe('describeAuditEvent', () => {
  it('says who looked at the circle, with their organisation', () => {
    expect(describeAuditEvent(event({}))).toBe('Eline K. (Lister) heeft je kring bekeken');
  });

  it('speaks to the client as "Jij" when they did it themselves', () => {
    expect(describeAuditEvent(event({ actorIsYou: true, actorName: 'Mohamed', actorOrganisation: null }))).toBe(
      'Jij hebt je kring bekeken',
    );
  });

  it('describes letting someone look and stopping it, in the words of the page (issue 14)', () => {
    const you = { actorIsYou: true, actorOrganisation: null, subject: 'AccessGrant' } as const;
    expect(describeAuditEvent(event({ ...you, action: 'CREATE' }))).toBe('Jij hebt iemand laten meekijken');
    expect(describeAuditEvent(event({ ...you, action: 'UPDATE' }))).toBe('Jij hebt het meekijken gestopt');
    expect(describeAuditEvent(event({ ...you, action: 'CREATE', result: 'DENIED' }))).toBe(
      'Jij probeerde iemand te laten meekijken, maar dat mocht niet',
    );
  });

  it('says a file was saved, not downloaded (issue 14)', () => {
    expect(describeAuditEvent(event({ action: 'EXPORT', subject: 'Client', actorIsYou: true }))).toBe(
      'Jij hebt je gegevens als bestand bewaard',
    );
  });

  it('says when someone was refused or failed', () => {
    expect(describeAuditEvent(event({ result: 'DENIED', actorName: 'Kim', actorOrganisation: null }))).toBe(
      'Kim probeerde je kring te bekijken, maar dat mocht niet',
    );
    expect(describeAuditEvent(event({ action: 'LOGIN', result: 'FAILED', actorIsYou: true, subject: 'Account' }))).toBe(
      'Jij probeerde in te loggen, maar dat lukte niet',
    );
  });

  it('starts the sentence with a capital when nobody is known to have tried (issue 11: anonymous refusals)', () => {
    expect(describeAuditEvent(event({ result: 'DENIED', actorName: 'onbekend', actorOrganisation: null }))).toBe(
      'Onbekend probeerde je kring te bekijken, maar dat mocht niet',
    );
  });

  it('uses "zijn" for logging in and out', () => {
    expect(describeAuditEvent(event({ action: 'LOGIN', actorIsYou: true, subject: 'Account' }))).toBe('Jij bent ingelogd');
    expect(describeAuditEvent(event({ action: 'LOGOUT', subject: 'Account' }))).toBe('Eline K. (Lister) is uitgelogd');
  });

  it('says a search found the client, in plain words', () => {
    expect(describeAuditEvent(event({ action: 'SEARCH', subject: 'Client' }))).toBe(
      'Eline K. (Lister) heeft je naam in een lijst gezien',
    );
  });

  it('falls back to "je gegevens" for a subject it does not know', () => {
    expect(describeAuditEvent(event({ action: 'EXPORT', subject: 'Something', actorIsYou: true }))).toBe(
      'Jij hebt je gegevens als bestand bewaard',
    );
  });
});
