import type { StylesheetJson } from 'cytoscape';
import type { LineStyle, NodeGroup } from './model';
import { GEOMETRY, labelWidth } from './wijk-layout';

export type Shape = 'ellipse' | 'round-rectangle' | 'diamond' | 'triangle' | 'star';

/**
 * Colours from the Okabe–Ito palette (distinguishable with the common colour-vision deficiencies),
 * and a different shape per group, so colour is never the only cue. Every shape has a dark border,
 * which keeps light fills at a contrast of at least 3:1 against the background.
 */
export const GROUP_STYLE: Record<NodeGroup, { readonly color: string; readonly shape: Shape }> = {
  tier1: { color: '#009E73', shape: 'ellipse' },
  tier2: { color: '#0072B2', shape: 'round-rectangle' },
  tier3: { color: '#D55E00', shape: 'diamond' },
  other: { color: '#A6A6A6', shape: 'triangle' },
  keyFigure: { color: '#CC79A7', shape: 'star' },
};

export const BORDER_COLOR = '#1c1c1c';
export const EDGE_COLOR = '#5f6670';

/** Each kind of line also has its own marker: an arrow for passing someone on, a dot for meeting. */
export const LINE_MARKER: Record<LineStyle, 'none' | 'triangle' | 'circle'> = {
  solid: 'none',
  dashed: 'triangle',
  dotted: 'circle',
};

/** Label background padding: part of the label's box, so it comes off the width it may take. */
const LABEL_PADDING = 2;

const groupRules = (Object.keys(GROUP_STYLE) as NodeGroup[]).map((group) => ({
  selector: `node.${group}`,
  style: { 'background-color': GROUP_STYLE[group].color, shape: GROUP_STYLE[group].shape },
}));

export const WIJK_STYLESHEET: StylesheetJson = [
  {
    selector: 'node',
    style: {
      width: GEOMETRY.node,
      height: GEOMETRY.node,
      'border-width': 2,
      'border-color': BORDER_COLOR,
      label: 'data(label)',
      'font-family': 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
      'font-size': 14,
      color: '#1c1c1c',
      'text-valign': 'center',
      'text-halign': 'right',
      'text-margin-x': GEOMETRY.labelMargin + LABEL_PADDING,
      'text-wrap': 'ellipsis',
      'text-max-width': `${String(labelWidth() - 2 * LABEL_PADDING - 2)}px`,
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.9,
      'text-background-padding': `${String(LABEL_PADDING)}px`,
      'text-background-shape': 'roundrectangle',
      'transition-property': 'opacity',
      'transition-duration': 0,
    },
  },
  ...groupRules,
  { selector: 'node.outside', style: { 'border-style': 'dashed', 'border-width': 3 } },
  {
    selector: 'node.group-label',
    style: {
      width: 1,
      height: 1,
      'background-opacity': 0,
      'border-width': 0,
      'font-size': 15,
      'font-weight': 'bold',
      'text-margin-x': 0,
      'text-max-width': `${String(GEOMETRY.slot - 4)}px`,
      'text-background-opacity': 0,
      events: 'no',
    },
  },
  { selector: 'node.outside-label', style: { 'font-style': 'italic' } },
  // The band's label has a row of its own.
  { selector: 'node.band-label', style: { 'text-max-width': `${String(2 * GEOMETRY.slot - 4)}px` } },
  {
    selector: 'node.band-line',
    style: {
      width: 'data(width)',
      height: 2,
      shape: 'rectangle',
      'background-color': '#7b8a9c',
      'border-width': 0,
      label: '',
      events: 'no',
    },
  },
  {
    selector: 'edge',
    style: {
      width: 2,
      'line-color': EDGE_COLOR,
      'target-arrow-color': EDGE_COLOR,
      'mid-target-arrow-color': EDGE_COLOR,
      'mid-source-arrow-color': EDGE_COLOR,
      'curve-style': 'bezier',
      'arrow-scale': 1.1,
      opacity: 0.85,
    },
  },
  {
    selector: 'edge.arc',
    style: { 'curve-style': 'unbundled-bezier', 'control-point-distances': 'data(bulge)', 'control-point-weights': 0.5 },
  },
  { selector: 'edge.solid', style: { 'line-style': 'solid' } },
  { selector: 'edge.dashed', style: { 'line-style': 'dashed', 'target-arrow-shape': LINE_MARKER.dashed } },
  { selector: 'edge.dotted', style: { 'line-style': 'dotted', 'mid-target-arrow-shape': LINE_MARKER.dotted } },
  // Marks. Never colour alone: opacity, border width, outline, line width.
  {
    selector: 'node.open-action',
    style: { 'outline-width': 3, 'outline-color': BORDER_COLOR, 'outline-offset': 3, 'outline-style': 'dotted' },
  },
  { selector: '.faded', style: { opacity: 0.15 } },
  { selector: '.dimmed', style: { opacity: 0.25 } },
  { selector: 'node.highlighted', style: { 'border-width': 6, opacity: 1 } },
  { selector: 'edge.started', style: { width: 6, 'underlay-color': '#ffdd00', 'underlay-opacity': 1, 'underlay-padding': 3 } },
  {
    selector: 'edge.ended',
    style: {
      width: 3,
      'line-style': 'dashed',
      'line-dash-pattern': [3, 7],
      'line-color': '#8a8f96',
      'mid-source-arrow-shape': 'tee',
      'mid-target-arrow-shape': 'tee',
      'mid-source-arrow-color': '#1c1c1c',
      'mid-target-arrow-color': '#1c1c1c',
      'target-arrow-shape': 'none',
      opacity: 0.9,
    },
  },
  {
    selector: 'node.chosen',
    style: { 'border-width': 5, 'underlay-color': '#ffdd00', 'underlay-opacity': 1, 'underlay-padding': 5, opacity: 1 },
  },
  { selector: 'edge.chosen', style: { width: 4, opacity: 1 } },
];
