import type { model } from '@wijkkring/graph';

/**
 * What each organisation offers in the demo (invented, but in line with what the organisation is
 * known for). Every organisation offers these in every district where it is active. The two
 * municipal organisations fund and steer; they offer nothing themselves.
 */
export const DEMO_OFFERINGS: Readonly<Record<string, readonly (readonly [model.OfferingCategory, string])[]>> = {
  // spoor 1: sociale basis
  DOCK: [
    ['WALK_IN', 'Inloop in het buurthuis'],
    ['NEIGHBOURHOOD_SUPPORT', 'Sociaal makelaar'],
  ],
  NIZU: [['WALK_IN', 'Spreekuur informele zorg']],
  'Handje Helpen': [['BUDDY', 'Maatjesproject']],
  Humanitas: [
    ['BUDDY', 'Maatje'],
    ['DEBT_SUPPORT', 'Thuisadministratie'],
  ],
  'Stichting Al Amal': [
    ['WALK_IN', 'Inloopspreekuur'],
    ['PEER_SUPPORT', 'Hulp in eigen taal'],
  ],
  'Wij 3.0': [['WALK_IN', 'Ontmoetingsplek']],
  Meetellen: [['PEER_SUPPORT', 'Ervaringsdeskundigen']],
  'Sport Utrecht': [['SPORT', 'Buurtsport']],
  'Vrijwilligerscentrale Utrecht': [['VOLUNTEERING', 'Vrijwilligerswerk vinden']],
  'Taal doet Meer': [['LANGUAGE', 'Taalcafé']],
  'Utrecht Natuurlijk': [['VOLUNTEERING', 'Natuurvrijwilligers']],
  'Wijkcoöperatie Kanaleneiland': [
    ['MEALS', 'Buurtmaaltijd'],
    ['VOLUNTEERING', 'Klussen in de wijk'],
  ],
  'Power by Peers': [['PEER_SUPPORT', 'Ervaringsdeskundige steun']],
  'Steunpunt GGZ': [
    ['PEER_SUPPORT', 'Lotgenotengroep'],
    ['WALK_IN', 'Herstelinloop'],
  ],
  Enik: [['PEER_SUPPORT', 'Herstelcursus']],
  'De Kracht van Zuilen': [['NEIGHBOURHOOD_SUPPORT', 'Buurthulp']],
  'Bij Boschardt': [['WALK_IN', 'Buurtkamer']],
  'Samen voor Overvecht': [['VOLUNTEERING', 'Buurtinitiatieven']],
  'Doen en Laten': [
    ['PEER_SUPPORT', 'Herstelgroep'],
    ['DAY_ACTIVITIES', 'Werkplaats'],
  ],
  'Huis van Vrede': [
    ['LANGUAGE', 'Taal- en naailes'],
    ['MEALS', 'Samen eten'],
  ],
  Basmah: [['PEER_SUPPORT', 'Vrouwengroep']],
  Zin: [['DAY_ACTIVITIES', 'Dagactiviteiten']],
  'Oog voor Utrecht': [['VOLUNTEERING', 'Vrijwillige hulp']],
  Koos: [['YOUTH_FAMILY', 'Jongerenwerk']],
  Renqli: [['DAY_ACTIVITIES', 'Dagbesteding']],
  'In de Kern Gezond': [['SPORT', 'Beweeggroep']],
  Wijksupport: [['NEIGHBOURHOOD_SUPPORT', 'Klussendienst']],
  // spoor 2: buurtteams
  'Buurtteam Sociaal': [
    ['NEIGHBOURHOOD_SUPPORT', 'Buurtteam'],
    ['DEBT_SUPPORT', 'Geldzaken'],
  ],
  'Buurtteam Jeugd & Gezin': [['YOUTH_FAMILY', 'Gezinsondersteuning']],
  // spoor 3: aanvullende zorg
  Lister: [['SHELTERED_LIVING', 'Beschermd Thuis']],
  'Leger des Heils': [
    ['SHELTERED_LIVING', 'Beschermd Thuis'],
    ['MEALS', 'Inloopmaaltijd'],
  ],
  'De Tussenvoorziening': [['SHELTERED_LIVING', 'Beschermd Thuis']],
  Kwintes: [['SHELTERED_LIVING', 'Begeleid wonen']],
  Abrona: [['SHELTERED_LIVING', 'Begeleid wonen']],
  Amerpoort: [['DAY_ACTIVITIES', 'Dagbesteding']],
  Philadelphia: [['SHELTERED_LIVING', 'Begeleid wonen']],
  Reinaerde: [['DAY_ACTIVITIES', 'Dagbesteding']],
  Timon: [['SHELTERED_LIVING', 'Begeleid wonen jongeren']],
  Plushome: [['SHELTERED_LIVING', 'Kamertraining']],
  InteraktContour: [['SHELTERED_LIVING', 'Ambulante begeleiding']],
  'Stichting Exodus': [['SHELTERED_LIVING', 'Nazorg na detentie']],
  'AB Spectrum': [['SHELTERED_LIVING', 'Ambulante begeleiding']],
  'Profs NAH': [['DAY_ACTIVITIES', 'Dagbesteding NAH']],
  'De Wilg': [['DAY_ACTIVITIES', 'Dagbesteding']],
  Jados: [['SHELTERED_LIVING', 'Begeleid wonen']],
  Altrecht: [['MENTAL_HEALTH', 'Specialistische ggz']],
  // eerstelijnszorg
  'Huisartsen Overvecht': [['GENERAL_PRACTICE', 'Huisartsenpraktijk']],
  'Huisarts Kanaleneiland': [['GENERAL_PRACTICE', 'Huisartsenpraktijk']],
  Indigo: [['MENTAL_HEALTH', 'Basis-ggz']],
  'Buurtzorg Nederland': [['DISTRICT_NURSING', 'Wijkverpleging']],
  Careijn: [['DISTRICT_NURSING', 'Wijkverpleging']],
  'Gebiedsteam GGZ': [['MENTAL_HEALTH', 'Gebiedsteam ggz']],
  'Partner in Zorg': [['DISTRICT_NURSING', 'Thuiszorg']],
  // SterkZorg supports the GP practices of Utrecht; in the demo it stands for the huisarts in
  // the wijken whose practices the report does not name.
  SterkZorg: [['GENERAL_PRACTICE', 'Huisartsenzorg']],
  'Overvecht Gezond': [['SPORT', 'Samen bewegen']],
  JGZ: [['YOUTH_FAMILY', 'Consultatiebureau']],
  // woningcorporaties
  Portaal: [['HOUSING', 'Sociale huurwoning']],
  'Cazas Wonen': [['HOUSING', 'Sociale huurwoning']],
  Woonin: [['HOUSING', 'Sociale huurwoning']],
  // gemeente
  'Gemeente Utrecht': [],
  'Gemeente Utrecht Volksgezondheid': [],
};

/** Used only if the facts file gains an organisation this table does not know yet. */
export const DEFAULT_OFFERING: Readonly<Record<model.Sector, readonly (readonly [model.OfferingCategory, string])[]>> = {
  SOCIAL_BASE: [['WALK_IN', 'Inloop']],
  NEIGHBOURHOOD_TEAMS: [['NEIGHBOURHOOD_SUPPORT', 'Buurtteam']],
  ADDITIONAL_CARE: [['SHELTERED_LIVING', 'Begeleid wonen']],
  PRIMARY_CARE: [['GENERAL_PRACTICE', 'Huisartsenzorg']],
  HOUSING_ASSOCIATION: [['HOUSING', 'Sociale huurwoning']],
  MUNICIPALITY: [],
  RESEARCH_EDUCATION: [],
};

/**
 * Languages besides Dutch an offering is given in (BCP 47, model.LANGUAGES), per organisation and
 * category, in every district where it is offered. Stichting Al Amal's follow the report (help in
 * Arabic, Turkish and the Moroccan languages: Moroccan Arabic and Tamazight); the others are
 * invented. An offering not listed here is given in Dutch only (no languages recorded).
 */
export const DEMO_OFFERING_LANGUAGES: Readonly<
  Record<string, Partial<Readonly<Record<model.OfferingCategory, readonly model.Language[]>>>>
> = {
  'Stichting Al Amal': { WALK_IN: ['ar', 'tr', 'ary', 'ber'], PEER_SUPPORT: ['ar', 'tr', 'ary', 'ber'] },
  // invented
  Basmah: { PEER_SUPPORT: ['nl', 'ar', 'ary', 'ber'] },
  'Huis van Vrede': { LANGUAGE: ['nl', 'ar', 'tr'] },
  'Huisarts Kanaleneiland': { GENERAL_PRACTICE: ['nl', 'ar', 'tr', 'en'] },
  'Huisartsen Overvecht': { GENERAL_PRACTICE: ['nl', 'tr', 'ar', 'pap'] },
  'Buurtteam Sociaal': { NEIGHBOURHOOD_SUPPORT: ['nl', 'en'] },
  'Power by Peers': { PEER_SUPPORT: ['nl', 'en'] },
  'Vrijwilligerscentrale Utrecht': { VOLUNTEERING: ['nl', 'en', 'uk'] },
  Humanitas: { DEBT_SUPPORT: ['nl', 'pl'] },
};
