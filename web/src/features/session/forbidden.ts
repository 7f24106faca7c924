import type { Role } from '../../gql/graphql';
import { nl } from '../../messages/nl';
import type { ForbiddenArea } from './forbidden-area';

/**
 * Why this page is not for them and who to ask, in words that fit who they are and what they
 * tried (issue 14): a kwartiermaker refused a wijk page is not told to ask "de cliënt zelf".
 * Nobody known (a refusal before the session is read) gets the general sentence.
 */
export function forbiddenText(role: Role | null, area: ForbiddenArea): string {
  if (role === null) return nl.state.forbiddenText;
  const texts: Partial<Record<ForbiddenArea, string>> & { readonly other: string } = nl.state.forbiddenFor[role];
  return texts[area] ?? texts.other;
}
