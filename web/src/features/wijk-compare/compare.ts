/** Pure helpers of "Wijken vergelijken": counts per row and wijk, the order of wijken, what the own wijk lacks. */

export interface DistrictCount {
  readonly districtId: string;
  readonly organisations: number;
}

export interface CoverageRow<K extends string> {
  readonly key: K;
  readonly districts: readonly DistrictCount[];
}

export interface DistrictLike {
  readonly id: string;
  readonly name: string;
  readonly focus: boolean;
}

/** How many organisations of a row a wijk has; 0 when the API left the wijk out. */
export function countIn(row: { readonly districts: readonly DistrictCount[] }, districtId: string): number {
  return row.districts.find((d) => d.districtId === districtId)?.organisations ?? 0;
}

/** The viewer's own wijk first, then focus wijken, then the others, each by name (Dutch order). */
export function orderDistricts<D extends DistrictLike>(districts: readonly D[], ownId: string | null): D[] {
  const rank = (d: D) => (d.id === ownId ? 0 : d.focus ? 1 : 2);
  return [...districts].sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name, 'nl'));
}

/** Categories another wijk has and the own wijk does not, with the wijken that have them (by name). */
export function missingInOwn<K extends string, D extends DistrictLike>(
  rows: readonly CoverageRow<K>[],
  ownId: string,
  districts: readonly D[],
): { key: K; elsewhere: D[] }[] {
  const others = orderDistricts(
    districts.filter((d) => d.id !== ownId),
    null,
  );
  return rows
    .filter((row) => countIn(row, ownId) === 0)
    .map((row) => ({ key: row.key, elsewhere: others.filter((d) => countIn(row, d.id) > 0) }))
    .filter((entry) => entry.elsewhere.length > 0);
}

/** The largest count of any row in any of these wijken (at least 1), so every small chart shares one scale. */
export function largestCount(
  rows: readonly { readonly districts: readonly DistrictCount[] }[],
  districtIds: readonly string[],
): number {
  let max = 1;
  for (const row of rows) for (const id of districtIds) max = Math.max(max, countIn(row, id));
  return max;
}

/** The length of a bar of `count` on a scale to `max` over `width` units; 0 stays 0. */
export function barLength(count: number, max: number, width: number): number {
  if (count <= 0 || max <= 0) return 0;
  return Math.max(2, (Math.min(count, max) / max) * width);
}
