import type { ElementDefinition } from 'cytoscape';
import {
  dividerAngles,
  outerRadius,
  placeEntries,
  ringBounds,
  ringLabelAnchors,
  sectorLabelAnchors,
  toXY,
  type CircleShape,
  type Placement,
} from './placement';

/**
 * Turns a netwerkcirkel (entries plus the deployment's rings and sectors) into cytoscape elements.
 * The rings, dividers and labels are cytoscape nodes and edges too, behind the entries: one
 * coordinate system, so fitting and resizing can never pull the drawing and its background apart.
 */

export type EntryKind = 'person' | 'professional' | 'organisation';

export type CircleTarget =
  | {
      readonly __typename: 'CirclePerson';
      readonly id: string;
      readonly name: string;
      readonly professional: boolean;
      readonly organisation: { readonly name: string } | null;
    }
  | { readonly __typename: 'Organisation'; readonly id: string; readonly name: string };

export interface CircleEntryInput {
  readonly id: string;
  readonly ring: number;
  readonly sector: string;
  readonly position: number;
  readonly safetyNet: boolean;
  readonly target: CircleTarget;
}

export interface CircleLayoutInput {
  readonly rings: readonly { readonly ring: number; readonly label: string }[];
  readonly sectors: readonly { readonly key: string; readonly label: string }[];
}

export function entryKind(target: CircleTarget): EntryKind {
  if (target.__typename === 'Organisation') return 'organisation';
  return target.professional ? 'professional' : 'person';
}

/**
 * The name on the drawing: an organisation's name, or a person's first name. People who only
 * appear in circles have nothing but a first name or nickname ("Tante Ria"), so their name is
 * shown whole; professionals are shown by the first word of their name.
 */
export function entryLabel(target: CircleTarget): string {
  if (target.__typename === 'Organisation') return target.name;
  if (!target.professional) return target.name;
  return target.name.trim().split(/\s+/)[0] ?? target.name;
}

export function circleShape(layout: CircleLayoutInput): CircleShape {
  return { ringCount: layout.rings.length, sectorKeys: layout.sectors.map((s) => s.key) };
}

export interface CircleDrawing {
  readonly elements: ElementDefinition[];
  readonly placement: Placement;
}

/** Layers, back to front (cytoscape compares these with z-index-compare: manual). */
export const Z = { ring: 1, divider: 10, label: 15, client: 20, tie: 25, entry: 30 } as const;

export interface CircleTieInput {
  readonly id: string;
  readonly fromEntryId: string;
  readonly toEntryId: string;
}

export interface CircleDrawingOptions {
  /** Two entries who know each other: a line between them. */
  readonly ties?: readonly CircleTieInput[];
  /** The editor: entries can be dragged to another ring or sector. */
  readonly movable?: boolean;
}

export function circleElements(
  clientName: string,
  layout: CircleLayoutInput,
  entries: readonly CircleEntryInput[],
  options: CircleDrawingOptions = {},
): CircleDrawing {
  const shape = circleShape(layout);
  const placement = placeEntries(shape, entries);
  const { geometry } = placement;
  const elements: ElementDefinition[] = [];
  const ringCount = shape.ringCount;

  // Ring discs, largest first; each smaller disc is drawn on top of the larger ones.
  for (let ring = ringCount; ring >= 1; ring--) {
    const { outer } = ringBounds(ring, geometry);
    elements.push({
      group: 'nodes',
      data: { id: `ring-${String(ring)}`, size: 2 * outer, z: Z.ring + (ringCount - ring) },
      position: { x: 0, y: 0 },
      classes: `ring ${ring % 2 === 1 ? 'ring-odd' : 'ring-even'}`,
      selectable: false,
      grabbable: false,
    });
  }

  const outer = outerRadius(shape, geometry);
  dividerAngles(shape.sectorKeys.length).forEach((angle, i) => {
    const from = `divider-${String(i)}-from`;
    const to = `divider-${String(i)}-to`;
    elements.push(
      {
        group: 'nodes',
        data: { id: from },
        position: toXY(geometry.innerRadius, angle),
        classes: 'anchor',
        selectable: false,
        grabbable: false,
      },
      { group: 'nodes', data: { id: to }, position: toXY(outer, angle), classes: 'anchor', selectable: false, grabbable: false },
      { group: 'edges', data: { id: `divider-${String(i)}`, source: from, target: to }, classes: 'divider', selectable: false },
    );
  });

  ringLabelAnchors(shape, geometry).forEach((anchor, i) => {
    const ring = layout.rings[i];
    if (!ring) return;
    elements.push({
      group: 'nodes',
      data: { id: `ring-label-${String(ring.ring)}`, label: ring.label, rotation: anchor.rotation },
      position: { x: anchor.x, y: anchor.y },
      classes: `ring-label halign-${anchor.halign} valign-${anchor.valign}`,
      selectable: false,
      grabbable: false,
    });
  });

  sectorLabelAnchors(shape, geometry).forEach((anchor, i) => {
    const sector = layout.sectors[i];
    if (!sector) return;
    elements.push({
      group: 'nodes',
      data: { id: `sector-label-${sector.key}`, label: sector.label },
      position: { x: anchor.x, y: anchor.y },
      classes: `sector-label halign-${anchor.halign} valign-${anchor.valign}`,
      selectable: false,
      grabbable: false,
    });
  });

  elements.push({
    group: 'nodes',
    data: { id: 'client', label: clientName, size: 2 * geometry.innerRadius - 10 },
    position: { x: 0, y: 0 },
    classes: 'client',
    selectable: false,
    grabbable: false,
  });

  const byId = new Map(entries.map((e) => [e.id, e]));
  for (const p of placement.placed) {
    const entry = byId.get(p.id);
    if (!entry) continue;
    elements.push({
      group: 'nodes',
      data: { id: `entry-${entry.id}`, entryId: entry.id, label: entryLabel(entry.target) },
      position: { x: p.x, y: p.y },
      classes: `entry ${entryKind(entry.target)}${entry.safetyNet ? ' safety-net' : ''}${options.movable ? ' movable' : ''}`,
      grabbable: options.movable === true,
    });
  }

  // Only ties between two drawn entries: an entry that is not on the drawing has no place for a line.
  const drawn = new Set(placement.placed.map((p) => p.id));
  for (const tie of options.ties ?? []) {
    if (!drawn.has(tie.fromEntryId) || !drawn.has(tie.toEntryId)) continue;
    elements.push({
      group: 'edges',
      data: { id: `tie-${tie.id}`, source: `entry-${tie.fromEntryId}`, target: `entry-${tie.toEntryId}` },
      classes: 'tie',
      selectable: false,
    });
  }

  return { elements, placement };
}
