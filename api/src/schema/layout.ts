import type { CircleLayout } from '@wijkkring/graph';
import { builder } from '../builder.js';

type Ring = CircleLayout['rings'][number];
type Sector = CircleLayout['sectors'][number];

const RingRef = builder.objectRef<Ring>('CircleRing').implement({
  fields: (t) => ({
    ring: t.exposeInt('ring', { description: '1 is the innermost ring.' }),
    key: t.exposeString('key'),
    label: t.exposeString('label'),
    description: t.exposeString('description'),
  }),
});

const SectorRef = builder.objectRef<Sector>('CircleSector').implement({
  fields: (t) => ({
    key: t.exposeString('key'),
    label: t.exposeString('label'),
    description: t.exposeString('description'),
  }),
});

const Layout = builder.objectRef<CircleLayout>('CircleLayout').implement({
  description: 'The rings and sectors of this deployment (default: the netwerkcirkel van Lensink).',
  fields: (t) => ({
    rings: t.field({ type: [RingRef], resolve: (layout) => layout.rings }),
    sectors: t.field({ type: [SectorRef], resolve: (layout) => layout.sectors }),
  }),
});

builder.queryField('circleLayout', (t) => t.field({ type: Layout, resolve: (_root, _args, context) => context.layout }));
