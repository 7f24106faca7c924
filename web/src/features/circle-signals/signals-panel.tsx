import { useId, type ReactNode } from 'react';
import { Link } from 'react-router';
import {
  DistrictIcon,
  DoctorIcon,
  HeartIcon,
  IdeaIcon,
  InwardIcon,
  OverlapIcon,
  PinIcon,
  SafetyNetIcon,
} from '../../components/icons';
import type { CircleSignalsFieldsFragment, SignalKind } from '../../gql/graphql';
import { nl } from '../../messages/nl';
import { ReadAloudButton } from './read-aloud';
import { offerText, signalText, type Signal } from './signal-text';
import './signals.css';
import { offersPath } from '../wijk-offers/offers-path';

const SIGNAL_ICONS: Record<SignalKind, ReactNode> = {
  NO_SOCIAL_BASE: <DistrictIcon />,
  INNER_RINGS_ONLY_PROFESSIONALS: <HeartIcon />,
  NO_SAFETY_NET: <SafetyNetIcon />,
  SAFETY_NET_ONLY_PROFESSIONALS: <SafetyNetIcon />,
  NO_GENERAL_PRACTITIONER: <DoctorIcon />,
  SUPPORT_OVERLAP: <OverlapIcon />,
  INNER_RINGS_SHRANK: <InwardIcon />,
};

type Circle = Pick<CircleSignalsFieldsFragment, 'id' | 'signals' | 'entries'>;

/** The names of the entries a signal is about, in the order the API gave them, each once. */
function namesOf(signal: Signal, circle: Circle): string[] {
  const byId = new Map(circle.entries.map((e) => [e.id, e.target.name]));
  return [...new Set(signal.entryIds.flatMap((id) => byId.get(id) ?? []))];
}

function SignalItem({ signal, circle }: { readonly signal: Signal; readonly circle: Circle }) {
  const titleId = useId();
  const { title, explanation } = signalText(signal);
  const names = namesOf(signal, circle);
  const offers = signal.offers.map(offerText);
  // Read aloud what is on the card, in the order it is shown.
  const spoken = [title, explanation, names.length > 0 ? `${nl.signals.about}: ${nl.signals.list(names)}.` : '', ...offers]
    .filter((part) => part !== '')
    .join('. ');
  return (
    <li className="signal">
      <h3 id={titleId} className="signal-title">
        {SIGNAL_ICONS[signal.kind]} {title}
      </h3>
      <p className="signal-explanation">{explanation}</p>
      {names.length > 0 ? (
        <p className="signal-about">
          {nl.signals.about}: {nl.signals.list(names)}.
        </p>
      ) : null}
      {signal.offers.length > 0 ? (
        <ul className="signal-offers" aria-label={nl.signals.offersTitle}>
          {signal.offers.map((offer, i) => (
            <li key={`${offer.organisationId}-${offer.category}`}>
              <PinIcon /> {offers[i]}
            </li>
          ))}
        </ul>
      ) : null}
      <ReadAloudButton title={title} text={spoken} />
    </li>
  );
}

/** Aandachtspunten en kansen of one circle: positive, short, with local offers and read-aloud. */
export function SignalsPanel({ circle }: { readonly circle: Circle }) {
  const headingId = useId();
  return (
    <section className="panel signals-panel" aria-labelledby={headingId}>
      <h2 id={headingId}>
        <IdeaIcon /> {nl.signals.title}
      </h2>
      {circle.signals.length === 0 ? (
        <p>{nl.signals.none}</p>
      ) : (
        <>
          <p>{nl.signals.intro}</p>
          <ul className="signal-list">
            {circle.signals.map((signal, i) => (
              <SignalItem key={`${signal.kind}-${signal.supportKind ?? ''}-${String(i)}`} signal={signal} circle={circle} />
            ))}
          </ul>
        </>
      )}
      {/* Aanbod in je wijk (issue 14): everything the wijk offers, not only what fits a signal. */}
      <p className="signals-all-offers">
        <Link className="button secondary" to={offersPath(circle.id)}>
          <PinIcon /> {nl.offers.fromSignals}
        </Link>
      </p>
    </section>
  );
}
