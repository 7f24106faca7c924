import { useId, useState } from 'react';
import { TextField } from '../../components/form';
import { DistrictIcon } from '../../components/icons';
import {
  AdminCreateDistrictDocument,
  AdminEndDistrictDocument,
  AdminUpdateDistrictDocument,
  type AdminDistrictsQuery,
} from '../../gql/graphql';
import { nl } from '../../messages/nl';
import { longDate } from '../wijk/dates';
import { AdminForm, ChoiceSelect, districtOptions, missingOf, problemAt, SaveButtons, useAdminMutation } from './admin-forms';
import { AdminSection, AdminTable, EditDialog, EditEndButtons, EndRecordDialog } from './admin-section';
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

  const send = async () => {
    const missing = missingOf(
      [name.trim() === '', 'name', t.problem.nameMissing],
      [!district && !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(shownSlug), 'slug', t.problem.slugInvalid],
    );
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
    <AdminForm problems={problems} ids={ids} onSubmit={send}>
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
          <ChoiceSelect
            id={ids.partOfId}
            label={t.partOf}
            hint={t.partOfHint}
            problem={problemAt(problems, 'partOfId')}
            value={partOfId}
            onChange={setPartOfId}
            empty={t.noPartOf}
            options={districtOptions(districts.filter((d) => d.until === null))}
          />
        </>
      )}
      <SaveButtons busy={creating || renaming} submit={district ? t.save : t.addDistrict} onCancel={onCancel} />
    </AdminForm>
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
  const names = new Map(districts.map((d) => [d.id, d.name]));
  const shown = districts.filter((d) => showEnded || d.until === null);
  const finish = (text: string) => {
    setMessage(text);
    setEditing(null);
    setEnding(null);
    onChanged();
  };

  return (
    <AdminSection
      anchor="wijken"
      name="districts"
      icon={<DistrictIcon />}
      title={t.districtsTitle}
      message={message}
      add={t.addDistrict}
      onAdd={() => setEditing('new')}
      showEndedLabel={t.showEndedDistricts}
      showEnded={showEnded}
      onShowEnded={onShowEnded}
    >
      {shown.length === 0 ? (
        <p className="muted">{t.noDistrictsYet}</p>
      ) : (
        <AdminTable caption={t.districtsCaption} columns={[t.colName, t.colSlug, t.colOrganisations, t.colStatus, t.colActions]}>
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
                <EditEndButtons
                  row={d}
                  editLabel={t.renameDistrictFor}
                  editText={t.renameDistrict}
                  onEdit={() => setEditing(d)}
                  endLabel={t.endDistrictFor}
                  onEnd={() => setEnding(d)}
                />
              </td>
            </tr>
          ))}
        </AdminTable>
      )}
      <EditDialog editing={editing} addTitle={t.addDistrict} editTitle={t.renameDistrictTitle} onClose={() => setEditing(null)}>
        <DistrictForm
          district={editing === 'new' ? null : editing}
          districts={districts}
          onCancel={() => setEditing(null)}
          onDone={(name) => finish(editing === 'new' ? t.districtCreated(name) : t.districtRenamed(name))}
        />
      </EditDialog>
      <EndRecordDialog
        record={ending}
        document={AdminEndDistrictDocument}
        title={t.endDistrictTitle}
        text={t.endDistrictText}
        onClose={() => setEnding(null)}
        onEnded={(name, until) => finish(t.districtEnded(name, longDate(until)))}
      />
    </AdminSection>
  );
}
