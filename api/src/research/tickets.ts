import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * A download ticket for the ego-network export. The GraphQL mutation that issues it is where the
 * access policy and the audit log see the export; the download itself is a plain GET (a browser
 * can save a streamed file that way), so the ticket carries what the mutation decided: who, which
 * session, which salt source, until when. Signed with a key derived from SECRET_KEY; useless to
 * anyone without the session cookie it names.
 */
export interface Ticket {
  accountId: string;
  /** A hash of the session token: the download must come with the same session. */
  session: string;
  /** A study whose kept salt is used, or null for a fresh salt (in `salt`). */
  studyId: string | null;
  salt: string;
  expiresAt: number;
}

export const TICKET_LIFETIME_MS = 2 * 60_000;

const keyOf = (secretKey: string): Buffer => createHmac('sha256', secretKey).update('wijkkring export ticket').digest();
const sign = (secretKey: string, body: string): string => createHmac('sha256', keyOf(secretKey)).update(body).digest('base64url');
export const sessionHash = (token: string): string => createHmac('sha256', 'wijkkring session').update(token).digest('base64url');

export function issueTicket(
  secretKey: string,
  fields: Omit<Ticket, 'salt' | 'expiresAt'>,
  now: number,
): { token: string; ticket: Ticket } {
  const ticket: Ticket = { ...fields, salt: randomBytes(16).toString('hex'), expiresAt: now + TICKET_LIFETIME_MS };
  const body = Buffer.from(JSON.stringify(ticket)).toString('base64url');
  return { token: `${body}.${sign(secretKey, body)}`, ticket };
}

/** The ticket, or undefined when it is forged, damaged or expired. */
export function readTicket(secretKey: string, token: string, now: number): Ticket | undefined {
  const [body, signature, ...rest] = token.split('.');
  if (!body || !signature || rest.length > 0) return undefined;
  const expected = Buffer.from(sign(secretKey, body));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
  try {
    const ticket = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Ticket;
    return ticket.expiresAt > now ? ticket : undefined;
  } catch {
    return undefined;
  }
}
