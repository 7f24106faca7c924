import { useId, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { SuccessMessage } from '../../components/form';
import { CheckIcon, InfoIcon, ListIcon, PencilIcon, PlusIcon } from '../../components/icons';
import { LoadError, Loading } from '../../components/load-state';
import {
  CreateWijkActionDocument,
  UpdateWijkActionDocument,
  WijkActionsDocument,
  type WijkActionStatus,
} from '../../gql/graphql';
import { formatCalendarDate, formatDate, todayInAmsterdam } from '../../lib/format';
import { errorCodes } from '../../lib/load-error';
import { nl } from '../../messages/nl';
import { useViewer } from '../session/session-context';
import type { WijkHighlight } from '../wijk-signals/highlight';
import { ShowOnMapButton } from '../wijk-signals/show-on-map-button';
import { ActionDialog, type ActionDraft } from './action-dialog';
import { ACTION_STATUSES, actionProblem, actionProblemText, isOverdue, sortActions, type WijkActionItem } from './action-logic';
import { ACTIONS_CONTEXT } from './use-open-actions';
import '../wijk-signals/wijk-signals.css';
import './wijk-actions.css';

const texts = nl.wijkActions;

interface PanelProps {
  districtId: string;
  names: ReadonlyMap<string, string>;
  highlight: WijkHighlight | null;
  onHighlight: (h: WijkHighlight | null) => void;
  canAct: boolean;
}

type Dialog = { kind: 'create' } | { kind: 'edit'; action: WijkActionItem } | null;
type Message = { kind: 'saved' } | { kind: 'problem'; text: string } | null;

function ActionItem({
  action,
  names,
  today,
  highlighted,
  onHighlight,
  canAct,
  onEdit,
  onStatus,
}: {
  readonly action: WijkActionItem;
  readonly names: ReadonlyMap<string, string>;
  readonly today: string;
  readonly highlighted: boolean;
  readonly onHighlight: (h: WijkHighlight | null) => void;
  readonly canAct: boolean;
  readonly onEdit: () => void;
  readonly onStatus: (status: WijkActionStatus) => void;
}) {
  const statusId = useId();
  const overdue = isOverdue(action, today);
  const about = [...new Set(action.nodeIds.flatMap((id) => names.get(id) ?? []))];
  return (
    <li className={highlighted ? 'wijk-action highlighted' : 'wijk-action'} data-status={action.status}>
      <h4 className="wijk-action-title">{action.title}</h4>
      <p className="wijk-action-meta">
        <span>{texts.owner(action.owner)}</span>
        {action.due === null ? (
          <span>{texts.noDue}</span>
        ) : overdue ? (
          <span className="wijk-action-overdue">
            <InfoIcon /> {texts.overdue(formatCalendarDate(action.due))}
          </span>
        ) : (
          <span>{texts.due(formatCalendarDate(action.due))}</span>
        )}
        {!canAct ? <span>{`${texts.statusLabel}: ${texts.status[action.status]}`}</span> : null}
      </p>
      {action.closedReason === 'LINK_RECORDED' ? (
        <p className="wijk-action-auto">
          <CheckIcon /> {texts.autoClosed}
        </p>
      ) : action.closedAt ? (
        <p className="wijk-action-closed">{texts.closedOn(formatDate(action.closedAt))}</p>
      ) : null}
      {about.length > 0 ? (
        <p className="wijk-action-about">
          {texts.about}: {nl.wijkSignals.list(about)}
        </p>
      ) : null}
      <div className="button-row compact">
        {canAct ? (
          <div className="wijk-action-status">
            <label htmlFor={statusId}>{texts.statusLabel}</label>
            <select
              id={statusId}
              className="input"
              value={action.status}
              aria-label={texts.statusOf(action.title)}
              onChange={(e) => onStatus(e.target.value as WijkActionStatus)}
            >
              {ACTION_STATUSES.map((status) => (
                <option key={status} value={status}>
                  {texts.status[status]}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        {action.nodeIds.length > 0 ? (
          <ShowOnMapButton
            target={{ key: `action:${action.id}`, label: action.title, nodeIds: action.nodeIds }}
            highlighted={highlighted}
            onHighlight={onHighlight}
          />
        ) : null}
        {canAct ? (
          <button type="button" className="button secondary small" aria-label={texts.editLabel(action.title)} onClick={onEdit}>
            <PencilIcon /> {texts.edit}
          </button>
        ) : null}
      </div>
    </li>
  );
}

/** "Acties": what the coordinators of the wijk agreed to do, open ones first. */
export function WijkActionsPanel({ districtId, names, highlight, onHighlight, canAct }: PanelProps) {
  const headingId = useId();
  const viewer = useViewer();
  const [result, reexecute] = useQuery({ query: WijkActionsDocument, variables: { districtId }, context: ACTIONS_CONTEXT });
  const [, createAction] = useMutation(CreateWijkActionDocument);
  const [, updateAction] = useMutation(UpdateWijkActionDocument);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [message, setMessage] = useState<Message>(null);
  const actions = result.data?.wijkActions;
  const today = todayInAmsterdam();
  const { open, closed } = sortActions(actions ?? []);

  const reload = () => reexecute({ requestPolicy: 'network-only' });

  /** The words for a failed save; reloads the list on a conflict, so the newest version shows. */
  const problemText = (codes: readonly unknown[]): string => {
    const problem = actionProblem(codes);
    if (problem === 'CONFLICT') {
      reload();
      return texts.conflict;
    }
    return actionProblemText(problem);
  };

  const update = async (action: WijkActionItem, draft: ActionDraft): Promise<string | null> => {
    const answer = await updateAction({
      input: {
        id: action.id,
        expectedVersion: action.version,
        title: draft.title,
        owner: draft.owner,
        due: draft.due === '' ? null : draft.due,
        status: draft.status,
      },
    });
    if (answer.error) return problemText(errorCodes(answer.error));
    return null;
  };

  const changeStatus = (action: WijkActionItem, status: WijkActionStatus) => {
    setMessage(null);
    void update(action, { title: action.title, owner: action.owner, due: action.due ?? '', status }).then((problem) => {
      setMessage(problem === null ? { kind: 'saved' } : { kind: 'problem', text: problem });
    });
  };

  const save = async (draft: ActionDraft): Promise<string | null> => {
    if (!dialog) return null;
    if (dialog.kind === 'edit') {
      const problem = await update(dialog.action, draft);
      if (problem !== null) {
        if (problem === texts.conflict) {
          // The list now shows the newest version; the calm message says so outside the dialog.
          setDialog(null);
          setMessage({ kind: 'problem', text: problem });
          return null;
        }
        return problem;
      }
    } else {
      const answer = await createAction({
        input: {
          districtId,
          title: draft.title,
          owner: draft.owner,
          due: draft.due === '' ? null : draft.due,
          nodeIds: [],
          signalCode: null,
          signalKey: null,
        },
      });
      if (answer.error) return problemText(errorCodes(answer.error));
    }
    setDialog(null);
    setMessage({ kind: 'saved' });
    return null;
  };

  const item = (action: WijkActionItem) => (
    <ActionItem
      key={action.id}
      action={action}
      names={names}
      today={today}
      highlighted={highlight?.key === `action:${action.id}`}
      onHighlight={onHighlight}
      canAct={canAct}
      onEdit={() => {
        setMessage(null);
        setDialog({ kind: 'edit', action });
      }}
      onStatus={(status) => changeStatus(action, status)}
    />
  );

  return (
    <section className="panel wijk-actions-panel" aria-labelledby={headingId}>
      <h2 id={headingId}>
        <ListIcon /> {texts.title}
      </h2>
      <p>{texts.intro}</p>
      {canAct ? (
        <p>
          <button
            type="button"
            className="button secondary"
            onClick={() => {
              setMessage(null);
              setDialog({ kind: 'create' });
            }}
          >
            <PlusIcon /> {texts.newAction}
          </button>
        </p>
      ) : null}
      {message?.kind === 'saved' ? <SuccessMessage>{texts.saved}</SuccessMessage> : null}
      {message?.kind === 'problem' ? (
        <p className="wijk-action-problem" role="alert">
          <InfoIcon /> {message.text}
        </p>
      ) : null}
      {result.fetching && !actions ? <Loading /> : null}
      {result.error && !actions ? <LoadError error={result.error} onRetry={reload} /> : null}
      {actions ? (
        <>
          <h3>{texts.openTitle}</h3>
          {open.length === 0 ? (
            <p>{actions.length === 0 ? texts.none : texts.noneOpen}</p>
          ) : (
            <ul className="wijk-action-list" aria-label={texts.openTitle}>
              {open.map(item)}
            </ul>
          )}
          {closed.length > 0 ? (
            <details className="wijk-actions-closed">
              <summary>{texts.closedTitle(closed.length)}</summary>
              <ul className="wijk-action-list">{closed.map(item)}</ul>
            </details>
          ) : null}
        </>
      ) : null}
      <ActionDialog
        open={dialog !== null}
        mode={dialog?.kind ?? 'create'}
        initial={
          dialog?.kind === 'edit'
            ? {
                title: dialog.action.title,
                owner: dialog.action.owner,
                due: dialog.action.due ?? '',
                status: dialog.action.status,
              }
            : { title: '', owner: viewer?.displayName ?? '', due: '', status: 'OPEN' }
        }
        onSave={save}
        onClose={() => setDialog(null)}
      />
    </section>
  );
}
