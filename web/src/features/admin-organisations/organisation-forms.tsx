import { useId, useState, type SyntheticEvent } from 'react';
import { useQuery } from 'urql';
import { DialogButtons, ErrorSummary, SelectField, TextAreaField, TextField } from '../../components/form';
import { CheckIcon, InfoIcon } from '../../components/icons';
import { Loading } from '../../components/load-state';
import {
  AdminCreateOrganisationDocument,
  AdminMergeOrganisationsDocument,
  AdminOrganisationMergePreviewDocument,
  AdminUpdateOrganisationDocument,
  type AdminOrganisationRowFragment,
  type Sector,
} from '../../gql/graphql';
import { nl } from '../../messages/nl';
import { problemAt, summaryOf, useAdminMutation } from './admin-forms';
import { adminProblem, mergeSentences, SECTOR_TIER, type AdminProblem } from './model';
import { OrganisationPicker } from './organisation-picker';

const t = nl.adminOrganisations;
const SECTORS = Object.keys(SECTOR_TIER) as Sector[];
const NAME_MAX = 120;
const NOTE_MAX = 500;

export interface DistrictChoice {
  readonly id: string;
  readonly name: string;
  readonly until: string | null;
}

interface OrganisationFormProps {
  /** The organisation to change; none: a new one. */
  readonly organisation: AdminOrganisationRowFragment | null;
  readonly districts: readonly DistrictChoice[];
  readonly onCancel: () => void;
  readonly onDone: (organisation: AdminOrganisationRowFragment) => void;
}

/** Name, kind (sector, and so the spoor), wijken and a short description of an organisation. */
export function OrganisationForm({ organisation, districts, onCancel, onDone }: OrganisationFormProps) {
  const id = useId();
  const ids = { name: `${id}-name`, sector: `${id}-sector`, districtIds: `${id}-districts`, note: `${id}-note` };
  const [name, setName] = useState(organisation?.name ?? '');
  const [sector, setSector] = useState<Sector | ''>(organisation?.sector ?? '');
  const [chosen, setChosen] = useState<readonly string[]>(organisation?.districtIds ?? []);
  const [note, setNote] = useState(organisation?.note ?? '');
  const [problems, setProblems] = useState<AdminProblem[]>([]);
  const [creating, create] = useAdminMutation(AdminCreateOrganisationDocument, 'organisation');
  const [updating, update] = useAdminMutation(AdminUpdateOrganisationDocument, 'organisation');
  // Ended wijken are offered only where the organisation is active in one already.
  const choices = districts.filter((d) => d.until === null || chosen.includes(d.id));

  const send = async (event: SyntheticEvent) => {
    event.preventDefault();
    const missing: AdminProblem[] = [
      ...(name.trim() === '' ? [{ field: 'name', message: t.problem.nameMissing }] : []),
      ...(sector === '' ? [{ field: 'sector', message: t.problem.sectorMissing }] : []),
    ];
    if (missing.length > 0 || sector === '') {
      setProblems(missing);
      return;
    }
    const fields = { name: name.trim(), sector, districtIds: [...chosen], note: note.trim() || null };
    const outcome = organisation
      ? await update({ input: { id: organisation.id, ...fields } }).then((o) =>
          o.ok ? { ok: true as const, data: o.data.updateOrganisation.organisation } : o,
        )
      : await create({ input: { ...fields, slug: null } }).then((o) =>
          o.ok ? { ok: true as const, data: o.data.createOrganisation.organisation } : o,
        );
    if (outcome.ok) onDone(outcome.data);
    else setProblems([outcome.problem]);
  };

  return (
    <form noValidate onSubmit={(e) => void send(e)}>
      <ErrorSummary problems={summaryOf(problems, ids)} />
      <TextField
        id={ids.name}
        label={t.name}
        hint={t.nameHint}
        problem={problemAt(problems, 'name')}
        value={name}
        onChange={(e) => setName(e.target.value)}
        maxLength={NAME_MAX}
        autoComplete="off"
        autoFocus
      />
      <SelectField
        id={ids.sector}
        label={t.sector}
        hint={t.sectorHint}
        problem={problemAt(problems, 'sector')}
        value={sector}
        onChange={(e) => setSector(SECTORS.find((s) => s === e.target.value) ?? '')}
      >
        <option value="">{t.choose}</option>
        {SECTORS.map((s) => (
          <option key={s} value={s}>
            {t.sectorOption(nl.sector[s], SECTOR_TIER[s] ?? null)}
          </option>
        ))}
      </SelectField>
      <fieldset className="choices admin-org-districts" id={ids.districtIds} tabIndex={-1}>
        <legend>{t.districts}</legend>
        <p className="field-hint">{t.districtsHint}</p>
        {problemAt(problems, 'districtIds') ? <p className="field-problem">{problemAt(problems, 'districtIds')}</p> : null}
        <div className="admin-org-district-grid">
          {choices.map((d) => (
            <div className="checkbox" key={d.id}>
              <input
                type="checkbox"
                id={`${id}-district-${d.id}`}
                checked={chosen.includes(d.id)}
                onChange={(e) => setChosen(e.target.checked ? [...chosen, d.id] : chosen.filter((c) => c !== d.id))}
              />
              <label htmlFor={`${id}-district-${d.id}`}>{d.name}</label>
            </div>
          ))}
        </div>
      </fieldset>
      <TextAreaField
        id={ids.note}
        label={t.note}
        hint={t.noteHint}
        problem={problemAt(problems, 'note')}
        value={note}
        onChange={(e) => setNote(e.target.value)}
        maxLength={NOTE_MAX}
      />
      <DialogButtons
        busy={creating || updating}
        submit={organisation ? t.save : t.add}
        icon={<CheckIcon />}
        onCancel={onCancel}
      />
    </form>
  );
}

interface MergeFlowProps {
  readonly duplicate: AdminOrganisationRowFragment;
  readonly onCancel: () => void;
  readonly onDone: (keepName: string) => void;
}

/**
 * Two records of one organisation become one. First: which one stays. Then: a confirmation that
 * says what moves ("12 koppelingen, 3 aanbod en 2 medewerkers gaan over naar …"), before anything happens.
 */
export function MergeFlow({ duplicate, onCancel, onDone }: MergeFlowProps) {
  const id = useId();
  const [keep, setKeep] = useState<{ id: string; name: string } | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [problems, setProblems] = useState<AdminProblem[]>([]);
  const [preview] = useQuery({
    query: AdminOrganisationMergePreviewDocument,
    variables: { duplicateId: duplicate.id, keepId: keep?.id ?? '' },
    pause: !confirming || keep === null,
    requestPolicy: 'network-only',
  });
  const [merging, merge] = useAdminMutation(AdminMergeOrganisationsDocument, 'merge');

  const next = (event: SyntheticEvent) => {
    event.preventDefault();
    if (!keep) {
      setProblems([{ field: 'keepId', message: t.mergeMissing }]);
      return;
    }
    setProblems([]);
    setConfirming(true);
  };

  const confirm = async (event: SyntheticEvent) => {
    event.preventDefault();
    if (!keep) return;
    const outcome = await merge({ input: { duplicateId: duplicate.id, keepId: keep.id } });
    if (outcome.ok) onDone(keep.name);
    else setProblems([outcome.problem]);
  };

  if (!confirming || !keep) {
    return (
      <form noValidate onSubmit={next}>
        <p>{t.mergeIntro(duplicate.name)}</p>
        <p className="admin-org-duplicate">
          <InfoIcon /> {t.mergeDuplicate(duplicate.name)}
        </p>
        <ErrorSummary problems={summaryOf(problems, { keepId: `${id}-keep` })} />
        <OrganisationPicker
          id={`${id}-keep`}
          legend={t.mergeChoose}
          searchLabel={t.mergeSearch}
          exclude={duplicate.id}
          value={keep?.id ?? null}
          onChange={setKeep}
          problem={problemAt(problems, 'keepId')}
        />
        <DialogButtons busy={false} submit={t.mergeNext} icon={<CheckIcon />} onCancel={onCancel} />
      </form>
    );
  }

  const moves = preview.data?.organisationMergePreview.moves;
  const previewProblem = preview.error ? adminProblem(preview.error, 'merge') : null;
  return (
    <form noValidate onSubmit={(e) => void confirm(e)}>
      <ErrorSummary problems={summaryOf([...(previewProblem ? [previewProblem] : []), ...problems], {})} />
      {preview.fetching ? <Loading /> : null}
      {moves ? (
        <div className="admin-org-merge-summary" role="status">
          <p className="admin-org-merge-pair">
            <span>{duplicate.name}</span> → <strong>{keep.name}</strong>
          </p>
          {mergeSentences(moves, duplicate.name, keep.name).map((sentence) => (
            <p key={sentence}>{sentence}</p>
          ))}
        </div>
      ) : null}
      <div className="button-row">
        <button type="button" className="button secondary" onClick={onCancel}>
          {nl.form.cancel}
        </button>
        <button
          type="button"
          className="button secondary"
          onClick={() => {
            setConfirming(false);
            setProblems([]);
          }}
        >
          {t.mergeBack}
        </button>
        <button type="submit" className="button danger" disabled={merging || !moves}>
          <CheckIcon /> {merging ? nl.form.saving : t.mergeConfirm}
        </button>
      </div>
    </form>
  );
}
