/** Where "Aanbod in je wijk" of a circle lives (issue 14); its own module, so linking to it does not load the page. */
export function offersPath(circleId: string): string {
  return `/kring/${encodeURIComponent(circleId)}/aanbod`;
}
