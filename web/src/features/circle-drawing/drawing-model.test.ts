import { describe, expect, it } from 'vitest';
import { TEST_LAYOUT as LAYOUT, TEST_SECTORS as SECTORS } from './test-layout';
import {
  LABEL_SIZE,
  NODE_RADIUS,
  drawingModel,
  labelCandidates,
  nodeLabelBox,
  type CircleDrawingModel,
  type DrawableEntry,
} from './drawing-model';
import { boxBounds, boxesOverlap, discOverlapsBox, textBox, type Box } from './label-boxes';

function entry(i: number, fields: Partial<DrawableEntry> = {}): DrawableEntry {
  return {
    id: `e${String(i).padStart(2, '0')}`,
    ring: (i % 4) + 1,
    sector: SECTORS[Math.floor(i / 4) % 4] ?? 'FAMILY',
    position: i,
    safetyNet: false,
    target: {
      __typename: 'CirclePerson',
      id: `p${String(i)}`,
      name: `Persoon ${String(i)}`,
      professional: false,
      organisation: null,
    },
    ...fields,
  };
}

function organisation(i: number, name: string, fields: Partial<DrawableEntry> = {}): DrawableEntry {
  return entry(i, { target: { __typename: 'Organisation', id: `o${String(i)}`, name }, ...fields });
}

function inside(model: ReturnType<typeof drawingModel>, x: number, y: number): boolean {
  const [left, top, width, height] = model.viewBox;
  return x >= left && x <= left + width && y >= top && y <= top + height;
}

/** Every text on the drawing as a box: node names, ring names and group names. */
function allLabelBoxes(model: CircleDrawingModel): { name: string; box: Box }[] {
  return [
    ...model.nodes.map((n) => ({ name: n.label, box: nodeLabelBox(n) })),
    ...model.ringLabels.map((l) => ({ name: `ring ${l.text}`, box: l.box })),
    ...model.sectorLabels.map((l) => ({ name: `group ${l.text}`, box: l.box })),
  ];
}

/** Pairs of texts that touch, and texts that touch a node or the client's disc: both must be empty. */
function overlaps(model: CircleDrawingModel): string[] {
  const labels = allLabelBoxes(model);
  const found: string[] = [];
  labels.forEach((a, i) =>
    labels.slice(i + 1).forEach((b) => {
      if (boxesOverlap(a.box, b.box)) found.push(`${a.name} × ${b.name}`);
    }),
  );
  for (const label of labels) {
    for (const node of model.nodes)
      if (discOverlapsBox({ cx: node.x, cy: node.y, r: NODE_RADIUS }, label.box))
        found.push(`${label.name} × node ${node.label}`);
    if (discOverlapsBox({ cx: 0, cy: 0, r: model.innerRadius - 5 }, label.box)) found.push(`${label.name} × client`);
  }
  return found;
}

function boxInside(model: CircleDrawingModel, box: Box): boolean {
  const [left, top, right, bottom] = boxBounds(box);
  return inside(model, left, top) && inside(model, right, bottom);
}

describe('drawingModel (issue 4)', () => {
  it('draws all 40 entries of a long circle inside the picture', () => {
    const model = drawingModel(
      LAYOUT,
      Array.from({ length: 40 }, (_, i) => entry(i)),
    );
    expect(model.nodes).toHaveLength(40);
    expect(model.unplacedIds).toEqual([]);
    for (const node of model.nodes) expect(inside(model, node.x, node.y)).toBe(true);
    // Every sector label and the outer ring fit too.
    const outer = Math.max(...model.rings.map((r) => r.outer));
    expect(inside(model, -outer, -outer) && inside(model, outer, outer)).toBe(true);
    for (const label of model.sectorLabels) expect(boxInside(model, label.box)).toBe(true);
  });

  it('shows professionals by their first name only, and organisations by name', () => {
    const model = drawingModel(LAYOUT, [
      entry(0, {
        target: {
          __typename: 'CirclePerson',
          id: 'w',
          name: 'Eline Kramer',
          professional: true,
          organisation: { name: 'Lister' },
        },
      }),
      organisation(1, 'Buurtteam Lombok'),
    ]);
    expect(model.nodes.map((n) => [n.label, n.kind])).toEqual([
      ['Eline', 'professional'],
      ['Buurtteam Lombok', 'organisation'],
    ]);
  });

  it('keeps marks, and points "inward" at the middle', () => {
    const model = drawingModel(LAYOUT, [entry(5, { mark: 'CLOSER' })]);
    const node = model.nodes[0];
    expect(node?.mark).toBe('CLOSER');
    if (!node) return;
    expect(Math.hypot(node.inward.x, node.inward.y)).toBeCloseTo(1);
    expect(node.inward.x * node.x + node.inward.y * node.y).toBeLessThan(0);
  });

  it('does not draw an entry in a ring the layout does not know', () => {
    const model = drawingModel(LAYOUT, [entry(0), entry(1, { ring: 9 })]);
    expect(model.nodes.map((n) => n.id)).toEqual(['e00']);
    expect(model.unplacedIds).toEqual(['e01']);
  });
});

describe('names legible at arm’s length (issue 14)', () => {
  const longNames = [
    organisation(0, 'Huisarts Kanaleneiland Zuid', { ring: 4, sector: 'PROFESSIONALS', position: 0 }),
    organisation(1, 'Buurtteam Sociaal Kanaleneiland', { ring: 4, sector: 'PROFESSIONALS', position: 1 }),
    organisation(2, 'Huisarts Kanaleneiland', { ring: 3, sector: 'PROFESSIONALS', position: 0 }),
    entry(3, {
      ring: 1,
      sector: 'FAMILY',
      position: 0,
      target: {
        __typename: 'CirclePerson',
        id: 'p-long',
        // 40 characters, the longest name a person may have.
        name: 'Maria Fernanda Oliveira dos Santos Lopes',
        professional: false,
        organisation: null,
      },
    }),
    entry(4, { ring: 1, sector: 'FAMILY', position: 1, mark: 'JOINED' }),
    entry(5, { ring: 2, sector: 'FRIENDS_NEIGHBOURS', position: 0, safetyNet: true }),
    organisation(6, 'Stichting Buurtwerk Overvecht Noord', { ring: 2, sector: 'FELLOW_CLIENTS', position: 0 }),
  ];

  it('wraps long names over lines at word boundaries instead of cutting them off', () => {
    const model = drawingModel(LAYOUT, longNames);
    const byLabel = new Map(model.nodes.map((n) => [n.label, n.labelLines]));
    expect(byLabel.get('Huisarts Kanaleneiland Zuid')).toEqual(['Huisarts', 'Kanaleneiland', 'Zuid']);
    expect(byLabel.get('Buurtteam Sociaal Kanaleneiland')).toEqual(['Buurtteam', 'Sociaal', 'Kanaleneiland']);
    for (const node of model.nodes) {
      expect(node.labelLines.join(' ')).toBe(node.label);
      expect(node.labelLines.length).toBeLessThanOrEqual(3);
      expect(node.labelLines.join('')).not.toContain('…');
    }
  });

  it('puts no name on another name, a node, a ring or group name, or the client (issue 14)', () => {
    const model = drawingModel(LAYOUT, longNames, [], { clientName: 'Jan-Willem de Vries' });
    expect(model.labelsFit).toBe(true);
    expect(overlaps(model)).toEqual([]);
    for (const { box } of allLabelBoxes(model)) expect(boxInside(model, box)).toBe(true);
  });

  it('keeps the names of a crowded circle of 40 apart too, by drawing it larger (issue 14)', () => {
    const crowded = Array.from({ length: 40 }, (_, i) =>
      i % 3 === 0 ? organisation(i, `Huisarts Kanaleneiland ${String(i)}`) : entry(i),
    );
    const small = drawingModel(LAYOUT, crowded.slice(0, 6));
    const model = drawingModel(LAYOUT, crowded);
    expect(model.labelsFit).toBe(true);
    expect(overlaps(model)).toEqual([]);
    expect(model.viewBox[2]).toBeGreaterThan(small.viewBox[2]);
  });

  it('writes every text at 16 drawing units or more: 16 px or more when shown at its natural size', () => {
    const model = drawingModel(LAYOUT, longNames);
    expect(LABEL_SIZE).toBeGreaterThanOrEqual(16);
    for (const label of [...model.ringLabels, ...model.sectorLabels]) expect(label.size).toBeGreaterThanOrEqual(16);
  });

  it('is small enough for a tablet column when the circle is small', () => {
    // The demo circle's size: seven people and organisations. Natural width in CSS pixels.
    const model = drawingModel(LAYOUT, longNames);
    expect(model.viewBox[2]).toBeLessThanOrEqual(640);
  });

  it('tries places for a name all around its shape, under it first, each clear of the shape and its vangnet ring', () => {
    const places = labelCandidates(120, 60);
    expect(places[0]).toMatchObject({ dx: 0, anchor: 'middle' });
    expect(places[0]?.dy).toBeGreaterThan(NODE_RADIUS);
    for (const place of places) {
      const box = textBox(place.dx, place.dy, place.anchor, 120, 60);
      expect(discOverlapsBox({ cx: 0, cy: 0, r: NODE_RADIUS + 4 }, box)).toBe(false);
    }
    // Beside the shape, the text is aligned to the shape's side.
    expect(places.filter((p) => p.dy === 0).map((p) => p.anchor)).toEqual(['start', 'end', 'start', 'end', 'start', 'end']);
  });
});
