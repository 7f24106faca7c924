import SchemaBuilder from '@pothos/core';
import ValidationPlugin from '@pothos/plugin-validation';
import type { Context } from './context.js';
import { invalidInput } from './errors.js';

/** Pothos setup only; types live in schema/<type>.ts. */
export const builder = new SchemaBuilder<{
  Context: Context;
  DefaultFieldNullability: false;
  DefaultInputFieldRequiredness: true;
  Scalars: {
    ID: { Input: string; Output: string };
    DateTime: { Input: string; Output: string };
    Date: { Input: string; Output: string };
  };
}>({
  plugins: [ValidationPlugin],
  defaultFieldNullability: false,
  defaultInputFieldRequiredness: true,
  validation: {
    validationError: (result) => invalidInput(result.issues),
  },
});

builder.scalarType('DateTime', {
  description: 'An ISO-8601 date and time in UTC, for example 2026-03-14T09:30:00Z.',
  serialize: (value) => value,
  parseValue: (value) => {
    if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) throw new TypeError('DateTime must be an ISO-8601 string');
    return value;
  },
});

builder.scalarType('Date', {
  description: 'An ISO-8601 calendar date, for example 2026-03-14.',
  serialize: (value) => value,
  parseValue: (value) => {
    if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new TypeError('Date must be YYYY-MM-DD');
    return value;
  },
});

builder.queryType({ description: 'Everything Wijkkring can be asked.' });
builder.mutationType({ description: 'Every change Wijkkring makes. Each is checked by the access policy and audited.' });
