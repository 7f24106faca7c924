import { lexicographicSortSchema, type GraphQLSchema } from 'graphql';
import { builder } from '../builder.js';
// Each module registers its types with the builder.
import './common.js';
import './district.js';
import './organisation.js';
import './circle.js';
import './layout.js';
import './viewer.js';

export const schema: GraphQLSchema = lexicographicSortSchema(builder.toSchema());
