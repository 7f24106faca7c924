import { describe, expect, it } from 'vitest';
import { nl } from './nl';
import { distinctLabel } from './snapshot-label';

describe('snapshot names next to their date (issue 14)', () => {
  it('drops a name that only repeats the date', () => {
    expect(distinctLabel('Februari 2026', '14 februari 2026')).toBeNull();
    expect(distinctLabel('feb. 2026', '14 februari 2026')).toBeNull();
    expect(distinctLabel('14 februari', '14 februari 2026')).toBeNull();
    expect(distinctLabel('  ', '14 februari 2026')).toBeNull();
    expect(distinctLabel(null, '14 februari 2026')).toBeNull();
  });

  it('keeps a name that says something of its own', () => {
    expect(distinctLabel(' Na de verhuizing ', '14 februari 2026')).toBe('Na de verhuizing');
    expect(distinctLabel('Maart 2026', '14 februari 2026')).toBe('Maart 2026');
    expect(distinctLabel('Voor 2026', '14 februari 2026')).toBe('Voor 2026');
  });

  it('never says the date twice in the choice of moments, on the circle page or on paper', () => {
    expect(nl.history.snapshot('14 februari 2026', 'Februari 2026')).toBe('14 februari 2026');
    expect(nl.history.snapshot('14 februari 2026', 'Na de verhuizing')).toBe('14 februari 2026 (Na de verhuizing)');
    expect(nl.print.dateFrozen('14 februari 2026', 'Februari 2026')).toBe('Vastgelegd op 14 februari 2026');
    expect(nl.circle.frozenOn('14 februari 2026', 'Februari 2026')).toBe('Vastgelegd op 14 februari 2026');
    expect(nl.circle.frozenOn('14 februari 2026', 'Na de verhuizing')).toBe('Vastgelegd op 14 februari 2026 (Na de verhuizing)');
  });
});
