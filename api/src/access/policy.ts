import type { AuditAction } from '@wijkkring/graph';

/**
 * The authorisation policy of Wijkkring as data: role × operation or type → allow, deny, or allow
 * if a condition holds. `enforce.ts` applies it to every resolver of the schema; the access tests
 * execute it cell by cell; docs/ACCESS.md explains it. Change access here and nowhere else.
 *
 * - `operations` has a row for every root field (Query.*, Mutation.*) and for the few object fields
 *   that need their own rule. A root field without a row stops the server from starting.
 * - `types` has a row for every object type whose values need checking wherever they appear (by
 *   any path: root lookups, nested fields, lists, unions). A denied value is never returned.
 */
export const POLICY_ROLES = ['ANONYMOUS', 'CLIENT', 'SUPPORT_WORKER', 'COORDINATOR', 'RESEARCHER', 'ADMIN'] as const;
export type PolicyRole = (typeof POLICY_ROLES)[number];

export const CONDITIONS = {
  /** The value belongs to the signed-in account itself. */
  self: 'the value is the viewer’s own account',
  /** The value is (about) the signed-in client. */
  ownClient: 'the value is the viewer’s own client data',
  /** The client has an active grant (read or edit) for the signed-in support worker. */
  grantRead: 'the client gave the viewer access (read or edit) that is active today',
  grantEdit: 'the client gave the viewer edit access that is active today',
  /** The grant was given to the signed-in support worker. */
  grantee: 'the grant was given to the viewer',
  /** The value lies in the coordinator's own district. */
  ownDistrict: 'the value belongs to the viewer’s own district',
  /** Public values pass; values tied to a wijk (a key figure's link, a figure derived from client circles) only in the viewer's own. */
  publicOrOwnDistrict: 'the value is public, or it belongs to the viewer’s own district',
} as const;
export type Condition = keyof typeof CONDITIONS;

export type Rule = 'allow' | 'deny' | Condition;
export type RoleRules = Readonly<Record<PolicyRole, Rule>>;

export interface OperationPolicy {
  rules: RoleRules;
  /** Root fields that touch client data name the audit action they are recorded under. */
  audit?: AuditAction;
}

export interface TypePolicy {
  rules: RoleRules;
  /** Values of this type are client data: allowed reads are audited, denied ones too. */
  clientData: boolean;
  /** In a list, a value the viewer may not see is left out instead of failing the request. */
  omitFromLists?: boolean;
}

/** A row that allows the named roles (with a rule each) and denies everyone else. */
function only(rules: Partial<Record<PolicyRole, Rule>>): RoleRules {
  return Object.fromEntries(POLICY_ROLES.map((role) => [role, rules[role] ?? 'deny'])) as RoleRules;
}

const SIGNED_IN: Partial<Record<PolicyRole, Rule>> = {
  CLIENT: 'allow',
  SUPPORT_WORKER: 'allow',
  COORDINATOR: 'allow',
  RESEARCHER: 'allow',
  ADMIN: 'allow',
};
/** The public social map (districts, organisations, their links, every wijk's): not for researchers yet (no names at all). */
const SOCIAL_MAP: Partial<Record<PolicyRole, Rule>> = {
  CLIENT: 'allow',
  SUPPORT_WORKER: 'allow',
  COORDINATOR: 'allow',
  ADMIN: 'allow',
};

/** Research figures about public organisations (no client data): researchers, coordinators, admins. */
const RESEARCH_PUBLIC = only({ RESEARCHER: 'allow', COORDINATOR: 'allow', ADMIN: 'allow' });

/** Who may change a wijk's map: its own coordinator, and an admin. */
const MAP_EDITORS = only({ COORDINATOR: 'ownDistrict', ADMIN: 'allow' });

/** Who may change a client's circle. */
const CIRCLE_EDITORS = only({ CLIENT: 'ownClient', SUPPORT_WORKER: 'grantEdit' });

export const POLICY = {
  operations: {
    // Who am I, signing in and out.
    'Query.viewer': { rules: only({ ANONYMOUS: 'allow', ...SIGNED_IN }) },
    'Mutation.login': { rules: only({ ANONYMOUS: 'allow', ...SIGNED_IN }) },
    'Mutation.verifyTotp': { rules: only({ ANONYMOUS: 'allow', ...SIGNED_IN }) },
    'Mutation.confirmTotpSetup': { rules: only({ ANONYMOUS: 'allow', ...SIGNED_IN }) },
    'Mutation.startTotpSetup': { rules: only(SIGNED_IN) },
    'Mutation.logout': { rules: only({ ANONYMOUS: 'allow', ...SIGNED_IN }) },
    'Mutation.changePassword': { rules: only(SIGNED_IN) },

    // The social map.
    'Query.circleLayout': { rules: only({ CLIENT: 'allow', SUPPORT_WORKER: 'allow' }) },
    'Query.districts': { rules: only(SOCIAL_MAP) },
    'Query.district': { rules: only(SOCIAL_MAP) },
    'Query.organisation': { rules: only(SOCIAL_MAP) },
    'Query.organisations': { rules: only(SOCIAL_MAP) },
    'Mutation.setKeyFigureConsent': { rules: only({ COORDINATOR: 'ownDistrict', ADMIN: 'allow' }) },

    // The wijkkaart (issue 9): every wijk's public map for everyone who reads the social map; changes
    // by the wijk's own coordinator (or an admin); signals and actions for coordinators.
    'Query.wijkMap': { rules: only(SOCIAL_MAP) },
    'Query.districtComparison': { rules: only({ COORDINATOR: 'allow', ADMIN: 'allow' }) },
    // Signals read figures derived from client circles (never below K): each read is recorded.
    'Query.wijkSignals': { rules: only({ COORDINATOR: 'allow', ADMIN: 'allow' }), audit: 'READ' },
    'Query.wijkActions': { rules: only({ COORDINATOR: 'ownDistrict', ADMIN: 'allow' }) },
    'Mutation.recordLink': { rules: MAP_EDITORS },
    'Mutation.updateLink': { rules: MAP_EDITORS },
    'Mutation.endLink': { rules: MAP_EDITORS },
    'Mutation.recordKeyFigure': { rules: MAP_EDITORS },
    'Mutation.joinPartnership': { rules: MAP_EDITORS },
    'Mutation.leavePartnership': { rules: MAP_EDITORS },
    'Mutation.recordOffering': { rules: MAP_EDITORS },
    'Mutation.updateOffering': { rules: MAP_EDITORS },
    'Mutation.endOffering': { rules: MAP_EDITORS },
    'Mutation.createWijkAction': { rules: only({ COORDINATOR: 'ownDistrict' }) },
    'Mutation.updateWijkAction': { rules: only({ COORDINATOR: 'ownDistrict' }) },

    // Client data.
    'Query.client': { rules: only({ CLIENT: 'allow', SUPPORT_WORKER: 'allow' }), audit: 'READ' },
    'Query.clients': { rules: only({ CLIENT: 'allow', SUPPORT_WORKER: 'allow' }), audit: 'SEARCH' },
    'Query.networkCircle': { rules: only({ CLIENT: 'allow', SUPPORT_WORKER: 'allow' }), audit: 'READ' },
    'Query.myGrants': { rules: only({ CLIENT: 'allow', SUPPORT_WORKER: 'allow' }), audit: 'READ' },
    'Query.supportWorkers': { rules: only({ CLIENT: 'allow', ADMIN: 'allow' }) },
    'Query.myAuditTrail': { rules: only({ CLIENT: 'allow' }), audit: 'READ' },
    'Client.grants': { rules: only({ CLIENT: 'allow' }) },

    // Drawing the circle (issue 4): the client, and a support worker the client gave edit access.
    'Query.compareCircles': { rules: only({ CLIENT: 'ownClient', SUPPORT_WORKER: 'grantRead' }), audit: 'READ' },
    'Query.circleOrganisationSearch': { rules: only({ CLIENT: 'ownClient', SUPPORT_WORKER: 'grantEdit' }), audit: 'SEARCH' },
    // Aanbod in je wijk (issue 14): the offers are public, but which organisations are in the circle is not.
    'Query.districtOffers': { rules: only({ CLIENT: 'ownClient', SUPPORT_WORKER: 'grantRead' }), audit: 'READ' },
    'Subscription.circleChanged': { rules: only({ CLIENT: 'ownClient', SUPPORT_WORKER: 'grantRead' }), audit: 'READ' },
    'Mutation.addCircleEntry': { rules: CIRCLE_EDITORS, audit: 'CREATE' },
    'Mutation.updateCircleEntry': { rules: CIRCLE_EDITORS, audit: 'UPDATE' },
    'Mutation.moveCircleEntry': { rules: CIRCLE_EDITORS, audit: 'UPDATE' },
    'Mutation.removeCircleEntry': { rules: CIRCLE_EDITORS, audit: 'DELETE' },
    'Mutation.addCircleTie': { rules: CIRCLE_EDITORS, audit: 'CREATE' },
    'Mutation.removeCircleTie': { rules: CIRCLE_EDITORS, audit: 'DELETE' },
    'Mutation.freezeCircle': { rules: CIRCLE_EDITORS, audit: 'CREATE' },
    'Mutation.recordCirclePrint': { rules: only({ CLIENT: 'ownClient', SUPPORT_WORKER: 'grantRead' }), audit: 'PRINT' },
    'Mutation.grantAccess': { rules: only({ CLIENT: 'allow' }) },
    'Mutation.revokeAccess': { rules: only({ CLIENT: 'allow' }) },
    'Mutation.setAnalysisConsent': { rules: only({ CLIENT: 'allow' }) },
    'Mutation.exportMyData': { rules: only({ CLIENT: 'allow' }) },
    'Mutation.eraseMyData': { rules: only({ CLIENT: 'allow' }) },

    // Administration of people who appear in circles (erasure and rectification requests).
    'Query.circlePeople': { rules: only({ ADMIN: 'allow' }), audit: 'SEARCH' },
    'Mutation.eraseCirclePeople': { rules: only({ ADMIN: 'allow' }) },
    'Mutation.rectifyCirclePerson': { rules: only({ ADMIN: 'allow' }) },

    // Onderzoek (issue 10). Organisation-network figures and exports are public data: for researchers,
    // coordinators and admins. Figures from client circles and the pseudonymised ego networks are for
    // researchers only, and every export is recorded.
    'Query.researchNetworkSeries': { rules: RESEARCH_PUBLIC },
    'Query.researchNetworkExport': { rules: RESEARCH_PUBLIC, audit: 'EXPORT' },
    'Query.researchQuarters': { rules: only({ RESEARCHER: 'allow' }) },
    'Query.researchAggregates': { rules: only({ RESEARCHER: 'allow' }), audit: 'READ' },
    'Query.researchStudies': { rules: only({ RESEARCHER: 'allow', ADMIN: 'allow' }) },
    'Mutation.startEgoNetworkExport': { rules: only({ RESEARCHER: 'allow' }), audit: 'EXPORT' },
    'Mutation.createResearchStudy': { rules: only({ ADMIN: 'allow' }) },

    // Accounts.
    'Query.accounts': { rules: only({ ADMIN: 'allow' }) },
    'Mutation.setAccountActive': { rules: only({ ADMIN: 'allow' }) },
    // [accounts rows: issue 11]
    // An admin makes and changes accounts; activation is for whoever holds the one-time code.
    'Mutation.createAccount': { rules: only({ ADMIN: 'allow' }) },
    'Mutation.issueActivationCode': { rules: only({ ADMIN: 'allow' }) },
    'Mutation.updateAccount': { rules: only({ ADMIN: 'allow' }) },
    'Mutation.resetSecondFactor': { rules: only({ ADMIN: 'allow' }) },
    'Mutation.activateAccount': { rules: only({ ANONYMOUS: 'allow', ...SIGNED_IN }) },

    // Organisations, wijken, partnerships, offerings (issue 11).
    // [organisation admin rows: issue 11]
    // The whole city's sociale kaart, for an admin only (offerings and memberships: the wijkkaart's rows above).
    'Query.adminOrganisations': { rules: only({ ADMIN: 'allow' }) },
    'Query.adminOrganisation': { rules: only({ ADMIN: 'allow' }) },
    'Query.organisationMergePreview': { rules: only({ ADMIN: 'allow' }) },
    'Query.adminDistricts': { rules: only({ ADMIN: 'allow' }) },
    'Query.adminPartnerships': { rules: only({ ADMIN: 'allow' }) },
    'Mutation.createOrganisation': { rules: only({ ADMIN: 'allow' }) },
    'Mutation.updateOrganisation': { rules: only({ ADMIN: 'allow' }) },
    'Mutation.endOrganisation': { rules: only({ ADMIN: 'allow' }) },
    // A merge moves entries in clients' circles; each client affected gets a record (the row names no client itself).
    'Mutation.mergeOrganisations': { rules: only({ ADMIN: 'allow' }) },
    'Mutation.createDistrict': { rules: only({ ADMIN: 'allow' }) },
    'Mutation.updateDistrict': { rules: only({ ADMIN: 'allow' }) },
    'Mutation.endDistrict': { rules: only({ ADMIN: 'allow' }) },
    'Mutation.createPartnership': { rules: only({ ADMIN: 'allow' }) },
    'Mutation.updatePartnership': { rules: only({ ADMIN: 'allow' }) },
    'Mutation.endPartnership': { rules: only({ ADMIN: 'allow' }) },

    // Import of a sociale kaart (issue 11).
    // [import rows: issue 11]
    // The dry run and the apply, for the admin who uploaded the file (the upload itself: POST /import/sociale-kaart, ADMIN).
    'Query.socialMapImportPreview': { rules: only({ ADMIN: 'allow' }), audit: 'READ' },
    'Mutation.applySocialMapImport': { rules: only({ ADMIN: 'allow' }) },

    // Audit review (issue 11).
    // [audit review rows: issue 11]
    // Only an admin reads the log of everyone; every search, export, review and chain check is itself recorded.
    'Query.auditSearch': { rules: only({ ADMIN: 'allow' }), audit: 'READ' },
    'Query.auditExport': { rules: only({ ADMIN: 'allow' }), audit: 'EXPORT' },
    'Query.auditReview': { rules: only({ ADMIN: 'allow' }), audit: 'READ' },
    'Mutation.verifyAuditChain': { rules: only({ ADMIN: 'allow' }), audit: 'READ' },
  } satisfies Record<string, OperationPolicy>,

  types: {
    Viewer: {
      rules: only({
        ANONYMOUS: 'self',
        CLIENT: 'self',
        SUPPORT_WORKER: 'self',
        COORDINATOR: 'self',
        RESEARCHER: 'self',
        ADMIN: 'self',
      }),
      clientData: false,
    },
    District: { rules: only(SOCIAL_MAP), clientData: false },
    Organisation: { rules: only(SOCIAL_MAP), clientData: false },
    Partnership: { rules: only(SOCIAL_MAP), clientData: false },
    Offering: { rules: only(SOCIAL_MAP), clientData: false },
    Link: {
      rules: only({ CLIENT: 'allow', SUPPORT_WORKER: 'allow', COORDINATOR: 'publicOrOwnDistrict', ADMIN: 'allow' }),
      clientData: false,
      omitFromLists: true,
    },
    WijkMap: { rules: only(SOCIAL_MAP), clientData: false },
    DistrictComparison: { rules: only({ COORDINATOR: 'allow', ADMIN: 'allow' }), clientData: false },
    WijkSignal: {
      // MISSING_LINK is derived from client circles: only in the coordinator's own wijk, never for an admin.
      rules: only({ COORDINATOR: 'publicOrOwnDistrict', ADMIN: 'publicOrOwnDistrict' }),
      clientData: false,
      omitFromLists: true,
    },
    WijkAction: { rules: only({ COORDINATOR: 'ownDistrict', ADMIN: 'allow' }), clientData: false },
    KeyFigure: {
      rules: only({ CLIENT: 'allow', SUPPORT_WORKER: 'allow', COORDINATOR: 'ownDistrict', ADMIN: 'allow' }),
      clientData: false,
      omitFromLists: true,
    },
    SupportWorker: { rules: only({ CLIENT: 'allow', SUPPORT_WORKER: 'allow', ADMIN: 'allow' }), clientData: false },
    Client: { rules: only({ CLIENT: 'ownClient', SUPPORT_WORKER: 'grantRead' }), clientData: true },
    NetworkCircle: { rules: only({ CLIENT: 'ownClient', SUPPORT_WORKER: 'grantRead' }), clientData: true },
    CircleEntry: { rules: only({ CLIENT: 'ownClient', SUPPORT_WORKER: 'grantRead' }), clientData: true },
    CirclePerson: { rules: only({ CLIENT: 'ownClient', SUPPORT_WORKER: 'grantRead' }), clientData: true },
    CircleTie: { rules: only({ CLIENT: 'ownClient', SUPPORT_WORKER: 'grantRead' }), clientData: true },
    CircleEvent: { rules: only({ CLIENT: 'ownClient', SUPPORT_WORKER: 'grantRead' }), clientData: true },
    CircleComparison: { rules: only({ CLIENT: 'ownClient', SUPPORT_WORKER: 'grantRead' }), clientData: true },
    CircleOrganisationMatch: { rules: only({ CLIENT: 'ownClient', SUPPORT_WORKER: 'grantEdit' }), clientData: false },
    AccessGrant: { rules: only({ CLIENT: 'ownClient', SUPPORT_WORKER: 'grantee' }), clientData: true },
    AuditEvent: { rules: only({ CLIENT: 'ownClient' }), clientData: true },
    CirclePersonMatch: { rules: only({ ADMIN: 'allow' }), clientData: true },
    Account: { rules: only({ ADMIN: 'allow' }), clientData: false },
    ResearchNetworkSeries: { rules: RESEARCH_PUBLIC, clientData: false },
    ResearchFile: { rules: RESEARCH_PUBLIC, clientData: false },
    // Derived from client circles, suppressed below K: never for any other role, by any path.
    ResearchAggregates: { rules: only({ RESEARCHER: 'allow' }), clientData: false },
    ResearchDownload: { rules: only({ RESEARCHER: 'allow' }), clientData: false },
    ResearchStudy: { rules: only({ RESEARCHER: 'allow', ADMIN: 'allow' }), clientData: false },
  } satisfies Record<string, TypePolicy>,
} as const;

export type OperationKey = keyof typeof POLICY.operations;
export type TypeKey = keyof typeof POLICY.types;
