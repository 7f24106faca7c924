import { useId, useState, type SyntheticEvent } from 'react';
import { useQuery } from 'urql';
import { DialogButtons, ErrorSummary, SelectField, SuccessMessage, TextField } from '../../components/form';
import { FormDialog } from '../../components/form-dialog';
import { CheckIcon, PencilIcon, PlusIcon, StopIcon } from '../../components/icons';
import { LoadError, Loading } from '../../components/load-state';
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
import { EndDialog, problemAt, summaryOf, useAdminMutation } from './admin-forms';
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

  const send = async (event: SyntheticEvent) => {
    event.preventDefault();
    const missing: AdminProblem[] = [
      ...(!offering && districtId === '' ? [{ field: 'districtId', message: t.problem.districtMissing }] : []),
      ...(category === '' ? [{ field: 'category', message: nl.wijkEdit.problem.invalid.category }] : []),
      ...(name.trim() === '' ? [{ field: 'name', message: t.problem.nameMissing }] : []),
    ];
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
    <form noValidate onSubmit={(e) => void send(e)}>
      <ErrorSummary problems={summaryOf(problems, ids)} />
      {offering ? null : (
        <SelectField
          id={ids.districtId}
          label={t.offeringWijk}
          hint={t.offeringWijkHint}
          problem={problemAt(problems, 'districtId')}
          value={districtId}
          onChange={(e) => setDistrictId(e.target.value)}
        >
          <option value="">{t.choose}</option>
          {districts.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </SelectField>
      )}
      <SelectField
        id={ids.category}
        label={nl.wijkEdit.category}
        problem={problemAt(problems, 'category')}
        value={category}
        onChange={(e) => setCategory(OFFERING_CATEGORIES.find((c) => c === e.target.value) ?? '')}
      >
        <option value="">{t.choose}</option>
        {OFFERING_CATEGORIES.map((c) => (
          <option key={c} value={c}>
            {nl.wijkEdit.categoryOption[c]}
          </option>
        ))}
      </SelectField>
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
      <fieldset className="choices admin-org-languages" id={ids.languages} tabIndex={-1}>
        <legend>{nl.wijkEdit.languages}</legend>
        <p className="field-hint">{nl.wijkEdit.languagesHint}</p>
        <div className="admin-org-district-grid">
          {LANGUAGES.map((code) => (
            <div className="checkbox" key={code}>
              <input
                type="checkbox"
                id={`${id}-language-${code}`}
                checked={languages.includes(code)}
                onChange={(e) =>
                  setLanguages(orderedLanguages(e.target.checked ? [...languages, code] : languages.filter((c) => c !== code)))
                }
              />
              <label htmlFor={`${id}-language-${code}`}>{nl.wijkEdit.languageName[code]}</label>
            </div>
          ))}
        </div>
      </fieldset>
      <DialogButtons
        busy={recording || updating}
        submit={offering ? t.save : t.addOffering}
        icon={<CheckIcon />}
        onCancel={onCancel}
      />
    </form>
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
  const [endBusy, endOffering] = useAdminMutation(AdminEndOfferingDocument, 'end');
  const organisation = result.data?.adminOrganisation;
  const names = new Map(districts.map((d) => [d.id, d.name]));
  const active = districts.filter((d) => organisation?.districtIds.includes(d.id) && d.until === null);
  const refresh = () => reexecute({ requestPolicy: 'network-only' });

  return (
    <section className="admin-org-offerings" aria-labelledby={headingId}>
      <h3 id={headingId}>{organisation ? t.offeringsTitle(organisation.name) : t.offerings}</h3>
      {result.fetching && !result.data ? <Loading /> : null}
      {result.error ? <LoadError error={result.error} onRetry={refresh} /> : null}
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
                {f.until ? null : (
                  <span className="admin-org-row-actions">
                    <button
                      type="button"
                      className="button secondary small"
                      aria-label={t.editOfferingFor(f.name)}
                      onClick={() => setEditing(f)}
                    >
                      <PencilIcon /> {t.edit}
                    </button>
                    <button
                      type="button"
                      className="button secondary small"
                      aria-label={t.endOfferingFor(f.name)}
                      onClick={() => setEnding(f)}
                    >
                      <StopIcon /> {t.end}
                    </button>
                  </span>
                )}
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
          <FormDialog
            open={editing !== null}
            title={
              editing === 'new' || editing === null ? t.addOfferingTitle(organisation.name) : t.editOfferingTitle(editing.name)
            }
            onClose={() => setEditing(null)}
          >
            <OfferingForm
              organisationId={organisation.id}
              offering={editing === 'new' ? null : editing}
              districts={active}
              onCancel={() => setEditing(null)}
              onDone={(name) => {
                setMessage(editing === 'new' ? t.offeringAdded(name) : t.offeringUpdated(name));
                setEditing(null);
                refresh();
              }}
            />
          </FormDialog>
          <EndDialog
            open={ending !== null}
            title={ending ? t.endOfferingTitle(ending.name) : ''}
            text={t.endOfferingText}
            busy={endBusy}
            end={(until) => endOffering({ input: { id: ending?.id ?? '', until } })}
            onCancel={() => setEnding(null)}
            onDone={() => {
              setMessage(t.offeringEnded(ending?.name ?? ''));
              setEnding(null);
              refresh();
            }}
          />
        </>
      ) : null}
      <button type="button" className="button secondary small admin-org-close" onClick={onClose}>
        {t.close}
      </button>
    </section>
  );
}
