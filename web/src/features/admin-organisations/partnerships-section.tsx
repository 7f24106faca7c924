import { useId, useState, type SyntheticEvent } from 'react';
import { useQuery } from 'urql';
import { DateField, DialogButtons, ErrorSummary, SelectField, SuccessMessage, TextField } from '../../components/form';
import { FormDialog } from '../../components/form-dialog';
import { CheckIcon, PencilIcon, PeopleIcon, PlusIcon, StopIcon } from '../../components/icons';
import { LoadError, Loading } from '../../components/load-state';
import { ScrollTable } from '../../components/scroll-table';
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
import { EndDialog, problemAt, summaryOf, useAdminMutation } from './admin-forms';
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

  const send = async (event: SyntheticEvent) => {
    event.preventDefault();
    const missing: AdminProblem[] = [
      ...(name.trim() === '' ? [{ field: 'name', message: t.problem.nameMissing }] : []),
      ...(kind === '' ? [{ field: 'kind', message: t.problem.kindMissing }] : []),
      ...(place === '' ? [{ field: 'districtId', message: t.problem.placeMissing }] : []),
    ];
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
    <form noValidate onSubmit={(e) => void send(e)}>
      <ErrorSummary problems={summaryOf(problems, ids)} />
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
      <SelectField
        id={ids.kind}
        label={t.partnershipKind}
        problem={problemAt(problems, 'kind')}
        value={kind}
        onChange={(e) => setKind(KINDS.find((k) => k === e.target.value) ?? '')}
      >
        <option value="">{t.choose}</option>
        {KINDS.map((k) => (
          <option key={k} value={k}>
            {nl.partnershipKind[k]}
          </option>
        ))}
      </SelectField>
      <SelectField
        id={ids.districtId}
        label={t.partnershipPlace}
        hint={t.partnershipPlaceHint}
        problem={problemAt(problems, 'districtId')}
        value={place}
        onChange={(e) => setPlace(e.target.value)}
      >
        <option value="">{t.choose}</option>
        <option value={CITY}>{t.cityWide}</option>
        {districts
          .filter((d) => d.until === null || d.id === partnership?.districtId)
          .map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
      </SelectField>
      <DialogButtons
        busy={creating || updating}
        submit={partnership ? t.save : t.addPartnership}
        icon={<CheckIcon />}
        onCancel={onCancel}
      />
    </form>
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

  const send = async (event: SyntheticEvent) => {
    event.preventDefault();
    const missing: AdminProblem[] = [
      ...(organisation ? [] : [{ field: 'organisationId', message: t.problem.organisationMissing }]),
      ...(isIsoDate(since) ? [] : [{ field: 'since', message: t.problem.dateMissing }]),
    ];
    if (missing.length > 0 || !organisation) {
      setProblems(missing);
      return;
    }
    const outcome = await join({ input: { partnershipId: partnership.id, organisationId: organisation.id, since } });
    if (outcome.ok) onDone(organisation.name);
    else setProblems([outcome.problem]);
  };

  return (
    <form noValidate onSubmit={(e) => void send(e)}>
      <ErrorSummary problems={summaryOf(problems, ids)} />
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
    </form>
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
  const [endBusy, endPartnership] = useAdminMutation(AdminEndPartnershipDocument, 'end');
  const [leaveBusy, leave] = useAdminMutation(AdminLeavePartnershipDocument, 'end');
  const names = new Map(districts.map((d) => [d.id, d.name]));
  const partnerships = result.data?.adminPartnerships.nodes ?? [];
  const refresh = () => reexecute({ requestPolicy: 'network-only' });

  return (
    <section className="panel" id="samenwerking" aria-labelledby="admin-partnerships-title">
      <h2 id="admin-partnerships-title">
        <PeopleIcon /> {t.partnershipsTitle}
      </h2>
      {message ? <SuccessMessage>{message}</SuccessMessage> : null}
      <div className="admin-org-toolbar">
        <button type="button" className="button" onClick={() => setEditing('new')}>
          <PlusIcon /> {t.addPartnership}
        </button>
        <div className="checkbox">
          <input type="checkbox" id="partnerships-ended" checked={showEnded} onChange={(e) => setShowEnded(e.target.checked)} />
          <label htmlFor="partnerships-ended">{t.showEndedPartnerships}</label>
        </div>
      </div>
      {result.fetching && !result.data ? <Loading /> : null}
      {result.error ? <LoadError error={result.error} onRetry={refresh} /> : null}
      {result.data && partnerships.length === 0 ? <p className="muted">{t.noPartnerships}</p> : null}
      {partnerships.length > 0 ? (
        <ScrollTable caption={t.partnershipsCaption} boxClassName="admin-org-table-box">
          <thead>
            <tr>
              <th scope="col">{t.colName}</th>
              <th scope="col">{t.partnershipKind}</th>
              <th scope="col">{t.colWijk}</th>
              <th scope="col">{t.colMembers}</th>
              <th scope="col">{t.colActions}</th>
            </tr>
          </thead>
          <tbody>
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
                                <button
                                  type="button"
                                  className="button secondary small"
                                  aria-label={t.memberStopsFor(m.organisationName)}
                                  onClick={() =>
                                    setLeaving({ partnership: p, organisationId: m.organisationId, name: m.organisationName })
                                  }
                                >
                                  <StopIcon /> {t.memberStops}
                                </button>
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
                    {p.until ? null : (
                      <span className="admin-org-row-actions">
                        <button
                          type="button"
                          className="button secondary small"
                          aria-label={t.editPartnershipFor(p.name)}
                          onClick={() => setEditing(p)}
                        >
                          <PencilIcon /> {t.edit}
                        </button>
                        <button
                          type="button"
                          className="button secondary small"
                          aria-label={t.endPartnershipFor(p.name)}
                          onClick={() => setEnding(p)}
                        >
                          <StopIcon /> {t.end}
                        </button>
                      </span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </ScrollTable>
      ) : null}
      <FormDialog
        open={editing !== null}
        title={editing === 'new' || editing === null ? t.addPartnership : t.editPartnershipTitle(editing.name)}
        onClose={() => setEditing(null)}
      >
        <PartnershipForm
          partnership={editing === 'new' ? null : editing}
          districts={districts}
          onCancel={() => setEditing(null)}
          onDone={(name) => {
            setMessage(editing === 'new' ? t.partnershipCreated(name) : t.partnershipUpdated(name));
            setEditing(null);
            refresh();
          }}
        />
      </FormDialog>
      <FormDialog open={adding !== null} title={adding ? t.addMemberTitle(adding.name) : ''} onClose={() => setAdding(null)}>
        {adding ? (
          <AddMemberForm
            partnership={adding}
            onCancel={() => setAdding(null)}
            onDone={(organisation) => {
              setMessage(t.memberAdded(organisation, adding.name));
              setAdding(null);
              refresh();
            }}
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
        onDone={() => {
          setMessage(t.memberRemoved(leaving?.name ?? '', leaving?.partnership.name ?? ''));
          setLeaving(null);
          refresh();
        }}
      />
      <EndDialog
        open={ending !== null}
        title={ending ? t.endPartnershipTitle(ending.name) : ''}
        text={t.endPartnershipText}
        busy={endBusy}
        end={(until) => endPartnership({ input: { id: ending?.id ?? '', until } })}
        onCancel={() => setEnding(null)}
        onDone={(until) => {
          setMessage(t.partnershipEnded(ending?.name ?? '', longDate(until)));
          setEnding(null);
          refresh();
        }}
      />
    </section>
  );
}
