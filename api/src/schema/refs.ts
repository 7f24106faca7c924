import type {
  CircleEntry,
  CircleSummary,
  CircleTie,
  ClientSummary,
  DistrictNetwork,
  KeyFigureSummary,
  Link as LinkValue,
  NetworkCircle as NetworkCircleValue,
  OfferingSummary,
  OrganisationShaped,
  OrganisationSummary,
  PartnershipSummary,
} from '@wijkkring/graph';
import { builder } from '../builder.js';

// Object references, declared before they are implemented so that types can point at each other
// without import cycles. Each is implemented in its own schema/<type>.ts.
export const District = builder.objectRef<DistrictNetwork>('District');
export const Organisation = builder.objectRef<OrganisationSummary | OrganisationShaped>('Organisation');
export const Partnership = builder.objectRef<PartnershipSummary>('Partnership');
export const KeyFigure = builder.objectRef<KeyFigureSummary>('KeyFigure');
export const Link = builder.objectRef<LinkValue>('Link');
export const Offering = builder.objectRef<OfferingSummary>('Offering');
export const Client = builder.objectRef<ClientSummary>('Client');
export const NetworkCircle = builder.objectRef<NetworkCircleValue | CircleSummary>('NetworkCircle');
export const CircleEntryRef = builder.objectRef<CircleEntry>('CircleEntry');
export const CircleTieRef = builder.objectRef<CircleTie>('CircleTie');
