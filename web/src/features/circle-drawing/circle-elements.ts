import type { CircleShape } from './placement';

/**
 * What the circle's drawings and lists share about entries: their kind, the name on the drawing,
 * and the circle's shape (rings and sectors) from the deployment's layout. The drawings themselves
 * are SVG, from circle-print/drawing-model.ts (issue 13: the circle page no longer loads cytoscape).
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

export interface CircleTieInput {
  readonly id: string;
  readonly fromEntryId: string;
  readonly toEntryId: string;
}
