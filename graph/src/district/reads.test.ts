import { describe, expect, it } from 'vitest';
import { districtNetworkCypher } from './reads.js';

describe('district query shaping (issue 2)', () => {
  it('includes only the parts asked for, and only parameters for values', () => {
    const bare = districtNetworkCypher({});
    expect(bare).not.toMatch(/organisations:|links:/);
    const withLinks = districtNetworkCypher({ links: true, organisations: true });
    expect(withLinks).toMatch(/organisations: COLLECT/);
    expect(withLinks).toMatch(/links: COLLECT/);
    expect(withLinks).not.toMatch(/keyFigures:/);
    expect(withLinks).toMatch(/UNWIND \$keys AS key/);
  });
});
