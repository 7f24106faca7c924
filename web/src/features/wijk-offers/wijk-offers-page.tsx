import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import {
  BackIcon,
  BuddyIcon,
  CareBagIcon,
  CheckIcon,
  DistrictIcon,
  DoctorIcon,
  DoorIcon,
  EuroIcon,
  FamilyIcon,
  HandHeartIcon,
  HomeIcon,
  InfoIcon,
  MealIcon,
  MindIcon,
  PeopleIcon,
  PinIcon,
  PlusIcon,
  ShelterIcon,
  SpeechIcon,
  SportIcon,
  SunIcon,
} from '../../components/icons';
import { LoadError, Loading, NotFoundMessage } from '../../components/load-state';
import {
  AddOfferOrganisationDocument,
  WijkOffersPageDocument,
  type OfferingCategory,
  type WijkOffersPageQuery,
} from '../../gql/graphql';
import { nl } from '../../messages/nl';
import { defaultPlacement } from '../circle/circle-state';
import { editProblem } from '../circle/edit-problem';
import { RoleGate } from '../session/guards';
import { useSignedInViewer } from '../session/session-context';
import {
  filterOffers,
  groupByKind,
  kindsOf,
  languageList,
  languageName,
  languagesOf,
  NO_FILTER,
  type OfferFilter,
} from './offer-model';
import './wijk-offers.css';

type Data = WijkOffersPageQuery;
type Offer = Data['districtOffers']['offers'][number];

const KIND_ICONS: Record<OfferingCategory, ReactNode> = {
  BUDDY: <BuddyIcon />,
  WALK_IN: <DoorIcon />,
  SPORT: <SportIcon />,
  LANGUAGE: <SpeechIcon />,
  PEER_SUPPORT: <PeopleIcon />,
  DEBT_SUPPORT: <EuroIcon />,
  MEALS: <MealIcon />,
  HOUSING: <HomeIcon />,
  DAY_ACTIVITIES: <SunIcon />,
  GENERAL_PRACTICE: <DoctorIcon />,
  DISTRICT_NURSING: <CareBagIcon />,
  VOLUNTEERING: <HandHeartIcon />,
  YOUTH_FAMILY: <FamilyIcon />,
  MENTAL_HEALTH: <MindIcon />,
  NEIGHBOURHOOD_SUPPORT: <DistrictIcon />,
  SHELTERED_LIVING: <ShelterIcon />,
};

/** The words of the page for a client ("je kring") or for their begeleider ("de kring"). */
function wordsFor(asClient: boolean) {
  const o = nl.offers;
  return {
    back: asClient ? o.backToCircle : o.backToCircleFor,
    add: asClient ? o.add : o.addFor,
    addLabel: asClient ? o.addLabel : o.addLabelFor,
    added: asClient ? o.added : o.addedFor,
    inCircle: asClient ? o.inCircle : o.inCircleFor,
    nowInCircle: asClient ? o.nowInCircle : o.nowInCircleFor,
    viewCircle: asClient ? o.viewCircle : o.viewCircleFor,
    ringLabel: asClient ? o.ringLabel : o.ringLabelFor,
  };
}
type Words = ReturnType<typeof wordsFor>;

/** What happened to one organisation on this visit. */
type AddState = { readonly kind: 'busy' } | { readonly kind: 'added' } | { readonly kind: 'failed'; readonly text: string };

interface FiltersProps {
  readonly offers: readonly Offer[];
  readonly filter: OfferFilter;
  readonly onFilter: (filter: OfferFilter) => void;
}

/** Kind as toggle buttons (one pressed at a time), language as a list: both work with keys and a screen reader. */
function Filters({ offers, filter, onFilter }: FiltersProps) {
  const kindId = useId();
  const languageId = useId();
  const kinds = kindsOf(offers);
  const languages = languagesOf(offers);
  return (
    <>
      <h2 id={kindId} className="offers-filter-label">
        {nl.offers.kindLegend}
      </h2>
      <div className="offers-kinds" role="group" aria-labelledby={kindId}>
        <button
          type="button"
          className="offers-kind"
          aria-pressed={filter.kind === null}
          onClick={() => onFilter({ ...filter, kind: null })}
        >
          {nl.offers.allKinds}
        </button>
        {kinds.map(({ category }) => (
          <button
            key={category}
            type="button"
            className="offers-kind"
            aria-pressed={filter.kind === category}
            onClick={() => onFilter({ ...filter, kind: category })}
          >
            {KIND_ICONS[category]} {nl.offers.kind[category]}
          </button>
        ))}
      </div>
      {languages.length > 1 ? (
        <div className="field offers-language">
          <label htmlFor={languageId}>{nl.offers.languageLabel}</label>
          <select
            id={languageId}
            className="input"
            value={filter.language ?? ''}
            onChange={(event) => onFilter({ ...filter, language: event.target.value === '' ? null : event.target.value })}
          >
            <option value="">{nl.offers.allLanguages}</option>
            {languages.map((tag) => (
              <option key={tag} value={tag}>
                {languageName(tag)}
              </option>
            ))}
          </select>
        </div>
      ) : null}
    </>
  );
}

interface OfferCardProps {
  readonly offer: Offer;
  readonly circleId: string;
  readonly words: Words;
  readonly editable: boolean;
  readonly state: AddState | undefined;
  readonly onAdd: (offer: Offer) => void;
}

function OfferCard({ offer, circleId, words, editable, state, onAdd }: OfferCardProps) {
  const linkRef = useRef<HTMLAnchorElement>(null);
  const added = state?.kind === 'added';
  // After adding, the button is gone: the keyboard goes on from the link back to the circle.
  useEffect(() => {
    if (added) linkRef.current?.focus();
  }, [added]);
  const languages = offer.languages.length > 1;
  return (
    <li className="offer-card">
      <h3 className="offer-organisation">{offer.organisationName}</h3>
      <p className="offer-name">{offer.name}</p>
      <dl className="offer-facts">
        <div>
          <dt>
            <PinIcon /> {nl.offers.where}:
          </dt>
          <dd>{offer.where}</dd>
        </div>
        <div>
          <dt>
            <SpeechIcon /> {languages ? nl.offers.languages : nl.offers.language}:
          </dt>
          <dd>{languageList(offer)}</dd>
        </div>
      </dl>
      {added ? (
        <p className="offer-in-circle">
          <CheckIcon /> {words.nowInCircle}.{' '}
          <Link ref={linkRef} to={`/kring/${encodeURIComponent(circleId)}`}>
            {words.viewCircle}
          </Link>
        </p>
      ) : offer.inCircle ? (
        <p className="offer-in-circle">
          <CheckIcon /> {words.inCircle}
        </p>
      ) : editable ? (
        <>
          <button
            type="button"
            className="button secondary offer-add"
            aria-label={words.addLabel(offer.organisationName)}
            disabled={state?.kind === 'busy'}
            onClick={() => onAdd(offer)}
          >
            <PlusIcon /> {state?.kind === 'busy' ? nl.offers.adding : words.add}
          </button>
          {state?.kind === 'failed' ? (
            <p className="offer-problem" role="alert">
              {state.text}
            </p>
          ) : null}
        </>
      ) : null}
    </li>
  );
}

function OffersView({
  data,
  circleId,
  asClient,
}: {
  readonly data: Data;
  readonly circleId: string;
  readonly asClient: boolean;
}) {
  const words = wordsFor(asClient);
  const ringId = useId();
  const { districtOffers: found, networkCircle: circle, circleLayout: layout } = data;
  const editable = circle !== null && circle.editable && circle.frozenAt === null;
  const place = defaultPlacement('ORGANISATION', layout);
  const [ring, setRing] = useState(place.ring);
  const [filter, setFilter] = useState<OfferFilter>(NO_FILTER);
  const [states, setStates] = useState<ReadonlyMap<string, AddState>>(new Map());
  const [status, setStatus] = useState('');
  const [, addEntry] = useMutation(AddOfferOrganisationDocument);

  const setState = (organisationId: string, state: AddState) =>
    setStates((current) => new Map(current).set(organisationId, state));

  const onFilter = (next: OfferFilter) => {
    setFilter(next);
    setStatus(nl.offers.shown(filterOffers(found.offers, next).length));
  };

  const onAdd = async (offer: Offer) => {
    setState(offer.organisationId, { kind: 'busy' });
    const result = await addEntry({
      input: {
        circleId,
        organisationId: offer.organisationId,
        ring,
        sector: place.sector,
        // The rest is the client's to fill in later, in the circle.
        person: null,
        personId: null,
        relation: null,
        support: [],
        frequency: null,
        wish: null,
        note: null,
      },
    });
    const ringLabel = layout.rings.find((r) => r.ring === ring)?.label ?? String(ring);
    if (!result.error) {
      setState(offer.organisationId, { kind: 'added' });
      setStatus(words.added(offer.organisationName, ringLabel));
      return;
    }
    const problem = editProblem(result.error);
    // Added meanwhile (on another device, or in another kind on this page): it is there, which is what was asked.
    if (problem.kind === 'DUPLICATE') {
      setState(offer.organisationId, { kind: 'added' });
      return;
    }
    const text =
      problem.kind === 'FORBIDDEN' ? nl.offers.forbidden : problem.kind === 'FROZEN' ? nl.offers.readOnly : nl.offers.addFailed;
    setState(offer.organisationId, { kind: 'failed', text });
  };

  const shown = filterOffers(found.offers, filter);
  const wijk = found.districtName;
  return (
    <>
      <title>{nl.app.pageTitle(asClient ? nl.offers.title : nl.offers.titleFor(circle?.clientName ?? ''))}</title>
      <h1>
        <PinIcon /> {asClient ? nl.offers.title : nl.offers.titleFor(circle?.clientName ?? '')}
      </h1>
      {wijk === null ? (
        <p className="lead">{asClient ? nl.offers.noWijk : nl.offers.noWijkFor}</p>
      ) : (
        <p className="lead">{asClient ? nl.offers.intro(wijk) : nl.offers.introFor(wijk)}</p>
      )}
      {wijk !== null && found.offers.length === 0 ? <p>{nl.offers.none}</p> : null}
      {found.offers.length > 0 ? (
        <section className="panel offers-choose" aria-label={nl.offers.choose}>
          <Filters offers={found.offers} filter={filter} onFilter={onFilter} />
          {editable ? (
            <div className="field offers-ring">
              <label htmlFor={ringId}>{words.ringLabel}</label>
              <select id={ringId} className="input" value={ring} onChange={(event) => setRing(Number(event.target.value))}>
                {layout.rings.map((r) => (
                  <option key={r.ring} value={r.ring}>
                    {nl.offers.ringOption(r.ring, r.label)}
                  </option>
                ))}
              </select>
            </div>
          ) : (
            <p className="notice calm">
              <InfoIcon /> {nl.offers.readOnly}
            </p>
          )}
        </section>
      ) : null}
      {/* Always in the page, so a screen reader hears how many are shown and what was added. */}
      <p className="offers-status" role="status" aria-live="polite">
        {status}
      </p>
      {found.offers.length > 0 && shown.length === 0 ? <p>{nl.offers.noneShown}</p> : null}
      {groupByKind(shown).map((group) => (
        <section key={group.category} className="offers-group" aria-labelledby={`${ringId}-${group.category}`}>
          <h2 id={`${ringId}-${group.category}`} className="offers-group-title">
            {KIND_ICONS[group.category]} {nl.offers.kind[group.category]}
          </h2>
          <ul className="offer-list">
            {group.offers.map((offer) => (
              <OfferCard
                key={offer.id}
                offer={offer}
                circleId={circleId}
                words={words}
                editable={editable}
                state={states.get(offer.organisationId)}
                onAdd={(o) => void onAdd(o)}
              />
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}

function Offers({ circleId, asClient }: { readonly circleId: string; readonly asClient: boolean }) {
  const [result, reexecute] = useQuery({ query: WijkOffersPageDocument, variables: { circleId } });
  const words = wordsFor(asClient);
  const data = result.data;
  return (
    <div className="page wide wijk-offers">
      <p className="back">
        <Link to={`/kring/${encodeURIComponent(circleId)}`}>
          <BackIcon /> {words.back}
        </Link>
      </p>
      {data ? (
        <OffersView data={data} circleId={circleId} asClient={asClient} />
      ) : (
        <>
          <title>{nl.app.pageTitle(nl.offers.title)}</title>
          <h1>
            <PinIcon /> {nl.offers.title}
          </h1>
          {result.fetching ? <Loading /> : null}
          {result.error ? <LoadError error={result.error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} /> : null}
          {!result.fetching && !result.error ? <NotFoundMessage /> : null}
        </>
      )}
    </div>
  );
}

/** Aanbod in je wijk (issue 14): what the client's wijk offers, by kind; one tap puts an organisation in the circle. */
export function WijkOffersPage() {
  const { circleId = '' } = useParams();
  const viewer = useSignedInViewer();
  return (
    <RoleGate roles={['CLIENT', 'SUPPORT_WORKER']}>
      <Offers circleId={circleId} asClient={viewer.role === 'CLIENT'} />
    </RoleGate>
  );
}
