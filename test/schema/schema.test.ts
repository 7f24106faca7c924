import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { accessMatrixMarkdown, schema } from '@wijkkring/api';
import { printSchema } from 'graphql';
import { describe, expect, it } from 'vitest';

const committed = readFileSync(fileURLToPath(new URL('../../api/schema.graphql', import.meta.url)), 'utf8');

describe('the committed access matrix (issue 3)', () => {
  it('is what the policy prints (run `npm run schema:print` after changing api/src/access/policy.ts)', () => {
    const doc = readFileSync(fileURLToPath(new URL('../../docs/ACCESS.md', import.meta.url)), 'utf8');
    expect(doc).toBe(accessMatrixMarkdown());
  });
});

describe('the committed schema (issue 2)', () => {
  it('is what the code prints (run `npm run schema:print` after changing the API)', () => {
    expect(committed).toBe(`${printSchema(schema)}\n`);
  });

  it('offers the reads the web app needs', () => {
    const fields = Object.keys(schema.getQueryType()?.getFields() ?? {});
    expect(fields).toEqual(
      expect.arrayContaining([
        'districts',
        'district',
        'organisation',
        'organisations',
        'networkCircle',
        'client',
        'clients',
        'circleLayout',
        'viewer',
      ]),
    );
  });

  it('bounds every list argument named first', () => {
    const query = schema.getQueryType();
    const paginated = Object.values(query?.getFields() ?? {}).filter((field) => field.args.some((arg) => arg.name === 'first'));
    expect(paginated.length).toBeGreaterThanOrEqual(3);
    for (const field of paginated) expect(field.args.find((arg) => arg.name === 'first')?.defaultValue).toBe(50);
  });
});
