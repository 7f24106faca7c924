import { builder } from '../builder.js';
import type { Viewer as ViewerValue } from '../viewer.js';

const RoleEnum = builder.enumType('Role', {
  values: ['CLIENT', 'SUPPORT_WORKER', 'COORDINATOR', 'RESEARCHER', 'ADMIN', 'DEVELOPER'] as const,
});

const Viewer = builder.objectRef<ViewerValue>('Viewer').implement({
  description: 'Who is asking.',
  fields: (t) => ({
    id: t.exposeID('id'),
    role: t.expose('role', { type: RoleEnum }),
    development: t.boolean({ resolve: (v) => v.kind === 'development' }),
  }),
});

builder.queryField('viewer', (t) => t.field({ type: Viewer, resolve: (_root, _args, context) => context.viewer }));
