import { useState, type SyntheticEvent } from 'react';
import { useQuery } from 'urql';
import { SuccessMessage, TextField } from '../../components/form';
import { FormDialog } from '../../components/form-dialog';
import { CircleIcon, ListIcon, PencilIcon, PlusIcon, SearchIcon, StopIcon } from '../../components/icons';
import { LoadError, Loading } from '../../components/load-state';
import { ScrollTable } from '../../components/scroll-table';
import {
  AdminDistrictsDocument,
  AdminEndOrganisationDocument,
  AdminOrganisationsDocument,
  type AdminOrganisationRowFragment,
} from '../../gql/graphql';
import { nl } from '../../messages/nl';
import { AdminFrame } from '../admin/admin-frame';
import { longDate } from '../wijk/dates';
import { EndDialog, useAdminMutation } from './admin-forms';
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
  const [endBusy, endOrganisation] = useAdminMutation(AdminEndOrganisationDocument, 'end');
  const page = result.data?.adminOrganisations;
  const organisations = page?.nodes ?? [];
  const districtNames = new Map(districts.map((d) => [d.id, d.name]));
  const organisationNames = new Map(organisations.map((o) => [o.id, o.name]));
  const refresh = () => reexecute({ requestPolicy: 'network-only' });

  const submitSearch = (event: SyntheticEvent) => {
    event.preventDefault();
    setAfter(null);
    setTerm(search.trim() === '' ? null : search.trim());
  };

  return (
    <section className="panel" id="organisaties" aria-labelledby="admin-organisations-title">
      <h2 id="admin-organisations-title">
        <CircleIcon /> {t.organisationsTitle}
      </h2>
      {message ? <SuccessMessage>{message}</SuccessMessage> : null}
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
      <div className="admin-org-toolbar">
        <button type="button" className="button" onClick={() => setEditing('new')}>
          <PlusIcon /> {t.add}
        </button>
        <div className="checkbox">
          <input
            type="checkbox"
            id="organisations-ended"
            checked={showEnded}
            onChange={(e) => {
              setAfter(null);
              setShowEnded(e.target.checked);
            }}
          />
          <label htmlFor="organisations-ended">{t.showEnded}</label>
        </div>
      </div>
      {result.fetching && !result.data ? <Loading /> : null}
      {result.error ? <LoadError error={result.error} onRetry={refresh} /> : null}
      {page ? (
        <p role="status" className="muted">
          {organisations.length === 0 ? t.none : t.found(organisations.length, page.pageInfo.totalCount)}
        </p>
      ) : null}
      {organisations.length > 0 ? (
        <ScrollTable caption={t.caption} boxClassName="admin-org-table-box">
          <thead>
            <tr>
              <th scope="col">{t.colName}</th>
              <th scope="col">{t.colKind}</th>
              <th scope="col">{t.colDistricts}</th>
              <th scope="col">{t.colStatus}</th>
              <th scope="col">{t.colActions}</th>
            </tr>
          </thead>
          <tbody>
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
                        <button
                          type="button"
                          className="button secondary small"
                          aria-label={t.editFor(o.name)}
                          onClick={() => setEditing(o)}
                        >
                          <PencilIcon /> {t.edit}
                        </button>
                      )}
                      {o.mergedIntoId ? null : (
                        <button
                          type="button"
                          className="button secondary small"
                          aria-label={t.offeringsFor(o.name)}
                          aria-expanded={offerings === o.id}
                          onClick={() => setOfferings(offerings === o.id ? null : o.id)}
                        >
                          <ListIcon /> {t.offerings}
                        </button>
                      )}
                      {current ? (
                        <button
                          type="button"
                          className="button secondary small"
                          aria-label={t.mergeFor(o.name)}
                          onClick={() => setMerging(o)}
                        >
                          <CircleIcon /> {t.merge}
                        </button>
                      ) : null}
                      {current ? (
                        <button
                          type="button"
                          className="button secondary small"
                          aria-label={t.endFor(o.name)}
                          onClick={() => setEnding(o)}
                        >
                          <StopIcon /> {t.end}
                        </button>
                      ) : null}
                    </span>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </ScrollTable>
      ) : null}
      {page?.pageInfo.hasNextPage ? (
        <button type="button" className="button secondary" onClick={() => setAfter(page.pageInfo.endCursor)}>
          {t.more}
        </button>
      ) : null}
      {offerings ? <OfferingsPanel organisationId={offerings} districts={districts} onClose={() => setOfferings(null)} /> : null}
      <FormDialog
        open={editing !== null}
        title={editing === 'new' || editing === null ? t.addTitle : t.editTitle(editing.name)}
        onClose={() => setEditing(null)}
      >
        <OrganisationForm
          organisation={editing === 'new' ? null : editing}
          districts={districts}
          onCancel={() => setEditing(null)}
          onDone={(organisation) => {
            setMessage(editing === 'new' ? t.created(organisation.name) : t.updated(organisation.name));
            setEditing(null);
            refresh();
          }}
        />
      </FormDialog>
      <FormDialog open={merging !== null} title={merging ? t.mergeTitle(merging.name) : ''} onClose={() => setMerging(null)}>
        {merging ? (
          <MergeFlow
            duplicate={merging}
            onCancel={() => setMerging(null)}
            onDone={(keep) => {
              setMessage(t.merged(merging.name, keep));
              setMerging(null);
              refresh();
            }}
          />
        ) : null}
      </FormDialog>
      <EndDialog
        open={ending !== null}
        title={ending ? t.endTitle(ending.name) : ''}
        text={t.endText}
        busy={endBusy}
        end={(until) => endOrganisation({ input: { id: ending?.id ?? '', until } })}
        onCancel={() => setEnding(null)}
        onDone={(until) => {
          setMessage(t.ended(ending?.name ?? '', longDate(until)));
          setEnding(null);
          refresh();
        }}
      />
    </section>
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
      {districts.fetching && !districts.data ? <Loading /> : null}
      {districts.error ? (
        <LoadError error={districts.error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      ) : null}
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
