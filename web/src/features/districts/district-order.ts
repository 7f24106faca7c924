/**
 * The districts page's sections: the viewer's own wijken at the top (a coordinator may have
 * several, issue 11), then the focus wijken and the others, each in the API's order (by name).
 * An own wijk is not repeated below.
 */
export function splitDistricts<D extends { readonly id: string; readonly focus: boolean }>(
  districts: readonly D[],
  ownIds: readonly string[],
): { own: D[]; focus: D[]; other: D[] } {
  const own = ownIds.flatMap((id) => districts.filter((d) => d.id === id));
  const rest = districts.filter((d) => !own.includes(d));
  return { own, focus: rest.filter((d) => d.focus), other: rest.filter((d) => !d.focus) };
}
