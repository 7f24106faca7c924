import { useId, useState } from 'react';
import { useQuery } from 'urql';
import { DateField, DialogButtons, TextField } from '../../components/form';
import { FormDialog } from '../../components/form-dialog';
import { PeopleIcon, PlusIcon, StopIcon } from '../../components/icons';
import {
  AdminCreatePartnershipDocument,
  AdminEndPartnershipDocument,
  AdminJoinPartnershipDocument,
  AdminLeavePartnershipDocument,
  AdminPartnershipsDocument,
  AdminUpdatePartnershipDocument,
  type AdminPartnershipsQuery,
  type PartnershipKind,
} from '../../gql/graphql';
import { nl } from '../../messages/nl';
import { isIsoDate, longDate, todayIso } from '../wijk/dates';
import {
  AdminForm,
  ChoiceSelect,
  districtOptions,
  EndDialog,
  missingOf,
  problemAt,
  SaveButtons,
  useAdminMutation,
} from './admin-forms';
import { AdminSection, AdminTable, EditDialog, EditEndButtons, EndRecordDialog, QueryState, RowButton } from './admin-section';
import type { AdminProblem } from './model';
import type { DistrictChoice } from './organisation-forms';
import { OrganisationPicker } from './organisation-picker';

const t = nl.adminOrganisations;
const KINDS: readonly PartnershipKind[] = ['CORE_TEAM', 'HEALTHY_DISTRICT_NETWORK', 'STEERING_GROUP'];
const CITY = 'city';
type Partnership = AdminPartnershipsQuery['adminPartnerships']['nodes'][number];

function PartnershipForm({
  partnership,
  districts,
  onCancel,
  onDone,
}: {
  readonly partnership: Partnership | null;
  readonly districts: readonly DistrictChoice[];
  readonly onCancel: () => void;
  readonly onDone: (name: string) => void;
}) {
  const id = useId();
  const ids = { name: `${id}-name`, kind: `${id}-kind`, districtId: `${id}-place` };
  const [name, setName] = useState(partnership?.name ?? '');
  const [kind, setKind] = useState<PartnershipKind | ''>(partnership?.kind ?? '');
  const [place, setPlace] = useState(partnership ? (partnership.districtId ?? CITY) : '');
  const [problems, setProblems] = useState<AdminProblem[]>([]);
  const [creating, create] = useAdminMutation(AdminCreatePartnershipDocument, 'partnership');
  const [updating, update] = useAdminMutation(AdminUpdatePartnershipDocument, 'partnership');

  const send = async () => {
    const missing = missingOf(
      [name.trim() === '', 'name', t.problem.nameMissing],
      [kind === '', 'kind', t.problem.kindMissing],
      [place === '', 'districtId', t.problem.placeMissing],
    );
    if (missing.length > 0 || kind === '') {
      setProblems(missing);
      return;
    }
    const fields = { name: name.trim(), kind, cityWide: place === CITY, districtId: place === CITY ? null : place };
    const outcome = partnership
      ? await update({ input: { id: partnership.id, ...fields } })
      : await create({ input: { ...fields, since: null } });
    if (outcome.ok) onDone(fields.name);
    else setProblems([outcome.problem]);
  };

  return (
    <AdminForm problems={problems} ids={ids} onSubmit={send}>
      <TextField
        id={ids.name}
        label={t.partnershipName}
        problem={problemAt(problems, 'name')}
        value={name}
        onChange={(e) => setName(e.target.value)}
        maxLength={120}
        autoComplete="off"
        autoFocus
      />
      <ChoiceSelect
        id={ids.kind}
        label={t.partnershipKind}
        problem={problemAt(problems, 'kind')}
        value={kind}
        onChange={(value) => setKind(KINDS.find((k) => k === value) ?? '')}
        empty={t.choose}
        options={KINDS.map((k) => ({ value: k, label: nl.partnershipKind[k] }))}
      />
      <ChoiceSelect
        id={ids.districtId}
        label={t.partnershipPlace}
        hint={t.partnershipPlaceHint}
        problem={problemAt(problems, 'districtId')}
        value={place}
        onChange={setPlace}
        empty={t.choose}
        options={[
          { value: CITY, label: t.cityWide },
          ...districtOptions(districts.filter((d) => d.until === null || d.id === partnership?.districtId)),
        ]}
      />
      <SaveButtons busy={creating || updating} submit={partnership ? t.save : t.addPartnership} onCancel={onCancel} />
    </AdminForm>
  );
}

function AddMemberForm({
  partnership,
  onCancel,
  onDone,
}: {
  readonly partnership: Partnership;
  readonly onCancel: () => void;
  readonly onDone: (organisation: string) => void;
}) {
  const id = useId();
  const ids = { organisationId: `${id}-organisation`, since: `${id}-since` };
  const [organisation, setOrganisation] = useState<{ id: string; name: string } | null>(null);
  const [since, setSince] = useState(todayIso);
  const [problems, setProblems] = useState<AdminProblem[]>([]);
  const [busy, join] = useAdminMutation(AdminJoinPartnershipDocument, 'member');

  const send = async () => {
    const missing = missingOf(
      [!organisation, 'organisationId', t.problem.organisationMissing],
      [!isIsoDate(since), 'since', t.problem.dateMissing],
    );
    if (missing.length > 0 || !organisation) {
      setProblems(missing);
      return;
    }
    const outcome = await join({ input: { partnershipId: partnership.id, organisationId: organisation.id, since } });
    if (outcome.ok) onDone(organisation.name);
    else setProblems([outcome.problem]);
  };

  return (
    <AdminForm problems={problems} ids={ids} onSubmit={send}>
      <p className="field-hint">{t.memberOrganisationHint}</p>
      <OrganisationPicker
        id={ids.organisationId}
        legend={t.memberOrganisation}
        searchLabel={t.search}
        districtId={partnership.districtId}
        value={organisation?.id ?? null}
        onChange={setOrganisation}
        problem={problemAt(problems, 'organisationId')}
      />
      <DateField
        id={ids.since}
        label={t.memberSinceLabel}
        problem={problemAt(problems, 'since')}
        value={since}
        onChange={setSince}
      />
      <DialogButtons busy={busy} submit={t.addMember} icon={<PlusIcon />} onCancel={onCancel} />
    </AdminForm>
  );
}

/** Samenwerkingsverbanden: list, add, edit, stop, and their members. */
export function PartnershipsSection({ districts }: { readonly districts: readonly DistrictChoice[] }) {
  const [showEnded, setShowEnded] = useState(false);
  const [result, reexecute] = useQuery({ query: AdminPartnershipsDocument, variables: { includeEnded: showEnded } });
  const [editing, setEditing] = useState<Partnership | 'new' | null>(null);
  const [ending, setEnding] = useState<Partnership | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const [adding, setAdding] = useState<Partnership | null>(null);
  const [leaving, setLeaving] = useState<{ partnership: Partnership; organisationId: string; name: string } | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [leaveBusy, leave] = useAdminMutation(AdminLeavePartnershipDocument, 'end');
  const names = new Map(districts.map((d) => [d.id, d.name]));
  const partnerships = result.data?.adminPartnerships.nodes ?? [];
  const refresh = () => reexecute({ requestPolicy: 'network-only' });
  const finish = (text: string) => {
    setMessage(text);
    setEditing(null);
    setEnding(null);
    setAdding(null);
    setLeaving(null);
    refresh();
  };

  return (
    <AdminSection
      anchor="samenwerking"
      name="partnerships"
      icon={<PeopleIcon />}
      title={t.partnershipsTitle}
      message={message}
      add={t.addPartnership}
      onAdd={() => setEditing('new')}
      showEndedLabel={t.showEndedPartnerships}
      showEnded={showEnded}
      onShowEnded={setShowEnded}
    >
      <QueryState result={result} onRetry={refresh} />
      {result.data && partnerships.length === 0 ? <p className="muted">{t.noPartnerships}</p> : null}
      {partnerships.length > 0 ? (
        <AdminTable
          caption={t.partnershipsCaption}
          columns={[t.colName, t.partnershipKind, t.colWijk, t.colMembers, t.colActions]}
        >
          {partnerships.map((p) => {
            const current = p.members.filter((m) => m.until === null);
            return (
              <tr key={p.id} className={p.until ? 'ended' : undefined}>
                <th scope="row">
                  {p.name}
                  {p.until ? <span className="admin-org-sub">{t.endedOn(longDate(p.until))}</span> : null}
                </th>
                <td>{nl.partnershipKind[p.kind]}</td>
                <td>{p.districtId ? (names.get(p.districtId) ?? '') : t.cityWide}</td>
                <td>
                  <button
                    type="button"
                    className="link-button"
                    aria-expanded={open === p.id}
                    aria-controls={`members-${p.id}`}
                    aria-label={t.showMembers(current.length, p.name)}
                    onClick={() => setOpen(open === p.id ? null : p.id)}
                  >
                    {t.membersCount(current.length)}
                  </button>
                  {open === p.id ? (
                    <div id={`members-${p.id}`} className="admin-org-members">
                      {p.members.length === 0 ? <p className="muted">{t.noMembers}</p> : null}
                      <ul>
                        {p.members.map((m) => (
                          <li key={`${m.organisationId}-${m.since ?? ''}`} className={m.until ? 'ended' : undefined}>
                            <span>
                              {m.organisationName}
                              <span className="admin-org-sub">
                                {[
                                  m.since ? t.memberSince(longDate(m.since)) : null,
                                  m.until ? t.memberUntil(longDate(m.until)) : null,
                                ]
                                  .filter(Boolean)
                                  .join(', ')}
                              </span>
                            </span>
                            {m.until || p.until ? null : (
                              <RowButton
                                label={t.memberStopsFor(m.organisationName)}
                                icon={<StopIcon />}
                                text={t.memberStops}
                                onClick={() =>
                                  setLeaving({ partnership: p, organisationId: m.organisationId, name: m.organisationName })
                                }
                              />
                            )}
                          </li>
                        ))}
                      </ul>
                      {p.until ? null : (
                        <button type="button" className="button secondary small" onClick={() => setAdding(p)}>
                          <PlusIcon /> {t.addMember}
                        </button>
                      )}
                    </div>
                  ) : null}
                </td>
                <td>
                  <EditEndButtons
                    row={p}
                    editLabel={t.editPartnershipFor}
                    onEdit={() => setEditing(p)}
                    endLabel={t.endPartnershipFor}
                    onEnd={() => setEnding(p)}
                  />
                </td>
              </tr>
            );
          })}
        </AdminTable>
      ) : null}
      <EditDialog
        editing={editing}
        addTitle={t.addPartnership}
        editTitle={t.editPartnershipTitle}
        onClose={() => setEditing(null)}
      >
        <PartnershipForm
          partnership={editing === 'new' ? null : editing}
          districts={districts}
          onCancel={() => setEditing(null)}
          onDone={(name) => finish(editing === 'new' ? t.partnershipCreated(name) : t.partnershipUpdated(name))}
        />
      </EditDialog>
      <FormDialog open={adding !== null} title={adding ? t.addMemberTitle(adding.name) : ''} onClose={() => setAdding(null)}>
        {adding ? (
          <AddMemberForm
            partnership={adding}
            onCancel={() => setAdding(null)}
            onDone={(organisation) => finish(t.memberAdded(organisation, adding.name))}
          />
        ) : null}
      </FormDialog>
      <EndDialog
        open={leaving !== null}
        title={leaving ? t.memberStopsTitle(leaving.name, leaving.partnership.name) : ''}
        text={t.memberStopsText}
        hint={nl.wijkEdit.memberUntilHint}
        busy={leaveBusy}
        end={(until) =>
          leave({ input: { partnershipId: leaving?.partnership.id ?? '', organisationId: leaving?.organisationId ?? '', until } })
        }
        onCancel={() => setLeaving(null)}
        onDone={() => finish(t.memberRemoved(leaving?.name ?? '', leaving?.partnership.name ?? ''))}
      />
      <EndRecordDialog
        record={ending}
        document={AdminEndPartnershipDocument}
        title={t.endPartnershipTitle}
        text={t.endPartnershipText}
        onClose={() => setEnding(null)}
        onEnded={(name, until) => finish(t.partnershipEnded(name, longDate(until)))}
      />
    </AdminSection>
  );
}
