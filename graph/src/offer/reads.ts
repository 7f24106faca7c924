import { OFFERING_CATEGORIES } from '../model.js';
import { type Raw } from '../mappers.js';
import { one, type Tx } from '../tx.js';
import { toCircleDistrictOffers } from './mappers.js';
import type { CircleDistrictOffers, DistrictOffer } from './types.js';

/**
 * At most this many offers for one wijk (the demo's busiest has about 40; the synthetic benchmark
 * wijk a few hundred): a page a client scrolls, not an export.
 */
export const MAX_DISTRICT_OFFERS = 500;

// Valid today as on the wijkkaart: started (or no start known) and not yet ended. An organisation
// that ended or was merged into another cannot be added to a circle, so its offers are left out too.
const CIRCLE_DISTRICT_OFFERS = `
MATCH (c:NetworkCircle {id: $circleId})-[:OF]->(client:Client)
WITH c, client, date($today) AS today, head(COLLECT { MATCH (client)-[:LIVES_IN]->(d:District) RETURN d }) AS d
RETURN c.id AS circleId, client.id AS clientId, d {.id, .name} AS district,
  COLLECT {
    MATCH (d)<-[:IN]-(f:Offering)<-[:OFFERS]-(o:Organisation)
    WHERE (f.since IS NULL OR f.since <= today) AND (f.until IS NULL OR f.until > today)
      AND o.mergedInto IS NULL AND (o.until IS NULL OR o.until > today)
    RETURN f {.id, .category, .name, .languages, organisationId: o.id, organisationName: o.name,
              inCircle: EXISTS { (c)-[:PLACES]->(o) }} AS offer
  }[..$limit] AS offers`;

const dutch = new Intl.Collator('nl', { sensitivity: 'base' });

/** Kinds in the model's order, then organisation and offering by Dutch name; the id only to make equal names stable. */
function byKindAndName(a: DistrictOffer, b: DistrictOffer): number {
  return (
    OFFERING_CATEGORIES.indexOf(a.category) - OFFERING_CATEGORIES.indexOf(b.category) ||
    dutch.compare(a.organisationName, b.organisationName) ||
    dutch.compare(a.name, b.name) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/**
 * What the wijk of a circle's client offers on `today` (ISO date), in one round trip, with for each
 * offer whether its organisation is already in that circle. Undefined when there is no such circle.
 * Only public facts about organisations leave this function, besides the circle's owner (for the
 * access check) and the in-circle marks of the circle asked about.
 */
export async function findCircleDistrictOffers(
  tx: Tx,
  circleId: string,
  today: string,
): Promise<CircleDistrictOffers | undefined> {
  const record = await one<Raw>(tx, CIRCLE_DISTRICT_OFFERS, { circleId, today, limit: MAX_DISTRICT_OFFERS });
  if (!record) return undefined;
  const found = toCircleDistrictOffers(record);
  return { ...found, offers: found.offers.sort(byKindAndName) };
}
