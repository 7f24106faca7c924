import { describe, expect, it } from 'vitest';
import { markClasses, wijkElements, type ElementLabels } from './elements';
import { applyFilter, NO_FILTER } from './filters';
import { SAMPLE } from './sample.test-data';

const LABELS: ElementLabels = {
  columns: {
    tier1: 'Spoor 1',
    tier2: 'Spoor 2',
    tier3: 'Spoor 3',
    other: 'Overig',
    keyFigure: 'Sleutelfiguren',
    outside: 'Buiten de wijk',
  },
  band: 'Nog zonder verbinding',
};

describe('wijkElements', () => {
  const { elements, nodeCount, edgeCount } = wijkElements(SAMPLE, LABELS);
  const node = (id: string) => elements.find((e) => e.data.id === id);
  const x = (id: string) => node(id)?.position?.x ?? NaN;
  const y = (id: string) => node(id)?.position?.y ?? NaN;

  it('makes a node per organisation and key figure, classed by spoor; outside organisations marked', () => {
    expect(nodeCount).toBe(7);
    expect(node('alamal')?.classes).toBe('organisation tier1');
    expect(node('humanitas')?.classes).toBe('organisation tier1 outside');
    expect(node('kf-fatima')?.classes).toBe('keyFigure keyFigure');
  });

  it('draws only drawable links, styled by kind, with ids that cannot clash with node ids', () => {
    expect(edgeCount).toBe(5);
    const edges = elements.filter((e) => e.group === 'edges');
    expect(edges.map((e) => e.data.id).sort()).toEqual(['link-l1', 'link-l2', 'link-l3', 'link-l4', 'link-l5']);
    expect(edges.find((e) => e.data.id === 'link-l1')?.classes).toContain('dashed');
    expect(edges.find((e) => e.data.id === 'link-l3')?.classes).toContain('dotted');
  });

  it('puts the columns in order: spoor 1, 2, 3, overig, key figures, outside at the right edge', () => {
    expect(x('alamal')).toBe(x('dock'));
    expect(x('dock')).toBeLessThan(x('bts'));
    expect(x('bts')).toBeLessThan(x('lister'));
    expect(x('lister')).toBeLessThan(x('portaal'));
    expect(x('portaal')).toBeLessThan(x('kf-fatima'));
    expect(x('kf-fatima')).toBeLessThan(x('humanitas'));
    expect(elements.find((e) => e.data.id === 'group-label-outside')?.data['label']).toBe('Buiten de wijk');
  });

  it('puts Portaal (no link) in the band below every linked node', () => {
    const band = elements.find((e) => e.data.id === 'band-label');
    expect(band?.data['label']).toBe('Nog zonder verbinding');
    for (const id of ['alamal', 'dock', 'bts', 'lister', 'kf-fatima', 'humanitas']) expect(y(id)).toBeLessThan(y('band-line'));
    expect(y('portaal')).toBeGreaterThan(band?.position?.y ?? Infinity);
  });

  it('draws ended links while comparing, and counts their ends as linked', () => {
    const ended = { id: 'old', fromId: 'portaal', toId: 'dock', kind: 'COLLABORATION' as const };
    const withEnded = wijkElements(SAMPLE, LABELS, [ended]);
    expect(withEnded.elements.find((e) => e.data.id === 'link-old')?.classes).toContain('ended');
    expect(withEnded.elements.find((e) => e.data.id === 'band-label')).toBeUndefined();
  });
});

describe('markClasses', () => {
  it('fades what the filter leaves out, dims what a highlight leaves out, and marks the chosen node and open actions', () => {
    const marks = markClasses(SAMPLE, {
      filter: applyFilter(SAMPLE, { ...NO_FILTER, groups: new Set(['tier1'] as const) }),
      highlight: ['alamal', 'dock'],
      selectedId: 'dock',
      openActionIds: new Set(['bts']),
      startedLinkIds: new Set(['l2']),
    });
    expect(marks.get('bts')).toBe('faded dimmed open-action');
    expect(marks.get('alamal')).toBe('highlighted');
    expect(marks.get('dock')).toBe('highlighted chosen');
    expect(marks.get('link-l2')).toBe('started chosen');
    expect(marks.get('link-l1')).toBe('faded dimmed');
  });
});
