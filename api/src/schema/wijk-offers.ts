import { findCircleDistrictOffers, type CircleDistrictOffers, type DistrictOffer } from '@wijkkring/graph';
import { builder } from '../builder.js';
import { todayOf } from '../wijk/service.js';
import { OfferingCategoryEnum, uuid } from './common.js';

// Aanbod in je wijk (issue 14): what the wijk of a circle's client offers today, for the client
// and their begeleider. Offerings are public; which organisations are already in the circle is not,
// so the read is checked and recorded as a read of that client's circle.

const DistrictOfferRef = builder.objectRef<DistrictOffer & { where: string }>('DistrictOffer').implement({
  description: 'One current offering in the client’s wijk, with its organisation.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'The offering.' }),
    category: t.field({ type: OfferingCategoryEnum, resolve: (o) => o.category }),
    name: t.exposeString('name', { description: 'The offering’s own name.' }),
    organisationId: t.exposeID('organisationId'),
    organisationName: t.exposeString('organisationName'),
    where: t.exposeString('where', {
      description: 'Where it is offered: the wijk’s name (the sociale kaart records no addresses).',
    }),
    languages: t.exposeStringList('languages', {
      description: 'Languages it is given in (BCP 47 tags); empty when only Dutch is meant.',
    }),
    inCircle: t.exposeBoolean('inCircle', { description: 'The organisation is already placed in this circle.' }),
  }),
});

const DistrictOffersRef = builder.objectRef<CircleDistrictOffers>('DistrictOffers').implement({
  description: 'The offers of the wijk a circle’s client lives in, valid today.',
  fields: (t) => ({
    circleId: t.exposeID('circleId'),
    districtId: t.id({ nullable: true, resolve: (o) => o.district?.id ?? null }),
    districtName: t.string({
      nullable: true,
      description: 'The client’s wijk; null when none is recorded (then there are no offers).',
      resolve: (o) => o.district?.name ?? null,
    }),
    offers: t.field({
      type: [DistrictOfferRef],
      description: 'By kind, then organisation and offering name.',
      resolve: (o) => o.offers.map((offer) => ({ ...offer, where: o.district?.name ?? '' })),
    }),
  }),
});

builder.queryField('districtOffers', (t) =>
  t.field({
    type: DistrictOffersRef,
    description:
      'Aanbod in je wijk: the current offers of the wijk of the circle’s client, and which organisations are already in the circle. One round trip.',
    args: { circleId: t.arg.id({ validate: uuid }) },
    resolve: async (_root, args, context) => {
      const found = await context.db.read((tx) => findCircleDistrictOffers(tx, args.circleId, todayOf(context)));
      // A missing circle is refused like someone else's (issue 11): nobody learns which ids exist.
      const offers = context.access.requireFound('Query.districtOffers', found, {
        message: 'No such circle.',
        field: 'circleId',
      });
      // Which organisations are in the circle is circle content: recorded in the client's trail like any read of it.
      context.audit.note({ clientId: offers.clientId, subject: 'DistrictOffers', action: 'READ', result: 'SUCCESS' });
      return offers;
    },
  }),
);
