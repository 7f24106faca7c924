import type { PresetLayoutOptions } from 'cytoscape';
import { useMemo } from 'react';
import { GraphCanvas } from '../../components/graph-canvas';
import { nl } from '../../messages/nl';
import { districtElements, legendItems, type DistrictNetwork, type OrganisationGroup } from './elements';
import { WijkLegend } from './wijk-legend';
import { WIJK_STYLESHEET } from './wijk-style';

/** Positions come from wijk-layout.ts; the layout only applies them. */
const LAYOUT: PresetLayoutOptions = { name: 'preset', fit: true, padding: 16, animate: false };

const GROUP_LABELS: Record<OrganisationGroup, string> = {
  tier1: nl.spoor.tier1.title,
  tier2: nl.spoor.tier2.title,
  tier3: nl.spoor.tier3.title,
  other: nl.spoor.other.title,
};

export function WijkMap({ name, network }: { readonly name: string; readonly network: DistrictNetwork }) {
  const { elements, nodeCount, edgeCount } = useMemo(() => districtElements(network, GROUP_LABELS), [network]);
  const legend = useMemo(() => legendItems(network), [network]);

  return (
    <section className="map-panel" aria-labelledby="wijk-map-title">
      <h2 id="wijk-map-title">{nl.wijk.mapTitle}</h2>
      <p>{nl.wijk.mapHelp}</p>
      {nodeCount === 0 ? (
        <p>{nl.wijk.emptyMap}</p>
      ) : (
        <GraphCanvas
          className="wijk-graph"
          elements={elements}
          stylesheet={WIJK_STYLESHEET}
          layout={LAYOUT}
          label={nl.wijk.graphLabel(name, network.organisations.length, network.keyFigures.length, edgeCount)}
        />
      )}
      <WijkLegend items={legend} />
    </section>
  );
}
