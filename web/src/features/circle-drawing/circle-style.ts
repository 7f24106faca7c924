import type { EntryKind } from './circle-elements';

/** The circle's colours and shapes, shared by the drawing, the print view, the PNG, the legend and the list. */
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
