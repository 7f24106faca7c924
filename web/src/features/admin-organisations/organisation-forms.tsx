import { useId, useState } from 'react';
import { useQuery } from 'urql';
import { TextAreaField, TextField } from '../../components/form';
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
import {
  AdminForm,
  CheckboxGrid,
  ChoiceSelect,
  districtOptions,
  missingOf,
  problemAt,
  SaveButtons,
  useAdminMutation,
} from './admin-forms';
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

  const send = async () => {
    const missing = missingOf(
      [name.trim() === '', 'name', t.problem.nameMissing],
      [sector === '', 'sector', t.problem.sectorMissing],
    );
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
    <AdminForm problems={problems} ids={ids} onSubmit={send}>
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
      <ChoiceSelect
        id={ids.sector}
        label={t.sector}
        hint={t.sectorHint}
        problem={problemAt(problems, 'sector')}
        value={sector}
        onChange={(value) => setSector(SECTORS.find((s) => s === value) ?? '')}
        empty={t.choose}
        options={SECTORS.map((s) => ({ value: s, label: t.sectorOption(nl.sector[s], SECTOR_TIER[s] ?? null) }))}
      />
      <CheckboxGrid
        id={ids.districtIds}
        className="admin-org-districts"
        legend={t.districts}
        hint={t.districtsHint}
        problem={problemAt(problems, 'districtIds')}
        options={districtOptions(choices)}
        chosen={chosen}
        onChange={setChosen}
      />
      <TextAreaField
        id={ids.note}
        label={t.note}
        hint={t.noteHint}
        problem={problemAt(problems, 'note')}
        value={note}
        onChange={(e) => setNote(e.target.value)}
        maxLength={NOTE_MAX}
      />
      <SaveButtons busy={creating || updating} submit={organisation ? t.save : t.add} onCancel={onCancel} />
    </AdminForm>
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

  const next = () => {
    if (!keep) {
      setProblems([{ field: 'keepId', message: t.mergeMissing }]);
      return;
    }
    setProblems([]);
    setConfirming(true);
  };

  const confirm = async () => {
    if (!keep) return;
    const outcome = await merge({ input: { duplicateId: duplicate.id, keepId: keep.id } });
    if (outcome.ok) onDone(keep.name);
    else setProblems([outcome.problem]);
  };

  if (!confirming || !keep) {
    return (
      <AdminForm
        problems={problems}
        ids={{ keepId: `${id}-keep` }}
        onSubmit={next}
        intro={
          <>
            <p>{t.mergeIntro(duplicate.name)}</p>
            <p className="admin-org-duplicate">
              <InfoIcon /> {t.mergeDuplicate(duplicate.name)}
            </p>
          </>
        }
      >
        <OrganisationPicker
          id={`${id}-keep`}
          legend={t.mergeChoose}
          searchLabel={t.mergeSearch}
          exclude={duplicate.id}
          value={keep?.id ?? null}
          onChange={setKeep}
          problem={problemAt(problems, 'keepId')}
        />
        <SaveButtons busy={false} submit={t.mergeNext} onCancel={onCancel} />
      </AdminForm>
    );
  }

  const moves = preview.data?.organisationMergePreview.moves;
  const previewProblem = preview.error ? adminProblem(preview.error, 'merge') : null;
  return (
    <AdminForm problems={[...(previewProblem ? [previewProblem] : []), ...problems]} ids={{}} onSubmit={confirm}>
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
    </AdminForm>
  );
}
