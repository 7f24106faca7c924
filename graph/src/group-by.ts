/**
 * Groups values by a key, in the order they come; a value whose key is null is left out.
 * (Map.groupBy does this from Node 21 on; Wijkkring also runs on Node 20.)
 */
export function groupBy<T>(values: readonly T[], key: (value: T) => string | null): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const value of values) {
    const k = key(value);
    if (k === null) continue;
    const group = groups.get(k);
    if (group) group.push(value);
    else groups.set(k, [value]);
  }
  return groups;
}
