import { nl } from '../../messages/nl';

/** Placeholder until issue 11's ActivationPage lands. */
export function ActivationPage() {
  return <h1>{nl.admin.title}</h1>;
}
