/**
 * Which messages of nl.ts a client can read (issue 14), as paths into `nl`: a whole section
 * ("editor") or one message ("nav.myCircle"). words.test.ts checks every one of them against the
 * words a client never reads (words.ts, docs/WORDS.md) and reports how hard they are to read.
 * A new section a client sees belongs here; the test fails on a path that nl.ts does not have.
 */
export const CLIENT_FACING: readonly string[] = [
  'app',
  'nav.myCircle',
  'nav.access',
  'nav.myData',
  // The header names the client's own role; "Wie heeft er gekeken" names who looked.
  'role.CLIENT',
  'role.SUPPORT_WORKER',
  'role.ADMIN',
  'session',
  'state',
  'form',
  'login',
  'activation',
  'start',
  'notFoundPage',
  'myCircle',
  'graph',
  'circle',
  'editor',
  'support',
  'wish',
  'signals',
  'history',
  'print',
  'access',
  'myData',
  // "Aanbod in je wijk", with the names of languages it is offered in.
  'offers',
  'language',
];

/**
 * Messages inside those sections that only professionals see: the second-factor setup (clients
 * have none), a begeleider's way back to the list of clients, the "not allowed" sentences of the
 * other roles. They may use professional words (docs/WORDS.md).
 */
export const PROFESSIONAL_ONLY: readonly string[] = [
  'login.setupTitle',
  'login.setupIntro',
  'circle.backToList',
  'history.noClient',
  'editor.forbidden',
  'state.forbiddenFor.SUPPORT_WORKER',
  'state.forbiddenFor.COORDINATOR',
  'state.forbiddenFor.RESEARCHER',
  'state.forbiddenFor.ADMIN',
];

/** File names, not sentences: the words test skips them (a file name has to end in ".png"). */
export const FILE_NAMES: readonly string[] = ['print.fileName'];
