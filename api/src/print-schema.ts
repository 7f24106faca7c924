// Writes the printed, sorted schema to api/schema.graphql and the access matrix to docs/ACCESS.md
// (both committed; the schema tier fails when either is stale).
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { printSchema } from 'graphql';
import { accessMatrixMarkdown } from './access/matrix-doc.js';
import { schema } from './schema/index.js';

const target = fileURLToPath(new URL('../schema.graphql', import.meta.url));
writeFileSync(target, `${printSchema(schema)}\n`);
console.log(`wrote ${target}`);
const matrix = fileURLToPath(new URL('../../docs/ACCESS.md', import.meta.url));
writeFileSync(matrix, accessMatrixMarkdown());
console.log(`wrote ${matrix}`);
