import { nl } from '../../messages/nl';

/** Placeholder until issue 11's AccountsPage lands. */
export function AccountsPage() {
  return <h1>{nl.admin.title}</h1>;
}
