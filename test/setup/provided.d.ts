// Values the global setups hand to tests through vitest's provide/inject.
declare module 'vitest' {
  export interface ProvidedContext {
    /** Connection to the real Neo4j of this test run. */
    neo4j: { uri: string; user: string; password: string };
    /** Base URL of the built Wijkkring server started for the browser tests. */
    baseUrl: string;
  }
}
export {};
