import type { AuditAction, AuditResult } from '../../gql/graphql';

/** One line of "Wie heeft er gekeken", as far as the sentence needs it. */
export interface AuditEventLike {
  readonly action: AuditAction;
  readonly result: AuditResult;
  readonly subject: string;
  readonly actorName: string;
  readonly actorIsYou: boolean;
  readonly actorOrganisation: string | null;
}

/** What was done, in three forms: "je kring" + "bekeken" / "te bekijken". */
interface Deed {
  readonly object: string;
  readonly done: string;
  readonly tried: string;
}

const SUBJECT: Readonly<Record<string, string>> = {
  NetworkCircle: 'je kring',
  CircleEntry: 'je kring',
  Client: 'je gegevens',
  Account: 'je account',
  AccessGrant: 'wie mag meekijken',
};

function deed(action: AuditAction, subject: string): Deed {
  const object = SUBJECT[subject] ?? 'je gegevens';
  if (subject === 'AccessGrant') {
    // Letting someone look and stopping that are the two things that happen to a grant.
    if (action === 'CREATE') return { object: 'iemand', done: 'laten meekijken', tried: 'te laten meekijken' };
    if (action === 'UPDATE' || action === 'DELETE') return { object: 'het meekijken', done: 'gestopt', tried: 'te stoppen' };
  }
  switch (action) {
    case 'READ':
      return { object, done: 'bekeken', tried: 'te bekijken' };
    case 'SEARCH':
      // A search that found this client: a begeleider's list of clients, for example.
      return { object: 'je naam', done: 'in een lijst gezien', tried: 'in een lijst te zien' };
    case 'CREATE':
      return subject === 'NetworkCircle'
        ? { object: 'een nieuwe kring', done: 'gemaakt', tried: 'te maken' }
        : { object, done: 'aangevuld', tried: 'aan te vullen' };
    case 'UPDATE':
      return { object, done: 'veranderd', tried: 'te veranderen' };
    case 'DELETE':
      return { object: subject === 'Client' ? 'je gegevens' : `iets uit ${object}`, done: 'verwijderd', tried: 'te verwijderen' };
    case 'PRINT':
      return { object, done: 'afgedrukt', tried: 'af te drukken' };
    case 'EXPORT':
      // A client reads "als bestand bewaard", never "gedownload" (docs/WORDS.md).
      return { object, done: 'als bestand bewaard', tried: 'als bestand te bewaren' };
    case 'LOGIN':
      return { object: '', done: 'ingelogd', tried: 'in te loggen' };
    case 'LOGOUT':
      return { object: '', done: 'uitgelogd', tried: 'uit te loggen' };
    default:
      return { object, done: 'gebruikt', tried: 'te gebruiken' };
  }
}

/** "Eline K. (Lister)", or "Jij" when it was the client themselves. It starts a sentence: "Onbekend", not "onbekend". */
export function auditActor(event: Pick<AuditEventLike, 'actorName' | 'actorIsYou' | 'actorOrganisation'>): string {
  if (event.actorIsYou) return 'Jij';
  const name = event.actorName.charAt(0).toUpperCase() + event.actorName.slice(1);
  return event.actorOrganisation ? `${name} (${event.actorOrganisation})` : name;
}

/**
 * One audit record as a plain Dutch sentence (B1): "Eline K. (Lister) heeft je kring bekeken",
 * "Jij hebt iemand laten meekijken", "Kim (Lister) probeerde je kring te bekijken, maar dat mocht niet."
 */
export function describeAuditEvent(event: AuditEventLike): string {
  const actor = auditActor(event);
  const { object, done, tried } = deed(event.action, event.subject);
  const what = object ? `${object} ` : '';
  if (event.result === 'SUCCESS') {
    // Logging in and out take "zijn" in Dutch; everything else "hebben".
    const be = event.action === 'LOGIN' || event.action === 'LOGOUT';
    const verb = be ? (event.actorIsYou ? 'bent' : 'is') : event.actorIsYou ? 'hebt' : 'heeft';
    return `${actor} ${verb} ${what}${done}`;
  }
  const ending = event.result === 'DENIED' ? 'maar dat mocht niet' : 'maar dat lukte niet';
  return `${actor} probeerde ${what}${tried}, ${ending}`;
}
