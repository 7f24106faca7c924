import { CONDITIONS, POLICY, POLICY_ROLES, type Rule } from './policy.js';

const SHOWN: Record<string, string> = { allow: 'yes', deny: '—' };

function cell(rule: Rule): string {
  return SHOWN[rule] ?? `if ${rule}`;
}

function table(rows: [string, { rules: Record<string, Rule> }, string][]): string {
  const header = `| | ${POLICY_ROLES.join(' | ')} | |\n|---|${POLICY_ROLES.map(() => '---').join('|')}|---|`;
  const lines = rows.map(
    ([name, row, note]) =>
      `| \`${name}\` | ${POLICY_ROLES.map((role) => cell(row.rules[role] ?? 'deny')).join(' | ')} | ${note} |`,
  );
  return [header, ...lines].join('\n');
}

/** docs/ACCESS.md: the access policy as a table, printed from api/src/access/policy.ts (never edited by hand). */
export function accessMatrixMarkdown(): string {
  const operations = Object.entries(POLICY.operations).map(([key, row]): [string, { rules: Record<string, Rule> }, string] => [
    key,
    row,
    'audit' in row ? `audited as ${row.audit}` : '',
  ]);
  const types = Object.entries(POLICY.types).map(([key, row]): [string, { rules: Record<string, Rule> }, string] => [
    key,
    row,
    [row.clientData ? 'client data: every read audited' : '', 'omitFromLists' in row ? 'left out of lists when not allowed' : '']
      .filter(Boolean)
      .join('; '),
  ]);
  const conditions = Object.entries(CONDITIONS)
    .map(([name, text]) => `- \`${name}\`: ${text}`)
    .join('\n');
  return `# Access matrix

Printed from \`api/src/access/policy.ts\` by \`npm run schema:print\`; the schema tier fails when
this file is stale. \`api/src/access/enforce.ts\` applies it to every resolver; the API tier
(\`test/api/access.test.ts\`) executes it cell by cell. Explanation: [SECURITY.md](SECURITY.md).

"yes" allows, "—" refuses (FORBIDDEN, or UNAUTHENTICATED when nobody is signed in), "if …"
allows when the condition holds for the value or the arguments.

## Conditions

${conditions}

## Operations (root fields, and object fields with a row of their own)

${table(operations)}

## Types (checked wherever a value of the type appears, by any path)

${table(types)}
`;
}
