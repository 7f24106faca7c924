import { persistedExchange } from '@urql/exchange-persisted';
import type { DocumentNode } from 'graphql';
import { Client, cacheExchange, fetchExchange, mapExchange } from 'urql';
import { operationHashes } from '../gql/persisted';
import { hasErrorCode } from './load-error';

/** The name of the (one) operation in a document. */
export function operationName(document: DocumentNode): string | undefined {
  for (const definition of document.definitions) {
    // Only operation definitions have `operation`; checking it keeps graphql-js's runtime out of the bundle.
    if ('operation' in definition) return definition.name?.value;
  }
  return undefined;
}

/**
 * The hash of an operation's persisted text, looked up by its name (web/codegen.mjs computed it
 * from the same .graphql source). In production the API runs only documents it knows by hash.
 */
export function persistedHash(document: DocumentNode): string | undefined {
  const name = operationName(document);
  return name === undefined ? undefined : operationHashes[name];
}

/**
 * A fresh client, with an empty cache. The app makes a new one at every login and logout, so
 * nothing one person saw is shown to the next person on the same tablet.
 *
 * - Same-origin only (Vite forwards /graphql in development); the session cookie goes along.
 * - `x-wijkkring-csrf: 1` on every request: the API refuses requests without it, which a form on
 *   another site cannot add.
 * - Every operation, mutations included, is sent as a persisted operation: first the hash alone.
 *   When the server does not know the hash (it answers "PersistedQueryNotFound", only in
 *   development), the exchange sends it again with the text.
 * - Subscriptions (the circle editor's live updates) go over server-sent events through the same
 *   fetch, with the same cookie and header, and as persisted operations too: production runs
 *   nothing else. No websocket, so no second connection type to secure.
 * - `onUnauthenticated` is called whenever an answer says UNAUTHENTICATED (session expired or ended).
 */
export function createUrqlClient(onUnauthenticated: () => void): Client {
  return new Client({
    url: '/graphql',
    exchanges: [
      cacheExchange,
      mapExchange({
        onError(error) {
          if (hasErrorCode(error, 'UNAUTHENTICATED')) onUnauthenticated();
        },
      }),
      persistedExchange({
        enableForMutation: true,
        enableForSubscriptions: true,
        // Keep POST: GET URLs end up in access logs, and the API is specified as `POST /graphql`.
        preferGetForPersistedQueries: false,
        generateHash: (_query, document) => Promise.resolve(persistedHash(document)),
      }),
      fetchExchange,
    ],
    preferGetMethod: false,
    fetchSubscriptions: true,
    fetchOptions: { credentials: 'same-origin', headers: { 'x-wijkkring-csrf': '1' } },
  });
}
