import { describe, expect, it } from 'vitest';
import { applyFilter, isFiltering, NO_FILTER, offeringCategories, offeringLanguages } from './filters';
import type { WijkMapData } from './model';
import { SAMPLE } from './sample.test-data';

const ids = (set: ReadonlySet<string>) => [...set].sort();

describe('applyFilter', () => {
  it('lets everything through without a filter', () => {
    const result = applyFilter(SAMPLE, NO_FILTER);
    expect(ids(result.nodeIds)).toEqual(['alamal', 'bts', 'dock', 'humanitas', 'kf-fatima', 'lister', 'portaal']);
    expect(ids(result.linkIds)).toEqual(['l1', 'l2', 'l3', 'l4', 'l5']);
    expect(isFiltering(NO_FILTER)).toBe(false);
  });

  it('keeps only the chosen spoor groups, outside organisations under their spoor, and links between them', () => {
    const filter = { ...NO_FILTER, groups: new Set(['tier1'] as const) };
    const result = applyFilter(SAMPLE, filter);
    expect(ids(result.nodeIds)).toEqual(['alamal', 'dock', 'humanitas']);
    expect(ids(result.linkIds)).toEqual(['l2', 'l5']);
    expect(isFiltering(filter)).toBe(true);
  });

  it('filters links by kind without hiding organisations', () => {
    const result = applyFilter(SAMPLE, { ...NO_FILTER, linkKind: 'REFERRAL' });
    expect(result.nodeIds.size).toBe(7);
    expect(ids(result.linkIds)).toEqual(['l1', 'l5']);
  });

  it('keeps organisations with an offering of the category, and in the language', () => {
    expect(ids(applyFilter(SAMPLE, { ...NO_FILTER, category: 'LANGUAGE' }).nodeIds)).toEqual(['alamal', 'dock']);
    expect(ids(applyFilter(SAMPLE, { ...NO_FILTER, language: 'ar' }).nodeIds)).toEqual(['alamal']);
    // Category and language together: the same offering must have both.
    expect(ids(applyFilter(SAMPLE, { ...NO_FILTER, category: 'WALK_IN', language: 'ar' }).nodeIds)).toEqual([]);
  });

  it('keeps the members of a partnership', () => {
    const result = applyFilter(SAMPLE, { ...NO_FILTER, partnershipId: 'kt' });
    expect(ids(result.nodeIds)).toEqual(['alamal', 'bts', 'lister']);
    expect(ids(result.linkIds)).toEqual(['l1']);
  });

  it('lists the languages and categories on offer', () => {
    expect(offeringLanguages(SAMPLE)).toEqual(['ar', 'tr']);
    expect(offeringCategories(SAMPLE)).toEqual(['LANGUAGE', 'WALK_IN']);
    const empty: Pick<WijkMapData, 'offerings'> = { offerings: [] };
    expect(offeringLanguages(empty)).toEqual([]);
  });
});
