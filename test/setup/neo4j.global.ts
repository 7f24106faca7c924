import type { TestProject } from 'vitest/node';
import { testNeo4j } from './neo4j.js';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const neo = await testNeo4j();
  project.provide('neo4j', { uri: neo.uri, user: neo.user, password: neo.password });
  return () => neo.stop();
}
