import DataLoader from 'dataloader';
import {
  findDistricts,
  findOrganisationsByIds,
  type CircleLayout,
  type Database,
  type DistrictNetwork,
  type OrganisationSummary,
} from '@wijkkring/graph';
import type { Viewer } from './viewer.js';

export interface Loaders {
  /** Districts with their whole network, for lists where the parent did not load it. */
  districtNetwork: DataLoader<string, DistrictNetwork | undefined>;
  organisation: DataLoader<string, OrganisationSummary | undefined>;
}

export interface Context {
  viewer: Viewer;
  db: Database;
  layout: CircleLayout;
  loaders: Loaders;
}

const FULL_NETWORK = {
  organisations: true,
  organisationCount: true,
  partnerships: true,
  keyFigures: true,
  links: true,
  offerings: true,
};

export function createContext(db: Database, layout: CircleLayout, viewer: Viewer): Context {
  return {
    viewer,
    db,
    layout,
    loaders: {
      districtNetwork: new DataLoader(async (ids) => {
        const found = await db.read((tx) => findDistricts(tx, ids, FULL_NETWORK));
        return ids.map((id) => found.find((d) => d.id === id));
      }),
      organisation: new DataLoader(async (ids) => {
        const found = await db.read((tx) => findOrganisationsByIds(tx, ids));
        return ids.map((id) => found.find((o) => o.id === id));
      }),
    },
  };
}
