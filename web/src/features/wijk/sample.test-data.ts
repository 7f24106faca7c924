import type { WijkMapData } from './model';

/** A small invented wijk for the unit tests: every spoor, one organisation outside, one key figure. */
export const SAMPLE: WijkMapData = {
  at: '2026-01-01',
  district: { id: 'd-kan', name: 'Kanaleneiland', slug: 'kanaleneiland' },
  organisations: [
    { id: 'lister', name: 'Lister', tier: 3, sector: 'ADDITIONAL_CARE' },
    { id: 'alamal', name: 'Stichting Al Amal', tier: 1, sector: 'SOCIAL_BASE' },
    { id: 'dock', name: 'DOCK', tier: 1, sector: 'SOCIAL_BASE' },
    { id: 'bts', name: 'Buurtteam Sociaal', tier: 2, sector: 'NEIGHBOURHOOD_TEAMS' },
    { id: 'portaal', name: 'Portaal', tier: null, sector: 'HOUSING_ASSOCIATION' },
  ],
  outsideOrganisations: [{ id: 'humanitas', name: 'Humanitas', tier: 1, sector: 'SOCIAL_BASE' }],
  keyFigures: [{ id: 'kf-fatima', name: 'Fatima Z.', description: 'Verbindt mensen' }],
  links: [
    { id: 'l1', fromId: 'alamal', toId: 'bts', kind: 'REFERRAL', since: '2020-01-15', until: null, strength: 3 },
    { id: 'l2', fromId: 'alamal', toId: 'dock', kind: 'COLLABORATION', since: '2021-03-01', until: null, strength: 2 },
    { id: 'l3', fromId: 'dock', toId: 'lister', kind: 'JOINT_MEETING', since: null, until: '2027-01-01', strength: null },
    { id: 'l4', fromId: 'kf-fatima', toId: 'alamal', kind: 'COLLABORATION', since: '2022-05-01', until: null, strength: 1 },
    { id: 'l5', fromId: 'humanitas', toId: 'alamal', kind: 'REFERRAL', since: '2020-09-01', until: '2027-07-01', strength: 2 },
    // Not drawable: a loop, and an end that is not on the map.
    { id: 'l6', fromId: 'dock', toId: 'dock', kind: 'COLLABORATION' },
    { id: 'l7', fromId: 'dock', toId: 'elsewhere', kind: 'COLLABORATION' },
  ],
  offerings: [
    { id: 'o1', name: 'Inloopspreekuur', category: 'WALK_IN', languages: ['tr'], organisationId: 'alamal' },
    { id: 'o2', name: 'Taalles', category: 'LANGUAGE', languages: ['ar'], organisationId: 'alamal' },
    { id: 'o3', name: 'Taalcafé', category: 'LANGUAGE', languages: [], organisationId: 'dock' },
  ],
  partnerships: [
    { id: 'kt', name: 'Kernteam Kanaleneiland', kind: 'CORE_TEAM', memberIds: ['lister', 'alamal', 'bts'], districtId: 'd-kan' },
    { id: 'rg', name: 'Regiegroep', kind: 'STEERING_GROUP', memberIds: ['lister', 'dock', 'other-city'], districtId: null },
  ],
};
