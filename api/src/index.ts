// The public entry of @wijkkring/api.
export { loadEnv, type Env } from './env.js';
export { createYogaApp, startServer, type RunningServer, type ServerOptions } from './server.js';
export { schema } from './schema/index.js';
