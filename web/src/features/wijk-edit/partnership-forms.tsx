import { useId, useState, type SyntheticEvent } from 'react';
import { DateField, DialogButtons } from '../../components/form';
import { PlusIcon } from '../../components/icons';
import { WijkEditJoinPartnershipDocument, WijkEditLeavePartnershipDocument } from '../../gql/graphql';
import { nl } from '../../messages/nl';
import { EndOnDateForm } from './end-on-date-form';
import { ChoiceField, NO_PROBLEMS, ProblemSummary, problemsFor, useWijkMutation, type Problems } from './fields';
import { isIsoDate, todayIso } from './wijk-edit-model';

const t = nl.wijkEdit;

interface JoinFormProps {
  readonly partnership: { readonly id: string; readonly name: string };
  readonly candidates: readonly { readonly id: string; readonly name: string }[];
  readonly onCancel: () => void;
  readonly onDone: (message: string) => void;
}

/** An organisation of the wijk that is not yet a member joins, from a date. */
export function JoinPartnershipForm({ partnership, candidates, onCancel, onDone }: JoinFormProps) {
  const id = useId();
  const [organisationId, setOrganisationId] = useState('');
  const [since, setSince] = useState(todayIso);
  const [problems, setProblems] = useState<Problems>(NO_PROBLEMS);
  const [busy, join] = useWijkMutation(WijkEditJoinPartnershipDocument);
  const ids = { organisation: `${id}-organisation`, since: `${id}-since` };

  const submit = async (event: SyntheticEvent) => {
    event.preventDefault();
    const atField: Problems['atField'] = {};
    if (organisationId === '') atField.organisation = t.missingOrganisation;
    if (!isIsoDate(since)) atField.since = t.missingDate;
    setProblems({ atField, general: null });
    if (Object.keys(atField).length > 0) return;
    const outcome = await join({ input: { partnershipId: partnership.id, organisationId, since } });
    if (outcome.ok) onDone(t.memberAdded(candidates.find((c) => c.id === organisationId)?.name ?? '', partnership.name));
    else setProblems(problemsFor(outcome.problem, ['organisation', 'since']));
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <ProblemSummary problems={problems} ids={ids} />
      <ChoiceField
        id={ids.organisation}
        label={t.memberOrganisation}
        hint={t.memberOrganisationHint}
        problem={problems.atField.organisation}
        value={organisationId}
        choices={candidates}
        autoFocus
        onChange={(e) => setOrganisationId(e.target.value)}
      />
      <DateField id={ids.since} label={t.memberSince} problem={problems.atField.since} value={since} onChange={setSince} />
      <DialogButtons busy={busy} submit={t.addMember} icon={<PlusIcon />} onCancel={onCancel} />
    </form>
  );
}

interface LeaveFormProps {
  readonly partnership: { readonly id: string; readonly name: string };
  readonly member: { readonly id: string; readonly name: string };
  readonly onCancel: () => void;
  readonly onDone: (message: string) => void;
}

/** A member stops, per a date (the membership stays on record). */
export function LeavePartnershipForm({ partnership, member, onCancel, onDone }: LeaveFormProps) {
  const [busy, leave] = useWijkMutation(WijkEditLeavePartnershipDocument);
  return (
    <EndOnDateForm
      subject={t.memberStopsText(member.name, partnership.name)}
      label={t.memberUntil}
      hint={t.memberUntilHint}
      submit={t.memberStops}
      busy={busy}
      end={(until) => leave({ input: { partnershipId: partnership.id, organisationId: member.id, until } })}
      onCancel={onCancel}
      onDone={() => onDone(t.memberRemoved(member.name, partnership.name))}
    />
  );
}
