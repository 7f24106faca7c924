import type { CircleLayoutInput } from './circle-elements';

/**
 * For unit tests only: the deployment's usual four rings and four sectors, as the circle layout
 * query returns them.
 */
export const TEST_LAYOUT: CircleLayoutInput = {
  rings: [
    { ring: 1, label: 'Heel dichtbij' },
    { ring: 2, label: 'Dichtbij' },
    { ring: 3, label: 'Bekenden' },
    { ring: 4, label: 'Diensten' },
  ],
  sectors: [
    { key: 'FAMILY', label: 'Familie' },
    { key: 'FRIENDS_NEIGHBOURS', label: 'Vrienden en buren' },
    { key: 'FELLOW_CLIENTS', label: 'Lotgenoten' },
    { key: 'PROFESSIONALS', label: 'Hulpverleners' },
  ],
};

/** The sector keys of TEST_LAYOUT, in order. */
export const TEST_SECTORS: readonly string[] = TEST_LAYOUT.sectors.map((s) => s.key);
