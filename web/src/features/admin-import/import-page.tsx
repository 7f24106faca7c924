import { nl } from '../../messages/nl';

/** Placeholder until issue 11's ImportPage lands. */
export function ImportPage() {
  return <h1>{nl.admin.title}</h1>;
}
