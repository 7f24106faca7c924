import type { StylesheetJson } from 'cytoscape';
import type { LineStyle, NodeGroup } from './elements';

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
export const EDGE_COLOR = '#6b6b6b';

const groupRules = (Object.keys(GROUP_STYLE) as NodeGroup[]).map((group) => ({
  selector: `node.${group}`,
  style: { 'background-color': GROUP_STYLE[group].color, shape: GROUP_STYLE[group].shape },
}));

const lineRules = (['solid', 'dashed', 'dotted'] satisfies LineStyle[]).map((style) => ({
  selector: `edge.${style}`,
  style: { 'line-style': style },
}));

export const WIJK_STYLESHEET: StylesheetJson = [
  {
    selector: 'node',
    style: {
      width: 30,
      height: 30,
      'border-width': 2,
      'border-color': BORDER_COLOR,
      label: 'data(label)',
      'font-family': 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
      'font-size': 14,
      color: '#1c1c1c',
      'text-valign': 'bottom',
      'text-halign': 'center',
      'text-margin-y': 4,
      'text-wrap': 'wrap',
      'text-max-width': '110px',
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.85,
      'text-background-padding': '2px',
      'text-background-shape': 'roundrectangle',
    },
  },
  { selector: 'node.keyFigure', style: { width: 36, height: 36 } },
  {
    selector: 'node.group-label',
    style: {
      width: 1,
      height: 1,
      'background-opacity': 0,
      'border-width': 0,
      'font-size': 16,
      'font-weight': 'bold',
      'text-background-opacity': 0,
      events: 'no',
    },
  },
  { selector: 'node.halign-left', style: { 'text-halign': 'left' } },
  { selector: 'node.halign-center', style: { 'text-halign': 'center' } },
  { selector: 'node.halign-right', style: { 'text-halign': 'right' } },
  { selector: 'node.valign-top', style: { 'text-valign': 'top' } },
  { selector: 'node.valign-center', style: { 'text-valign': 'center' } },
  { selector: 'node.valign-bottom', style: { 'text-valign': 'bottom' } },
  ...groupRules,
  {
    selector: 'edge',
    style: {
      width: 2,
      'line-color': EDGE_COLOR,
      'curve-style': 'bezier',
      opacity: 0.8,
    },
  },
  ...lineRules,
];
