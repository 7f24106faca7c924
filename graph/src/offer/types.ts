import type { OfferingCategory } from '../model.js';

/** One current offering in a client's wijk, as the client's "Aanbod in je wijk" page lists it. */
export interface DistrictOffer {
  /** The offering's id. */
  id: string;
  category: OfferingCategory;
  /** The offering's own name ("Taalcafé"). */
  name: string;
  organisationId: string;
  organisationName: string;
  /** Languages it is given in (BCP 47 tags); empty when only Dutch is meant. */
  languages: string[];
  /** The organisation is already placed in this circle. */
  inCircle: boolean;
}

/** The offers of the wijk a circle's client lives in, today. */
export interface CircleDistrictOffers {
  circleId: string;
  /** The client whose circle it is: the access check looks at it. */
  clientId: string;
  /** The client's wijk; null when the client has none recorded (then there are no offers). */
  district: { id: string; name: string } | null;
  offers: DistrictOffer[];
}
