import { Client, cacheExchange, fetchExchange } from 'urql';

/** The API lives on the same origin (Vite forwards /graphql in development). */
export const urqlClient = new Client({
  url: '/graphql',
  exchanges: [cacheExchange, fetchExchange],
  // Always POST JSON: the API is specified as `POST /graphql`, and GET URLs end up in access logs.
  preferGetMethod: false,
});
