/**
 * The districts page's sections: the viewer's own wijk on its own at the top, then the focus
 * wijken and the others, each in the API's order (by name). The own wijk is not repeated below.
 */
export function splitDistricts<D extends { readonly id: string; readonly focus: boolean }>(
  districts: readonly D[],
  ownId: string | null,
): { own: D | null; focus: D[]; other: D[] } {
  const own = districts.find((d) => d.id === ownId) ?? null;
  const rest = districts.filter((d) => d !== own);
  return { own, focus: rest.filter((d) => d.focus), other: rest.filter((d) => !d.focus) };
}
