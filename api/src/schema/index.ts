import { lexicographicSortSchema, type GraphQLSchema } from 'graphql';
import { builder } from '../builder.js';
// Each module registers its types with the builder.
import './common.js';
import './district.js';
import './wijk.js';
import './organisation.js';
import './circle.js';
import './circle-edit.js';
import './wijk-offers.js';
import './layout.js';
import './auth.js';
import './access.js';
import './privacy.js';
import './accounts.js';
import './research.js';
import './organisation-admin.js';
import './import.js';
import './audit-review.js';

import { enforcePolicy } from '../access/enforce.js';

/** The schema, sorted (for the committed print), with the access policy on every resolver that needs it. */
export const schema: GraphQLSchema = enforcePolicy(lexicographicSortSchema(builder.toSchema()));
