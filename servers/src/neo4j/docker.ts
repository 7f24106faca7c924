import { spawnSync } from 'node:child_process';
import { request } from 'node:http';
import { join } from 'node:path';
import type { RunningNeo4j } from './local.js';
import { NEO4J_VERSION } from './local.js';
import { repoRoot } from '../paths.js';
import { childProcessEnv, type Neo4jSettings } from '../settings.js';

/** True when a Docker engine answers its ping within a second (the client alone is not enough). */
export async function dockerAnswers(settings: Neo4jSettings): Promise<boolean> {
  const host = settings.DOCKER_HOST ?? 'unix:///var/run/docker.sock';
  const target = host.startsWith('unix://')
    ? { socketPath: host.slice('unix://'.length) }
    : (() => {
        const url = new URL(host.replace(/^tcp:/, 'http:'));
        return { host: url.hostname, port: Number(url.port || 2375) };
      })();
  return new Promise((resolve) => {
    const req = request({ ...target, path: '/_ping', method: 'GET', timeout: 1000 }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('timeout', () => {
      req.destroy();
      resolve(false);
    });
    req.on('error', () => resolve(false));
    req.end();
  });
}

/** `npm start` with Docker: the `neo4j` service of docker-compose.yml, data in a named volume. */
export function startComposeNeo4j(settings: Neo4jSettings, log: (line: string) => void): RunningNeo4j {
  const file = join(repoRoot(), 'docker-compose.yml');
  const password = settings.NEO4J_PASSWORD ?? 'wijkkring-dev';
  const env = childProcessEnv({ NEO4J_PASSWORD: password });
  log('Neo4j starten met docker compose ...');
  const up = spawnSync('docker', ['compose', '-f', file, 'up', '--detach', '--wait', 'neo4j'], { stdio: 'inherit', env });
  if (up.status !== 0) throw new Error('docker compose could not start the neo4j service.');
  return {
    uri: 'bolt://127.0.0.1:7687',
    user: 'neo4j',
    password,
    kind: 'docker',
    stop: () => {
      spawnSync('docker', ['compose', '-f', file, 'stop', 'neo4j'], { stdio: 'inherit', env });
      return Promise.resolve();
    },
  };
}

/** Tests with Docker: a throw-away container per test run. */
export async function startTestcontainer(): Promise<RunningNeo4j> {
  // Loaded only on this path, so machines without Docker never load testcontainers.
  const { Neo4jContainer } = await import('@testcontainers/neo4j');
  const password = 'wijkkring-test';
  const container = await new Neo4jContainer(`neo4j:${NEO4J_VERSION}-community`).withPassword(password).start();
  return {
    uri: container.getBoltUri(),
    user: container.getUsername(),
    password: container.getPassword(),
    kind: 'testcontainers',
    stop: async () => {
      await container.stop();
    },
  };
}
