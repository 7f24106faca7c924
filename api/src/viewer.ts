import type { AccountProfile, SessionRecord } from '@wijkkring/graph';
import type { PolicyRole } from './access/policy.js';

/**
 * Who is asking. Every resolver receives one in its context; the access policy reads this, never
 * the request. A viewer is anonymous until the whole login (password and, where required, the
 * second factor) is done.
 */
export type Viewer =
  | { kind: 'anonymous'; role: 'ANONYMOUS' }
  | { kind: 'account'; role: PolicyRole; account: AccountProfile; session: SessionRecord };

export const ANONYMOUS: Viewer = { kind: 'anonymous', role: 'ANONYMOUS' };

export type SignedIn = Extract<Viewer, { kind: 'account' }>;

export function signedIn(viewer: Viewer): SignedIn | undefined {
  return viewer.kind === 'account' ? viewer : undefined;
}
