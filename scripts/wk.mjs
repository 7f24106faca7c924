#!/usr/bin/env node
// The root scripts' entry point. A fresh machine has Node and npm but not pnpm, so this file uses
// nothing but Node: it installs a pinned pnpm into .wijkkring/tools, installs the workspace when
// the lockfile changed, builds what is stale, and then hands over to the built packages.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lockHolder } from '../servers/lock.mjs';

// pnpm 10 is plain JavaScript (bin/pnpm.cjs) and runs on Node 18+, so one pin serves Node 20, 22 and 24.
// pnpm 11+ ships a native binary per platform, which this bootstrap would have to pick itself.
const PNPM_VERSION = '10.34.8';
const root = dirname(dirname(fileURLToPath(import.meta.url)));
const state = join(root, '.wijkkring');
const toolsDir = join(state, 'tools');
const pnpmCli = join(toolsDir, 'node_modules', 'pnpm', 'bin', 'pnpm.cjs');

// Package scripts call `pnpm` by name; make the pinned one the one they find.
process.env.PATH = `${join(toolsDir, 'node_modules', '.bin')}${process.platform === 'win32' ? ';' : ':'}${process.env.PATH ?? ''}`;

const log = (line) => process.stderr.write(`[wijkkring] ${line}\n`);

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', cwd: root, ...options });
  if (result.error) throw result.error;
  if (result.status !== 0) {
    log(`${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status ?? 1);
  }
}

function ensurePnpm() {
  const pkg = join(toolsDir, 'node_modules', 'pnpm', 'package.json');
  if (existsSync(pkg) && JSON.parse(readFileSync(pkg, 'utf8')).version === PNPM_VERSION) return;
  log(`pnpm ${PNPM_VERSION} installeren in .wijkkring/tools (eenmalig) ...`);
  mkdirSync(toolsDir, { recursive: true });
  writeFileSync(join(toolsDir, 'package.json'), '{"private":true}\n');
  run('npm', ['install', '--prefix', toolsDir, '--no-audit', '--no-fund', '--loglevel=error', `pnpm@${PNPM_VERSION}`]);
}

export function pnpm(args, options) {
  ensurePnpm();
  run(process.execPath, [pnpmCli, ...args], options);
}

function hashFiles(files) {
  const hash = createHash('sha256');
  for (const file of files) {
    hash.update(relative(root, file));
    hash.update(existsSync(file) ? readFileSync(file) : '');
  }
  return hash.digest('hex');
}

function listFiles(dir, keep = () => true) {
  if (!existsSync(dir)) return [];
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist' || entry.name === 'gql') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(path, keep));
    else if (keep(path)) out.push(path);
  }
  return out.sort();
}

/** Installs the workspace when the lockfile or a package.json changed since the last install. */
function ensureInstalled() {
  const manifests = [
    'package.json',
    'pnpm-lock.yaml',
    'pnpm-workspace.yaml',
    ...['api', 'graph', 'seed', 'test', 'web'].map((p) => `${p}/package.json`),
  ];
  const digest = hashFiles(manifests.map((m) => join(root, m)));
  const marker = join(root, 'node_modules', '.wijkkring-install');
  if (existsSync(marker) && readFileSync(marker, 'utf8') === digest) return;
  log('npm-pakketten installeren met pnpm ...');
  // pnpm itself insists on the committed lockfile when CI is set (as in .ci/run).
  pnpm(['install', '--reporter=append-only']);
  writeFileSync(marker, digest);
}

/** Compiles the TypeScript packages (incremental) and builds the web app when its sources changed. */
function ensureBuilt() {
  pnpm(['exec', 'tsc', '-b', 'tsconfig.json']);
  const webInputs = [...listFiles(join(root, 'web')), join(root, 'api', 'schema.graphql')];
  const digest = hashFiles(webInputs);
  const marker = join(root, 'web', 'dist', '.wijkkring-build');
  if (existsSync(marker) && readFileSync(marker, 'utf8') === digest) return;
  log('web-app bouwen ...');
  pnpm(['--filter', '@wijkkring/web', 'run', 'build']);
  writeFileSync(marker, digest);
}

/** Checked before building, so a second `npm start` cannot rebuild the app under a running one. */
function refuseSecondStart() {
  const holder = lockHolder(join(state, 'start.lock'));
  if (!holder) return;
  log(`Wijkkring draait al (proces ${holder.pid}). Stop dat eerst met Ctrl-C in dat venster.`);
  log(`Wijkkring is already running (process ${holder.pid}); nothing was started.`);
  process.exit(1);
}

function prepare() {
  ensureInstalled();
  ensureBuilt();
}

const [command = 'start', ...rest] = process.argv.slice(2);
process.env.TZ = process.env.TZ ?? 'UTC';

switch (command) {
  case 'pnpm':
    ensureInstalled();
    pnpm(rest);
    break;
  case 'install':
    ensureInstalled();
    break;
  case 'build':
    prepare();
    break;
  default: {
    if (command === 'start') refuseSecondStart();
    prepare();
    // Only now do the built packages exist; dev.mjs imports them.
    const { main } = await import('./dev.mjs');
    await main(command, rest);
  }
}
