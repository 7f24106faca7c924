import { useId, useState, type ReactNode } from 'react';
import { useMutation, useQuery } from 'urql';
import {
  DistrictIcon,
  IdeaIcon,
  InfoIcon,
  OverlapIcon,
  PeopleIcon,
  PinIcon,
  PlusIcon,
  StopIcon,
  UserIcon,
} from '../../components/icons';
import { LoadError, Loading } from '../../components/load-state';
import { SuccessMessage } from '../../components/form';
import { CreateWijkActionDocument, WijkSignalsDocument, type WijkSignalCode, type WijkSignalsQuery } from '../../gql/graphql';
import { errorCodes } from '../../lib/load-error';
import { nl } from '../../messages/nl';
import { useViewer } from '../session/session-context';
import { ActionDialog, type ActionDraft } from '../wijk-actions/action-dialog';
import { actionProblem, actionProblemText } from '../wijk-actions/action-logic';
import { SIGNALS_CONTEXT, type WijkHighlight } from './highlight';
import { ShowOnMapButton } from './show-on-map-button';
import { WijkMeasuresSummary } from './wijk-measures';
import { wijkSignalText, type WijkSignal, type WijkSignalText } from './wijk-signal-text';
import './wijk-signals.css';

const texts = nl.wijkSignals;

export const SIGNAL_CODES: readonly WijkSignalCode[] = [
  'MISSING_LINK',
  'TIER_ISLAND',
  'ISLAND',
  'FRAGILE_BROKER',
  'KEY_FIGURE_UNCONNECTED',
  'OVERLAP',
];

const CODE_ICONS: Record<WijkSignalCode, ReactNode> = {
  MISSING_LINK: <PeopleIcon />,
  TIER_ISLAND: <DistrictIcon />,
  ISLAND: <PinIcon />,
  FRAGILE_BROKER: <StopIcon />,
  KEY_FIGURE_UNCONNECTED: <UserIcon />,
  OVERLAP: <OverlapIcon />,
};

/** The API accepts at most 50 node ids on an action. */
const ACTION_NODE_MAX = 50;

interface PanelProps {
  districtId: string;
  districtName: string;
  names: ReadonlyMap<string, string>;
  highlight: WijkHighlight | null;
  onHighlight: (h: WijkHighlight | null) => void;
  canAct: boolean;
}

type Signals = NonNullable<WijkSignalsQuery['wijkSignals']>;

function SignalItem({
  signal,
  text,
  highlighted,
  onHighlight,
  canAct,
  onAct,
}: {
  readonly signal: WijkSignal;
  readonly text: WijkSignalText;
  readonly highlighted: boolean;
  readonly onHighlight: (h: WijkHighlight | null) => void;
  readonly canAct: boolean;
  readonly onAct: () => void;
}) {
  return (
    <li className={highlighted ? 'wijk-signal highlighted' : 'wijk-signal'} data-signal-code={signal.code}>
      <h4 className="wijk-signal-title">{text.title}</h4>
      {highlighted ? (
        <p className="wijk-signal-marked">
          <PinIcon /> {texts.highlighted}
        </p>
      ) : null}
      <p>
        <strong>{texts.why}:</strong> {text.why}
      </p>
      <p>
        <strong>{texts.next}:</strong> {text.next}
      </p>
      <div className="button-row compact">
        <ShowOnMapButton
          target={{ key: signal.key, label: text.short, nodeIds: signal.nodeIds }}
          highlighted={highlighted}
          onHighlight={onHighlight}
        />
        {canAct ? (
          <button type="button" className="button small" aria-label={texts.makeActionLabel(text.short)} onClick={onAct}>
            <PlusIcon /> {texts.makeAction}
          </button>
        ) : null}
      </div>
    </li>
  );
}

function SignalGroup({
  code,
  children,
  count,
}: {
  readonly code: WijkSignalCode;
  readonly children: ReactNode;
  readonly count: number;
}) {
  return (
    <details className="wijk-signal-group" open={code === 'MISSING_LINK' || undefined}>
      <summary>
        <h3 className="wijk-signal-group-title">
          {CODE_ICONS[code]}
          <span>
            {texts.group[code]} <span className="badge subtle">{texts.groupCount(count)}</span>
          </span>
        </h3>
      </summary>
      {children}
    </details>
  );
}

interface Acting {
  readonly signal: WijkSignal;
  readonly text: WijkSignalText;
}

/** "Aandachtspunten in de wijk": what the wijkkaart notices, grouped by kind, each with a next step. */
export function WijkSignalsPanel({ districtId, districtName, names, highlight, onHighlight, canAct }: PanelProps) {
  const headingId = useId();
  const viewer = useViewer();
  const [result, reexecute] = useQuery({ query: WijkSignalsDocument, variables: { districtId }, context: SIGNALS_CONTEXT });
  const [, createAction] = useMutation(CreateWijkActionDocument);
  const [acting, setActing] = useState<Acting | null>(null);
  const [saved, setSaved] = useState(false);
  const data: Signals | null | undefined = result.data?.wijkSignals;

  const save = async (draft: ActionDraft): Promise<string | null> => {
    if (!acting) return null;
    const answer = await createAction({
      input: {
        districtId,
        title: draft.title,
        owner: draft.owner,
        due: draft.due === '' ? null : draft.due,
        signalCode: acting.signal.code,
        signalKey: acting.signal.key,
        nodeIds: acting.signal.nodeIds.slice(0, ACTION_NODE_MAX),
      },
    });
    if (answer.error) return actionProblemText(actionProblem(errorCodes(answer.error)));
    setActing(null);
    setSaved(true);
    return null;
  };

  return (
    <section className="panel wijk-signals-panel" aria-labelledby={headingId}>
      <h2 id={headingId}>
        <IdeaIcon /> {texts.title}
      </h2>
      {result.fetching && !data ? <Loading /> : null}
      {result.error && !data ? (
        <LoadError error={result.error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      ) : null}
      {data ? (
        <SignalsBody
          data={data}
          districtName={districtName}
          names={names}
          highlight={highlight}
          onHighlight={onHighlight}
          canAct={canAct}
          onAct={(acting) => {
            setSaved(false);
            setActing(acting);
          }}
        />
      ) : null}
      {saved ? <SuccessMessage>{nl.wijkActions.saved}</SuccessMessage> : null}
      <ActionDialog
        open={acting !== null}
        mode="create"
        initial={{ title: acting?.text.action ?? '', owner: viewer?.displayName ?? '', due: '', status: 'OPEN' }}
        signalLabel={acting?.text.short}
        onSave={save}
        onClose={() => setActing(null)}
      />
    </section>
  );
}

function SignalsBody({
  data,
  districtName,
  names,
  highlight,
  onHighlight,
  canAct,
  onAct,
}: {
  readonly data: Signals;
  readonly districtName: string;
  readonly names: ReadonlyMap<string, string>;
  readonly highlight: WijkHighlight | null;
  readonly onHighlight: (h: WijkHighlight | null) => void;
  readonly canAct: boolean;
  readonly onAct: (acting: Acting) => void;
}) {
  const context = { names, minimumClients: data.minimumClients };
  const groups = SIGNAL_CODES.map((code) => ({ code, signals: data.signals.filter((s) => s.code === code) })).filter(
    (g) => g.signals.length > 0,
  );
  return (
    <>
      <p>{texts.intro}</p>
      <p className="wijk-signals-rule">
        <InfoIcon /> {data.circleFigures ? texts.missingLinkRule(data.minimumClients) : texts.missingLinksOwnWijkOnly}
      </p>
      {groups.length === 0 ? <p>{texts.none}</p> : null}
      {groups.map(({ code, signals }) => (
        <SignalGroup key={code} code={code} count={signals.length}>
          <ul className="wijk-signal-list" aria-label={`${texts.group[code]} in ${districtName}`}>
            {signals.map((signal) => {
              const text = wijkSignalText(signal, context);
              return (
                <SignalItem
                  key={signal.key}
                  signal={signal}
                  text={text}
                  highlighted={highlight?.key === signal.key}
                  onHighlight={onHighlight}
                  canAct={canAct}
                  onAct={() => onAct({ signal, text })}
                />
              );
            })}
          </ul>
        </SignalGroup>
      ))}
      <WijkMeasuresSummary measures={data.measures} />
    </>
  );
}
