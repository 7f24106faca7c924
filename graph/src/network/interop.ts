/**
 * graphology's algorithm packages are CommonJS with `export default` typings. Under NodeNext, TypeScript
 * types a default import of them as the module object, while Node hands over `module.exports` (the
 * function itself). This picks whichever one holds the value, so the code runs under Node, vitest and a
 * bundler alike without casts at every call site.
 */
export function commonJsDefault<T>(imported: { default: T }): T {
  return (imported as { default?: T }).default ?? (imported as unknown as T);
}
