import { useState } from 'react';
import { useQuery } from 'urql';
import { ChartIcon } from '../../components/icons';
import { LoadError, Loading } from '../../components/load-state';
import { ResearchQuartersDocument, ResearchWijkenDocument } from '../../gql/graphql';
import { nl } from '../../messages/nl';
import { RoleGate } from '../session/guards';
import { useSignedInViewer } from '../session/session-context';
import { CircleFiguresSection } from './circle-figures';
import { NetworkSection } from './network-section';
import { ResearchDownloads } from './research-downloads';
import { firstWijkWithData } from './research-model';
import './research.css';

const texts = nl.research;

/**
 * "Onderzoek". The organisation network (public data) is open to coordinators and admins too; the
 * figures from client circles and the ego-network export only to researchers, as the API decides:
 * the page leaves out what the API would refuse.
 */
function ResearchContent() {
  const viewer = useSignedInViewer();
  const researcher = viewer.role === 'RESEARCHER';
  const [wijkenResult, reexecuteWijken] = useQuery({ query: ResearchWijkenDocument });
  const [researchResult, reexecuteResearch] = useQuery({ query: ResearchQuartersDocument, pause: !researcher });
  const [chosenWijk, setChosenWijk] = useState<string | null>(null);
  const wijken = wijkenResult.data?.researchNetworkSeries ?? null;
  const wijk = wijken ? (wijken.find((w) => w.districtId === chosenWijk) ?? firstWijkWithData(wijken)) : null;
  const research = researchResult.data ?? null;

  return (
    <div className="page wide research-page">
      <title>{nl.app.pageTitle(texts.title)}</title>
      <h1>
        <ChartIcon /> {texts.title}
      </h1>
      <p className="lead">{texts.intro}</p>
      {wijkenResult.error && !wijken ? (
        <LoadError error={wijkenResult.error} onRetry={() => reexecuteWijken({ requestPolicy: 'network-only' })} />
      ) : !wijken ? (
        <Loading />
      ) : !wijk ? (
        <p>{texts.noWijken}</p>
      ) : (
        <NetworkSection wijken={wijken} wijkId={wijk.districtId} onWijk={setChosenWijk} />
      )}
      {researcher ? (
        research ? (
          <CircleFiguresSection quarters={research.researchQuarters} />
        ) : researchResult.error ? (
          <LoadError error={researchResult.error} onRetry={() => reexecuteResearch({ requestPolicy: 'network-only' })} />
        ) : (
          <Loading />
        )
      ) : null}
      {wijk && (!researcher || research) ? (
        <ResearchDownloads wijk={wijk} studies={researcher ? (research?.researchStudies ?? []) : null} />
      ) : null}
    </div>
  );
}

export function ResearchPage() {
  return (
    <RoleGate roles={['RESEARCHER', 'COORDINATOR', 'ADMIN']}>
      <ResearchContent />
    </RoleGate>
  );
}
