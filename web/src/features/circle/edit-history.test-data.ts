import type { EntryLike } from './edit-history';

/** Two entries as the API answers them, for the tests of the undo history and of keeping it (issue 14). */
export const fatima: EntryLike = {
  id: 'e-fatima',
  ring: 2,
  sector: 'FAMILY',
  version: 3,
  relation: 'zus',
  support: ['EMOTIONAL', 'SAFETY_NET'],
  frequency: 'WEEKLY',
  wish: 'MORE_CONTACT',
  note: null,
  target: { __typename: 'CirclePerson', id: 'p-fatima', name: 'Fatima', organisation: null },
};

export const gp: EntryLike = {
  id: 'e-gp',
  ring: 4,
  sector: 'PROFESSIONALS',
  version: 1,
  relation: 'huisarts',
  support: [],
  frequency: null,
  wish: null,
  note: 'spreekuur',
  target: { __typename: 'Organisation', id: 'o-gp', name: 'Huisarts' },
};
