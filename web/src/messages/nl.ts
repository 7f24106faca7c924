import type { LinkKind, PartnershipKind, Sector, SupportKind, Wish } from '../gql/graphql';

/**
 * Every Dutch text of the web app, at language level B1: short sentences, common words.
 * Components take their text from here, so wording can be checked (and later translated) in one place.
 */

function count(n: number, one: string, many: string): string {
  return `${String(n)} ${n === 1 ? one : many}`;
}

export const nl = {
  app: {
    name: 'Wijkkring',
    tagline: 'Netwerken in de wijk',
    skipLink: 'Naar de inhoud',
    mainNavigation: 'Hoofdmenu',
    demoNotice: 'Dit is een demo. Alle mensen in deze demo zijn verzonnen.',
    pageTitle: (page: string) => `${page} – Wijkkring`,
  },
  nav: {
    home: 'Start',
    districts: 'Wijken',
    circles: 'Netwerkcirkels',
  },
  state: {
    loading: 'Even geduld. De gegevens worden geladen.',
    unavailable: 'De gegevens zijn nu niet bereikbaar. Probeer het zo opnieuw.',
    retry: 'Opnieuw proberen',
    notFound: 'Niet gevonden',
    notFoundText: 'Wat je zoekt, bestaat niet (meer). Misschien is de link oud of klopt er een letter niet.',
    errorTitle: 'Er ging iets mis',
    otherError: 'Er ging iets mis. Dat ligt niet aan jou. Probeer het later nog eens.',
    backHome: 'Naar de startpagina',
  },
  graph: {
    controls: 'Kaart vergroten of verkleinen',
    zoomIn: 'Inzoomen',
    zoomOut: 'Uitzoomen',
    fit: 'Hele kaart',
    zoomHelp: 'Ingezoomd? Schuif de kaart met je vinger of muis.',
  },
  notFoundPage: {
    title: 'Pagina niet gevonden',
    text: 'Deze pagina bestaat niet. Misschien is de link oud of klopt er een letter niet.',
  },
  home: {
    title: 'Welkom bij Wijkkring',
    intro:
      'Wijkkring laat zien wie er om iemand heen staat, en hoe organisaties in een wijk samenwerken. Zo zie je waar hulp dichtbij is, en waar nog een verbinding mist.',
    districtsTitle: 'Wijken',
    districtsText: 'Bekijk per wijk welke organisaties er zijn en met wie ze samenwerken.',
    districtsLink: 'Bekijk de wijken',
    circlesTitle: 'Netwerkcirkels',
    circlesText: 'Een netwerkcirkel laat zien wie belangrijk is in iemands leven: dichtbij of verder weg.',
    circlesLink: 'Bekijk de netwerkcirkels',
  },
  districts: {
    title: 'Wijken',
    intro: 'Kies een wijk. Je ziet dan de organisaties in die wijk en hun verbindingen.',
    focusTitle: 'Focuswijken',
    focusText: 'In deze vier wijken werkt het programma Thuis in je Wijk.',
    otherTitle: 'Andere wijken',
    focusBadge: 'Focuswijk',
    organisations: (n: number) => count(n, 'organisatie', 'organisaties'),
    empty: 'Er zijn nog geen wijken.',
  },
  wijk: {
    focusBadge: 'Focuswijk',
    summary: (organisations: number, links: number, keyFigures: number) =>
      `${count(organisations, 'organisatie', 'organisaties')}, ${count(links, 'verbinding', 'verbindingen')} en ${count(keyFigures, 'sleutelfiguur', 'sleutelfiguren')}.`,
    mapTitle: 'Kaart van de wijk',
    mapHelp: 'Elke vorm is een organisatie of sleutelfiguur. Een lijn is een verbinding: ze werken samen.',
    graphLabel: (wijk: string, organisations: number, keyFigures: number, links: number) =>
      `Kaart van ${wijk}: ${count(organisations, 'organisatie', 'organisaties')}, ${count(keyFigures, 'sleutelfiguur', 'sleutelfiguren')} en ${count(links, 'verbinding', 'verbindingen')}. Dezelfde gegevens staan in de lijst bij de kaart.`,
    legendTitle: 'Uitleg bij de kaart',
    lineLegendTitle: 'Soorten lijnen',
    listTitle: 'Organisaties per spoor',
    listIntro: 'Hier staat alles wat de kaart laat zien, als lijst.',
    organisationColumn: 'Organisatie',
    sectorColumn: 'Soort',
    linksColumn: 'Verbindingen',
    keyFigureColumn: 'Sleutelfiguur',
    noneInGroup: 'Geen organisaties in deze groep.',
    partnershipsTitle: 'Samenwerkingsverbanden',
    partnershipsIntro: 'Groepen organisaties die samen overleggen, zoals het kernteam.',
    noPartnerships: 'Er zijn geen samenwerkingsverbanden bekend.',
    members: (n: number) => count(n, 'lid', 'leden'),
    showMembers: 'Toon de leden',
    memberOutsideDistrict: 'organisatie buiten deze wijk',
    links: (n: number) => count(n, 'verbinding', 'verbindingen'),
    emptyMap: 'Er zijn nog geen organisaties in deze wijk bekend.',
  },
  spoor: {
    tier1: {
      title: 'Spoor 1',
      name: 'Sociale basis',
      description: 'Welzijn, vrijwilligers, buurtinitiatieven en ontmoetingsplekken.',
    },
    tier2: { title: 'Spoor 2', name: 'Buurtteams', description: 'Buurtteams die lichte hulp geven, vaak op loopafstand.' },
    tier3: {
      title: 'Spoor 3',
      name: 'Aanvullende zorg',
      description: 'Zwaardere, gespecialiseerde zorg, zoals Beschermd Thuis.',
    },
    other: {
      title: 'Overig',
      name: 'Eerstelijnszorg, woningcorporatie, gemeente',
      description: 'Organisaties buiten de drie sporen.',
    },
    keyFigure: {
      title: 'Sleutelfiguur',
      name: 'Bewoner die mensen verbindt',
      description: 'Bewoners die mensen in de wijk met elkaar in contact brengen.',
    },
  },
  sector: {
    SOCIAL_BASE: 'Sociale basis',
    NEIGHBOURHOOD_TEAMS: 'Buurtteam',
    ADDITIONAL_CARE: 'Aanvullende zorg',
    PRIMARY_CARE: 'Eerstelijnszorg',
    HOUSING_ASSOCIATION: 'Woningcorporatie',
    MUNICIPALITY: 'Gemeente',
    RESEARCH_EDUCATION: 'Onderzoek en onderwijs',
  } satisfies Record<Sector, string>,
  partnershipKind: {
    CORE_TEAM: 'Kernteam',
    STEERING_GROUP: 'Regiegroep',
    HEALTHY_DISTRICT_NETWORK: 'Gezonde-wijknetwerk',
  } satisfies Record<PartnershipKind, string>,
  linkKind: {
    COLLABORATION: 'samenwerking',
    FUNDING: 'financiering',
    HANDOVER: 'overdracht',
    REFERRAL: 'doorverwijzing',
    JOINT_CONSULTATION: 'gezamenlijk spreekuur',
    JOINT_MEETING: 'gezamenlijk overleg',
    JOINT_TRAINING: 'gezamenlijke training',
  } satisfies Record<LinkKind, string>,
  lineStyle: {
    solid: 'Samenwerking of geld',
    dashed: 'Doorverwijzing of overdracht',
    dotted: 'Samen overleggen of leren',
  },
  clients: {
    title: 'Netwerkcirkels',
    intro: 'Kies een persoon om de netwerkcirkel te bekijken. Dit zijn verzonnen voorbeelden.',
    openCircle: (name: string) => `Netwerkcirkel van ${name}`,
    livesIn: (district: string) => `Woont in ${district}`,
    noCircle: 'Nog geen netwerkcirkel',
    empty: 'Er zijn nog geen cliënten.',
  },
  circle: {
    title: (name: string) => `Netwerkcirkel van ${name}`,
    madeOn: (date: string) => `Gemaakt op ${date}`,
    frozenOn: (date: string) => `Momentopname van ${date}`,
    summary: (n: number) => `${count(n, 'persoon of organisatie', 'personen en organisaties')} in de cirkel.`,
    mapTitle: 'De cirkel',
    mapHelp: 'In het midden staat de persoon zelf. Hoe dichter bij het midden, hoe belangrijker.',
    graphLabel: (name: string, n: number) =>
      `Netwerkcirkel van ${name} met ${count(n, 'persoon of organisatie', 'personen en organisaties')}. Dezelfde gegevens staan in de lijst.`,
    legendTitle: 'Uitleg bij de cirkel',
    legend: {
      person: 'Persoon',
      professional: 'Hulpverlener',
      organisation: 'Organisatie',
      safetyNet: 'Vangnet: iemand die je belt als het mis gaat',
    },
    listTitle: 'Lijst van de cirkel',
    listIntro: 'Iedereen in de cirkel, per ring. Ring 1 is het dichtst bij.',
    ringHeading: (ring: number, label: string) => `Ring ${String(ring)}: ${label}`,
    emptyRing: 'Niemand in deze ring.',
    kind: {
      person: 'Persoon',
      professional: 'Hulpverlener',
      organisation: 'Organisatie',
    },
    worksAt: (organisation: string) => `werkt bij ${organisation}`,
    sectorLabel: 'Groep',
    relationLabel: 'Relatie',
    supportLabel: 'Steun',
    wishLabel: 'Wens',
    noteLabel: 'Notitie',
    safetyNet: 'Vangnet',
    unplacedTitle: 'Niet op de cirkel',
    unplacedText: 'Deze namen hebben een ring of groep die deze cirkel niet kent. Ze staan daarom niet op de tekening.',
    backToList: 'Terug naar alle netwerkcirkels',
  },
  support: {
    PRACTICAL: 'praktisch',
    EMOTIONAL: 'emotioneel',
    COMPANY: 'gezelschap',
    SAFETY_NET: 'vangnet',
  } satisfies Record<SupportKind, string>,
  wish: {
    MORE_CONTACT: 'Vaker zien',
    LESS_CONTACT: 'Minder zien',
    NEW_CONTACT: 'Nieuw contact zoeken',
  } satisfies Record<Wish, string>,
} as const;

export type Messages = typeof nl;
