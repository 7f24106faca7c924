import { bool, list, oneOf, str, strList, type Raw } from '../mappers.js';
import { OFFERING_CATEGORIES } from '../model.js';
import type { CircleDistrictOffers, DistrictOffer } from './types.js';

export function toDistrictOffer(raw: Raw): DistrictOffer {
  return {
    id: str(raw, 'id'),
    category: oneOf(OFFERING_CATEGORIES, raw, 'category'),
    name: str(raw, 'name'),
    organisationId: str(raw, 'organisationId'),
    organisationName: str(raw, 'organisationName'),
    languages: strList(raw, 'languages'),
    inCircle: bool(raw, 'inCircle'),
  };
}

export function toCircleDistrictOffers(raw: Raw): CircleDistrictOffers {
  const district = raw['district'];
  return {
    circleId: str(raw, 'circleId'),
    clientId: str(raw, 'clientId'),
    district:
      district !== null && typeof district === 'object'
        ? { id: str(district as Raw, 'id'), name: str(district as Raw, 'name') }
        : null,
    offers: list(raw, 'offers').map(toDistrictOffer),
  };
}
