import { describe, expect, it } from 'vitest';
import { grantPeriod } from './grant-text';

const granted = '2026-10-01T09:00:00Z';

describe('how long a begeleider may look (issue 14)', () => {
  it('gives a running grant its end date, or says it runs until the client stops it', () => {
    expect(grantPeriod({ active: true, grantedAt: granted, until: '2026-12-31', revokedAt: null })).toEqual({
      period: 'tot en met 31 december 2026',
      since: 'Gegeven op 1 oktober 2026',
    });
    expect(grantPeriod({ active: true, grantedAt: granted, until: null, revokedAt: null }).period).toBe('tot jij het stopt');
  });

  it('says when a stopped grant stopped, and nothing about an end date', () => {
    for (const until of [null, '2099-03-01']) {
      const { period } = grantPeriod({ active: false, grantedAt: granted, until, revokedAt: '2026-11-30T15:00:00Z' });
      expect(period).toBe('Gestopt op 30 november 2026');
    }
  });

  it('says a grant that reached its end date ran until then', () => {
    expect(grantPeriod({ active: false, grantedAt: granted, until: '2026-11-30', revokedAt: null }).period).toBe(
      'Liep tot en met 30 november 2026',
    );
    expect(grantPeriod({ active: false, grantedAt: granted, until: null, revokedAt: null }).period).toBe('Gestopt');
  });
});
