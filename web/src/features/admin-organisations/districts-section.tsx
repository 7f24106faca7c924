import { useId, useState, type SyntheticEvent } from 'react';
import { DialogButtons, ErrorSummary, SelectField, SuccessMessage, TextField } from '../../components/form';
import { FormDialog } from '../../components/form-dialog';
import { CheckIcon, DistrictIcon, PencilIcon, PlusIcon, StopIcon } from '../../components/icons';
import { ScrollTable } from '../../components/scroll-table';
import {
  AdminCreateDistrictDocument,
  AdminEndDistrictDocument,
  AdminUpdateDistrictDocument,
  type AdminDistrictsQuery,
} from '../../gql/graphql';
import { nl } from '../../messages/nl';
import { longDate } from '../wijk/dates';
import { EndDialog, problemAt, summaryOf, useAdminMutation } from './admin-forms';
import { suggestSlug, type AdminProblem } from './model';

const t = nl.adminOrganisations;
type District = AdminDistrictsQuery['adminDistricts']['nodes'][number];

/** A new wijk (name, slug, part of) or a new name for one. */
function DistrictForm({
  district,
  districts,
  onCancel,
  onDone,
}: {
  readonly district: District | null;
  readonly districts: readonly District[];
  readonly onCancel: () => void;
  readonly onDone: (name: string) => void;
}) {
  const id = useId();
  const ids = { name: `${id}-name`, slug: `${id}-slug`, partOfId: `${id}-part-of` };
  const [name, setName] = useState(district?.name ?? '');
  const [slug, setSlug] = useState('');
  const [slugTouched, setSlugTouched] = useState(false);
  const [partOfId, setPartOfId] = useState('');
  const [problems, setProblems] = useState<AdminProblem[]>([]);
  const [creating, create] = useAdminMutation(AdminCreateDistrictDocument, 'district');
  const [renaming, rename] = useAdminMutation(AdminUpdateDistrictDocument, 'district');
  const shownSlug = slugTouched ? slug : suggestSlug(name);

  const send = async (event: SyntheticEvent) => {
    event.preventDefault();
    const missing: AdminProblem[] = [
      ...(name.trim() === '' ? [{ field: 'name', message: t.problem.nameMissing }] : []),
      ...(!district && !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(shownSlug) ? [{ field: 'slug', message: t.problem.slugInvalid }] : []),
    ];
    if (missing.length > 0) {
      setProblems(missing);
      return;
    }
    const outcome = district
      ? await rename({ input: { id: district.id, name: name.trim() } })
      : await create({ input: { name: name.trim(), slug: shownSlug, partOfId: partOfId || null } });
    if (outcome.ok) onDone(name.trim());
    else setProblems([outcome.problem]);
  };

  return (
    <form noValidate onSubmit={(e) => void send(e)}>
      <ErrorSummary problems={summaryOf(problems, ids)} />
      <TextField
        id={ids.name}
        label={t.districtName}
        problem={problemAt(problems, 'name')}
        value={name}
        onChange={(e) => setName(e.target.value)}
        maxLength={80}
        autoComplete="off"
        autoFocus
      />
      {district ? null : (
        <>
          <TextField
            id={ids.slug}
            label={t.districtSlug}
            hint={t.districtSlugHint}
            problem={problemAt(problems, 'slug')}
            value={shownSlug}
            onChange={(e) => {
              setSlugTouched(true);
              setSlug(e.target.value);
            }}
            maxLength={60}
            autoComplete="off"
            spellCheck={false}
          />
          <SelectField
            id={ids.partOfId}
            label={t.partOf}
            hint={t.partOfHint}
            problem={problemAt(problems, 'partOfId')}
            value={partOfId}
            onChange={(e) => setPartOfId(e.target.value)}
          >
            <option value="">{t.noPartOf}</option>
            {districts
              .filter((d) => d.until === null)
              .map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name}
                </option>
              ))}
          </SelectField>
        </>
      )}
      <DialogButtons
        busy={creating || renaming}
        submit={district ? t.save : t.addDistrict}
        icon={<CheckIcon />}
        onCancel={onCancel}
      />
    </form>
  );
}

/** Wijken: list, add, rename, stop. */
export function DistrictsSection({
  districts,
  showEnded,
  onShowEnded,
  onChanged,
}: {
  readonly districts: readonly District[];
  readonly showEnded: boolean;
  readonly onShowEnded: (show: boolean) => void;
  readonly onChanged: () => void;
}) {
  const [editing, setEditing] = useState<District | 'new' | null>(null);
  const [ending, setEnding] = useState<District | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [endBusy, endDistrict] = useAdminMutation(AdminEndDistrictDocument, 'end');
  const names = new Map(districts.map((d) => [d.id, d.name]));
  const shown = districts.filter((d) => showEnded || d.until === null);

  return (
    <section className="panel" id="wijken" aria-labelledby="admin-districts-title">
      <h2 id="admin-districts-title">
        <DistrictIcon /> {t.districtsTitle}
      </h2>
      {message ? <SuccessMessage>{message}</SuccessMessage> : null}
      <div className="admin-org-toolbar">
        <button type="button" className="button" onClick={() => setEditing('new')}>
          <PlusIcon /> {t.addDistrict}
        </button>
        <div className="checkbox">
          <input type="checkbox" id="districts-ended" checked={showEnded} onChange={(e) => onShowEnded(e.target.checked)} />
          <label htmlFor="districts-ended">{t.showEndedDistricts}</label>
        </div>
      </div>
      {shown.length === 0 ? (
        <p className="muted">{t.noDistrictsYet}</p>
      ) : (
        <ScrollTable caption={t.districtsCaption} boxClassName="admin-org-table-box">
          <thead>
            <tr>
              <th scope="col">{t.colName}</th>
              <th scope="col">{t.colSlug}</th>
              <th scope="col">{t.colOrganisations}</th>
              <th scope="col">{t.colStatus}</th>
              <th scope="col">{t.colActions}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((d) => (
              <tr key={d.id} className={d.until ? 'ended' : undefined}>
                <th scope="row">
                  {d.name}
                  {d.partOfId ? <span className="admin-org-sub">{`${t.colPartOf} ${names.get(d.partOfId) ?? ''}`}</span> : null}
                </th>
                <td>{d.slug}</td>
                <td>{d.organisationCount}</td>
                <td>{d.until ? t.endedOn(longDate(d.until)) : t.active}</td>
                <td>
                  {d.until ? null : (
                    <span className="admin-org-row-actions">
                      <button
                        type="button"
                        className="button secondary small"
                        aria-label={t.renameDistrictFor(d.name)}
                        onClick={() => setEditing(d)}
                      >
                        <PencilIcon /> {t.renameDistrict}
                      </button>
                      <button
                        type="button"
                        className="button secondary small"
                        aria-label={t.endDistrictFor(d.name)}
                        onClick={() => setEnding(d)}
                      >
                        <StopIcon /> {t.end}
                      </button>
                    </span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      )}
      <FormDialog
        open={editing !== null}
        title={editing === 'new' || editing === null ? t.addDistrict : t.renameDistrictTitle(editing.name)}
        onClose={() => setEditing(null)}
      >
        <DistrictForm
          district={editing === 'new' ? null : editing}
          districts={districts}
          onCancel={() => setEditing(null)}
          onDone={(name) => {
            setMessage(editing === 'new' ? t.districtCreated(name) : t.districtRenamed(name));
            setEditing(null);
            onChanged();
          }}
        />
      </FormDialog>
      <EndDialog
        open={ending !== null}
        title={ending ? t.endDistrictTitle(ending.name) : ''}
        text={t.endDistrictText}
        busy={endBusy}
        end={(until) => endDistrict({ input: { id: ending?.id ?? '', until } })}
        onCancel={() => setEnding(null)}
        onDone={(until) => {
          setMessage(t.districtEnded(ending?.name ?? '', longDate(until)));
          setEnding(null);
          onChanged();
        }}
      />
    </section>
  );
}
