import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stateDirSetting } from './settings.js';

/** The repository root: the nearest folder above this file that holds pnpm-workspace.yaml. */
export function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'pnpm-workspace.yaml'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('Cannot find the Wijkkring repository root (pnpm-workspace.yaml).');
    dir = parent;
  }
  return dir;
}

/** Project-local state that is never committed: downloaded jars, Neo4j homes, locks. */
export function stateDir(configured: string | undefined = stateDirSetting()): string {
  return configured ?? join(repoRoot(), '.wijkkring');
}
