import { useState, type SyntheticEvent } from 'react';
import { useQuery } from 'urql';
import { TextField } from '../../components/form';
import { FormDialog } from '../../components/form-dialog';
import { CircleIcon, ListIcon, PencilIcon, SearchIcon, StopIcon } from '../../components/icons';
import {
  AdminDistrictsDocument,
  AdminEndOrganisationDocument,
  AdminOrganisationsDocument,
  type AdminOrganisationRowFragment,
} from '../../gql/graphql';
import { nl } from '../../messages/nl';
import { AdminFrame } from '../admin/admin-frame';
import { longDate } from '../wijk/dates';
import { AdminSection, AdminTable, EditDialog, EndRecordDialog, QueryState, RowButton } from './admin-section';
import { DistrictsSection } from './districts-section';
import { OfferingsPanel } from './offerings-panel';
import { MergeFlow, OrganisationForm, type DistrictChoice } from './organisation-forms';
import { PartnershipsSection } from './partnerships-section';
import './organisations.css';

const t = nl.adminOrganisations;
type Organisation = AdminOrganisationRowFragment;

function kindOf(o: Organisation): string {
  return o.tier === null ? nl.sector[o.sector] : `${nl.sector[o.sector]} · ${t.tier(o.tier)}`;
}

function statusOf(o: Organisation, names: ReadonlyMap<string, string>): string {
  if (o.mergedIntoId) {
    const into = names.get(o.mergedIntoId);
    return into ? t.mergedInto(into) : t.mergedIntoUnknown;
  }
  return o.until ? t.endedOn(longDate(o.until)) : t.active;
}

function OrganisationsSection({ districts }: { readonly districts: readonly DistrictChoice[] }) {
  const [search, setSearch] = useState('');
  const [term, setTerm] = useState<string | null>(null);
  const [showEnded, setShowEnded] = useState(false);
  const [after, setAfter] = useState<string | null>(null);
  const [result, reexecute] = useQuery({
    query: AdminOrganisationsDocument,
    variables: { search: term, includeEnded: showEnded, after },
  });
  const [editing, setEditing] = useState<Organisation | 'new' | null>(null);
  const [ending, setEnding] = useState<Organisation | null>(null);
  const [merging, setMerging] = useState<Organisation | null>(null);
  const [offerings, setOfferings] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const page = result.data?.adminOrganisations;
  const organisations = page?.nodes ?? [];
  const districtNames = new Map(districts.map((d) => [d.id, d.name]));
  const organisationNames = new Map(organisations.map((o) => [o.id, o.name]));
  const refresh = () => reexecute({ requestPolicy: 'network-only' });
  const finish = (text: string) => {
    setMessage(text);
    setEditing(null);
    setEnding(null);
    setMerging(null);
    refresh();
  };

  const submitSearch = (event: SyntheticEvent) => {
    event.preventDefault();
    setAfter(null);
    setTerm(search.trim() === '' ? null : search.trim());
  };

  return (
    <AdminSection
      anchor="organisaties"
      name="organisations"
      icon={<CircleIcon />}
      title={t.organisationsTitle}
      message={message}
      search={
        <form className="search-row" noValidate onSubmit={submitSearch} role="search">
          <TextField
            id="organisation-search"
            label={t.search}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            type="search"
            autoComplete="off"
            maxLength={80}
          />
          <button type="submit" className="button secondary">
            <SearchIcon /> {t.searchButton}
          </button>
        </form>
      }
      add={t.add}
      onAdd={() => setEditing('new')}
      showEndedLabel={t.showEnded}
      showEnded={showEnded}
      onShowEnded={(show) => {
        setAfter(null);
        setShowEnded(show);
      }}
    >
      <QueryState result={result} onRetry={refresh} />
      {page ? (
        <p role="status" className="muted">
          {organisations.length === 0 ? t.none : t.found(organisations.length, page.pageInfo.totalCount)}
        </p>
      ) : null}
      {organisations.length > 0 ? (
        <AdminTable caption={t.caption} columns={[t.colName, t.colKind, t.colDistricts, t.colStatus, t.colActions]}>
          {organisations.map((o) => {
            const current = o.until === null && o.mergedIntoId === null;
            return (
              <tr key={o.id} className={current ? undefined : 'ended'}>
                <th scope="row">
                  {o.name}
                  {o.note ? <span className="admin-org-sub">{o.note}</span> : null}
                </th>
                <td>{kindOf(o)}</td>
                <td>
                  {o.districtIds.length === 0
                    ? t.noDistricts
                    : o.districtIds
                        .map((id) => districtNames.get(id) ?? '')
                        .filter(Boolean)
                        .join(', ')}
                </td>
                <td>{statusOf(o, organisationNames)}</td>
                <td>
                  <span className="admin-org-row-actions">
                    {o.mergedIntoId ? null : (
                      <>
                        <RowButton label={t.editFor(o.name)} icon={<PencilIcon />} text={t.edit} onClick={() => setEditing(o)} />
                        <RowButton
                          label={t.offeringsFor(o.name)}
                          icon={<ListIcon />}
                          text={t.offerings}
                          expanded={offerings === o.id}
                          onClick={() => setOfferings(offerings === o.id ? null : o.id)}
                        />
                      </>
                    )}
                    {current ? (
                      <>
                        <RowButton
                          label={t.mergeFor(o.name)}
                          icon={<CircleIcon />}
                          text={t.merge}
                          onClick={() => setMerging(o)}
                        />
                        <RowButton label={t.endFor(o.name)} icon={<StopIcon />} text={t.end} onClick={() => setEnding(o)} />
                      </>
                    ) : null}
                  </span>
                </td>
              </tr>
            );
          })}
        </AdminTable>
      ) : null}
      {page?.pageInfo.hasNextPage ? (
        <button type="button" className="button secondary" onClick={() => setAfter(page.pageInfo.endCursor)}>
          {t.more}
        </button>
      ) : null}
      {offerings ? <OfferingsPanel organisationId={offerings} districts={districts} onClose={() => setOfferings(null)} /> : null}
      <EditDialog editing={editing} addTitle={t.addTitle} editTitle={t.editTitle} onClose={() => setEditing(null)}>
        <OrganisationForm
          organisation={editing === 'new' ? null : editing}
          districts={districts}
          onCancel={() => setEditing(null)}
          onDone={(organisation) => finish(editing === 'new' ? t.created(organisation.name) : t.updated(organisation.name))}
        />
      </EditDialog>
      <FormDialog open={merging !== null} title={merging ? t.mergeTitle(merging.name) : ''} onClose={() => setMerging(null)}>
        {merging ? (
          <MergeFlow
            duplicate={merging}
            onCancel={() => setMerging(null)}
            onDone={(keep) => finish(t.merged(merging.name, keep))}
          />
        ) : null}
      </FormDialog>
      <EndRecordDialog
        record={ending}
        document={AdminEndOrganisationDocument}
        title={t.endTitle}
        text={t.endText}
        onClose={() => setEnding(null)}
        onEnded={(name, until) => finish(t.ended(name, longDate(until)))}
      />
    </AdminSection>
  );
}

/** Beheer › Organisaties en wijken (issue 11): the city's sociale kaart, kept by an admin. */
export function OrganisationsPage() {
  const [showEndedDistricts, setShowEndedDistricts] = useState(false);
  // Ended wijken too: their names are needed for organisations and partnerships that were active there.
  const [districts, reexecute] = useQuery({ query: AdminDistrictsDocument, variables: { includeEnded: true } });
  const all = districts.data?.adminDistricts.nodes ?? [];
  return (
    <AdminFrame title={t.title} lead={t.lead}>
      <nav className="admin-org-nav" aria-label={t.sectionsNav}>
        <a href="#organisaties">{t.organisationsTitle}</a>
        <a href="#wijken">{t.districtsTitle}</a>
        <a href="#samenwerking">{t.partnershipsTitle}</a>
      </nav>
      <QueryState result={districts} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      {districts.data ? (
        <>
          <OrganisationsSection districts={all} />
          <DistrictsSection
            districts={all}
            showEnded={showEndedDistricts}
            onShowEnded={setShowEndedDistricts}
            onChanged={() => reexecute({ requestPolicy: 'network-only' })}
          />
          <PartnershipsSection districts={all} />
        </>
      ) : null}
    </AdminFrame>
  );
}
