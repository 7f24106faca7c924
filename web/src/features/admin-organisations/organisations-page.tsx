import { nl } from '../../messages/nl';

/** Placeholder until issue 11's OrganisationsPage lands. */
export function OrganisationsPage() {
  return <h1>{nl.admin.title}</h1>;
}
