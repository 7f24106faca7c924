import { useId, useState } from 'react';
import { useQuery } from 'urql';
import { SuccessMessage, TextField } from '../../components/form';
import { PlusIcon } from '../../components/icons';
import {
  AdminEndOfferingDocument,
  AdminOrganisationOfferingsDocument,
  AdminRecordOfferingDocument,
  AdminUpdateOfferingDocument,
  type AdminOrganisationOfferingsQuery,
  type OfferingCategory,
} from '../../gql/graphql';
import { nl } from '../../messages/nl';
import { longDate } from '../wijk/dates';
import { LANGUAGES, OFFERING_CATEGORIES, OFFERING_NAME_MAX, orderedLanguages } from '../wijk-edit/wijk-edit-model';
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
import { EditDialog, EditEndButtons, EndRecordDialog, QueryState } from './admin-section';
import type { AdminProblem } from './model';
import type { DistrictChoice } from './organisation-forms';

const t = nl.adminOrganisations;
type Offering = NonNullable<AdminOrganisationOfferingsQuery['adminOrganisation']>['offerings'][number];

interface OfferingFormProps {
  readonly organisationId: string;
  readonly offering: Offering | null;
  readonly districts: readonly DistrictChoice[];
  readonly onCancel: () => void;
  readonly onDone: (name: string) => void;
}

/** One offering: in which wijk (when new), what kind, its name and languages. */
function OfferingForm({ organisationId, offering, districts, onCancel, onDone }: OfferingFormProps) {
  const id = useId();
  const ids = { districtId: `${id}-district`, category: `${id}-category`, name: `${id}-name`, languages: `${id}-languages` };
  const [districtId, setDistrictId] = useState(offering?.districtId ?? (districts.length === 1 ? (districts[0]?.id ?? '') : ''));
  const [category, setCategory] = useState<OfferingCategory | ''>(offering?.category ?? '');
  const [name, setName] = useState(offering?.name ?? '');
  const [languages, setLanguages] = useState<readonly string[]>(offering?.languages ?? []);
  const [problems, setProblems] = useState<AdminProblem[]>([]);
  const [recording, record] = useAdminMutation(AdminRecordOfferingDocument, 'offering');
  const [updating, update] = useAdminMutation(AdminUpdateOfferingDocument, 'offering');

  const send = async () => {
    const missing = missingOf(
      [!offering && districtId === '', 'districtId', t.problem.districtMissing],
      [category === '', 'category', nl.wijkEdit.problem.invalid.category],
      [name.trim() === '', 'name', t.problem.nameMissing],
    );
    if (missing.length > 0 || category === '') {
      setProblems(missing);
      return;
    }
    const fields = { category, name: name.trim(), languages: [...languages] };
    const outcome = offering
      ? await update({ input: { id: offering.id, ...fields } })
      : await record({ input: { organisationId, districtId, ...fields } });
    if (outcome.ok) onDone(fields.name);
    else
      setProblems([outcome.problem.field === 'organisationId' ? { ...outcome.problem, field: 'districtId' } : outcome.problem]);
  };

  return (
    <AdminForm problems={problems} ids={ids} onSubmit={send}>
      {offering ? null : (
        <ChoiceSelect
          id={ids.districtId}
          label={t.offeringWijk}
          hint={t.offeringWijkHint}
          problem={problemAt(problems, 'districtId')}
          value={districtId}
          onChange={setDistrictId}
          empty={t.choose}
          options={districtOptions(districts)}
        />
      )}
      <ChoiceSelect
        id={ids.category}
        label={nl.wijkEdit.category}
        problem={problemAt(problems, 'category')}
        value={category}
        onChange={(value) => setCategory(OFFERING_CATEGORIES.find((c) => c === value) ?? '')}
        empty={t.choose}
        options={OFFERING_CATEGORIES.map((c) => ({ value: c, label: nl.wijkEdit.categoryOption[c] }))}
      />
      <TextField
        id={ids.name}
        label={nl.wijkEdit.offeringName}
        hint={nl.wijkEdit.offeringNameHint}
        problem={problemAt(problems, 'name')}
        value={name}
        onChange={(e) => setName(e.target.value)}
        maxLength={OFFERING_NAME_MAX}
        autoComplete="off"
      />
      <CheckboxGrid
        id={ids.languages}
        className="admin-org-languages"
        legend={nl.wijkEdit.languages}
        hint={nl.wijkEdit.languagesHint}
        options={LANGUAGES.map((code) => ({ value: code, label: nl.wijkEdit.languageName[code] }))}
        chosen={languages}
        onChange={(chosen) => setLanguages(orderedLanguages(chosen))}
      />
      <SaveButtons busy={recording || updating} submit={offering ? t.save : t.addOffering} onCancel={onCancel} />
    </AdminForm>
  );
}

/** The offerings of one organisation, ended ones too, with add, edit and stop. */
export function OfferingsPanel({
  organisationId,
  districts,
  onClose,
}: {
  readonly organisationId: string;
  readonly districts: readonly DistrictChoice[];
  readonly onClose: () => void;
}) {
  const headingId = useId();
  const [result, reexecute] = useQuery({
    query: AdminOrganisationOfferingsDocument,
    variables: { id: organisationId },
    requestPolicy: 'cache-and-network',
  });
  const [editing, setEditing] = useState<Offering | 'new' | null>(null);
  const [ending, setEnding] = useState<Offering | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const organisation = result.data?.adminOrganisation;
  const names = new Map(districts.map((d) => [d.id, d.name]));
  const active = districts.filter((d) => organisation?.districtIds.includes(d.id) && d.until === null);
  const refresh = () => reexecute({ requestPolicy: 'network-only' });
  const finish = (text: string) => {
    setMessage(text);
    setEditing(null);
    setEnding(null);
    refresh();
  };

  return (
    <section className="admin-org-offerings" aria-labelledby={headingId}>
      <h3 id={headingId}>{organisation ? t.offeringsTitle(organisation.name) : t.offerings}</h3>
      <QueryState result={result} onRetry={refresh} />
      {message ? <SuccessMessage>{message}</SuccessMessage> : null}
      {organisation ? (
        <>
          {organisation.offerings.length === 0 ? <p className="muted">{t.noOfferings}</p> : null}
          <ul className="admin-org-offering-list">
            {organisation.offerings.map((f) => (
              <li key={f.id} className={f.until ? 'ended' : undefined}>
                <span className="admin-org-offering-text">
                  <strong>{f.name}</strong> · {nl.wijkEdit.categoryOption[f.category]} · {names.get(f.districtId) ?? ''}
                  {f.languages.length > 0 ? ` · ${f.languages.map((c) => nl.language[c] ?? c).join(', ')}` : ''}
                  {f.since || f.until
                    ? ` · ${t.offeringPeriod(f.since ? longDate(f.since) : null, f.until ? longDate(f.until) : null)}`
                    : ''}
                </span>
                <EditEndButtons
                  row={f}
                  editLabel={t.editOfferingFor}
                  onEdit={() => setEditing(f)}
                  endLabel={t.endOfferingFor}
                  onEnd={() => setEnding(f)}
                />
              </li>
            ))}
          </ul>
          {active.length === 0 ? (
            <p className="muted">{t.offeringNoDistricts}</p>
          ) : (
            <button type="button" className="button secondary" onClick={() => setEditing('new')}>
              <PlusIcon /> {t.addOffering}
            </button>
          )}
          <EditDialog
            editing={editing}
            addTitle={t.addOfferingTitle(organisation.name)}
            editTitle={t.editOfferingTitle}
            onClose={() => setEditing(null)}
          >
            <OfferingForm
              organisationId={organisation.id}
              offering={editing === 'new' ? null : editing}
              districts={active}
              onCancel={() => setEditing(null)}
              onDone={(name) => finish(editing === 'new' ? t.offeringAdded(name) : t.offeringUpdated(name))}
            />
          </EditDialog>
          <EndRecordDialog
            record={ending}
            document={AdminEndOfferingDocument}
            title={t.endOfferingTitle}
            text={t.endOfferingText}
            onClose={() => setEnding(null)}
            onEnded={(name) => finish(t.offeringEnded(name))}
          />
        </>
      ) : null}
      <button type="button" className="button secondary small admin-org-close" onClick={onClose}>
        {t.close}
      </button>
    </section>
  );
}
