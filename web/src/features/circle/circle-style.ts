import type { StylesheetJson } from 'cytoscape';
import type { EntryKind } from './circle-elements';

/** Reads a number from the element's data (a style mapper; cytoscape's `data(...)` strings are not typed for every property). */
const fromData =
  (key: string) =>
  (ele: { data(key: string): unknown }): number =>
    Number(ele.data(key));

const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
export const TEXT_COLOR = '#1c1c1c';
export const LINE_COLOR = '#7b8a9c';
export const SAFETY_NET_COLOR = '#D55E00';

/**
 * Okabe–Ito colours. People the client knows privately are blue circles; paid help is orange:
 * a professional is an orange circle with a double border, an organisation an orange square.
 * Shape and border differ too, so colour is never the only cue. Vangnet adds a ring around the shape.
 */
export const ENTRY_STYLE: Record<
  EntryKind,
  { readonly color: string; readonly shape: 'ellipse' | 'round-rectangle'; readonly double: boolean }
> = {
  person: { color: '#56B4E9', shape: 'ellipse', double: false },
  professional: { color: '#E69F00', shape: 'ellipse', double: true },
  organisation: { color: '#E69F00', shape: 'round-rectangle', double: false },
};

export const CIRCLE_STYLESHEET: StylesheetJson = [
  {
    selector: 'node, edge',
    style: { 'z-index-compare': 'manual', events: 'no' },
  },
  {
    selector: 'node.ring',
    style: {
      shape: 'ellipse',
      width: 'data(size)',
      height: 'data(size)',
      'z-index': fromData('z'),
      'border-width': 2,
      'border-color': LINE_COLOR,
    },
  },
  { selector: 'node.ring-odd', style: { 'background-color': '#e8f0f8' } },
  { selector: 'node.ring-even', style: { 'background-color': '#f7f9fc' } },
  {
    selector: 'node.anchor',
    style: { width: 1, height: 1, opacity: 0 },
  },
  {
    selector: 'edge.divider',
    style: { width: 2, 'line-color': LINE_COLOR, 'curve-style': 'straight', 'z-index': 10 },
  },
  {
    selector: 'node.ring-label, node.sector-label',
    style: {
      width: 1,
      height: 1,
      'background-opacity': 0,
      'border-width': 0,
      label: 'data(label)',
      'font-family': FONT,
      color: TEXT_COLOR,
      'z-index': 15,
      'text-wrap': 'wrap',
    },
  },
  {
    selector: 'node.ring-label',
    style: {
      'font-size': 13,
      'text-valign': 'center',
      'text-rotation': fromData('rotation'),
      'text-max-width': '140px',
      'text-background-color': '#ffffff',
      'text-background-opacity': 1,
      'text-background-padding': '3px',
      'text-background-shape': 'roundrectangle',
      'text-border-width': 1,
      'text-border-color': LINE_COLOR,
      'text-border-opacity': 1,
    },
  },
  {
    selector: 'node.sector-label',
    style: { 'font-size': 16, 'font-weight': 'bold', 'text-max-width': '120px' },
  },
  { selector: 'node.halign-left', style: { 'text-halign': 'left' } },
  { selector: 'node.halign-center', style: { 'text-halign': 'center' } },
  { selector: 'node.halign-right', style: { 'text-halign': 'right' } },
  { selector: 'node.valign-top', style: { 'text-valign': 'top' } },
  { selector: 'node.valign-center', style: { 'text-valign': 'center' } },
  { selector: 'node.valign-bottom', style: { 'text-valign': 'bottom' } },
  {
    selector: 'node.client',
    style: {
      shape: 'ellipse',
      width: 'data(size)',
      height: 'data(size)',
      'background-color': '#1f4e79',
      'border-width': 0,
      label: 'data(label)',
      color: '#ffffff',
      'font-family': FONT,
      'font-size': 15,
      'font-weight': 'bold',
      'text-valign': 'center',
      'text-halign': 'center',
      'text-wrap': 'ellipsis',
      'text-max-width': 'data(size)',
      'z-index': 20,
    },
  },
  {
    selector: 'node.entry',
    style: {
      width: 28,
      height: 28,
      'border-width': 2,
      'border-color': TEXT_COLOR,
      label: 'data(label)',
      'font-family': FONT,
      'font-size': 14,
      color: TEXT_COLOR,
      'text-valign': 'bottom',
      'text-halign': 'center',
      'text-margin-y': 3,
      'text-wrap': 'wrap',
      'text-max-width': '96px',
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.9,
      'text-background-padding': '2px',
      'text-background-shape': 'roundrectangle',
      'z-index': 30,
    },
  },
  // The editor: entries take the mouse and a finger (everything else ignores them, see the first rule).
  { selector: 'node.entry.movable', style: { events: 'yes' } },
  {
    selector: 'node.entry.movable:grabbed',
    style: { 'overlay-color': TEXT_COLOR, 'overlay-opacity': 0.15, 'overlay-padding': 8 },
  },
  {
    selector: 'edge.tie',
    style: { width: 2, 'line-color': '#1f4e79', 'line-opacity': 0.6, 'curve-style': 'straight', 'z-index': 25 },
  },
  { selector: 'node.person', style: { shape: ENTRY_STYLE.person.shape, 'background-color': ENTRY_STYLE.person.color } },
  {
    selector: 'node.professional',
    style: {
      shape: ENTRY_STYLE.professional.shape,
      'background-color': ENTRY_STYLE.professional.color,
      'border-width': 6,
      'border-style': 'double',
    },
  },
  {
    selector: 'node.organisation',
    style: { shape: ENTRY_STYLE.organisation.shape, 'background-color': ENTRY_STYLE.organisation.color },
  },
  {
    selector: 'node.safety-net',
    style: { 'outline-width': 4, 'outline-color': SAFETY_NET_COLOR, 'outline-offset': 3, 'outline-opacity': 1 },
  },
];
