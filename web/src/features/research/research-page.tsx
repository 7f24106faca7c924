import { ChartIcon } from '../../components/icons';
import { nl } from '../../messages/nl';
import { RoleGate } from '../session/guards';

/** The researcher's start page. The research views are a later issue; until then, a calm word. */
export function ResearchPage() {
  return (
    <RoleGate roles={['RESEARCHER']}>
      <div className="page">
        <title>{nl.app.pageTitle(nl.research.title)}</title>
        <h1>
          <ChartIcon /> {nl.research.title}
        </h1>
        <p className="lead">{nl.research.intro}</p>
        <p>{nl.research.text}</p>
      </div>
    </RoleGate>
  );
}
