import { nl } from '../../messages/nl';

/** Placeholder until issue 11's AuditPage lands. */
export function AuditPage() {
  return <h1>{nl.admin.title}</h1>;
}
