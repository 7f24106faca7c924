import { describe, expect, it } from 'vitest';
import {
  classifyOrganisations,
  linkKindOf,
  loadFacts,
  namedOrganisations,
  parseClassifiedName,
  parseFacts,
  slugify,
} from './facts.js';

const facts = loadFacts();

describe('the packaged facts file', () => {
  it('validates and lists the four focus wijken', () => {
    expect(facts.focusWijken).toEqual(['Overvecht', 'Noordwest', 'Kanaleneiland', 'Leidsche Rijn']);
  });

  it('has 19 organisations in the Kanaleneiland kernteam', () => {
    expect(facts.kernteams.Kanaleneiland).toHaveLength(19);
  });

  it('classifies every organisation it names, and only organisations (not "bewonersorganisaties")', () => {
    const organisations = namedOrganisations(facts);
    const names = organisations.map((o) => o.name);
    expect(names).toHaveLength(61);
    expect(new Set(names).size).toBe(names.length);
    expect(names).not.toContain('bewonersorganisaties');
    for (const name of [
      ...Object.values(facts.kernteams).flat(),
      ...facts.regiegroep,
      ...facts.signatoriesAkkoordThuisInJeWijk,
    ]) {
      expect(names).toContain(name);
    }
  });

  it('maps the lists to sector and tier, and marks what the report states as source', () => {
    const byName = new Map(namedOrganisations(facts).map((o) => [o.name, o]));
    expect(byName.get('DOCK')).toMatchObject({ sector: 'SOCIAL_BASE', tier: 1, classification: 'source' });
    expect(byName.get('DOCK')?.note).toMatch(/^source: welfare organisation/);
    expect(byName.get('Humanitas')).toMatchObject({ sector: 'SOCIAL_BASE', tier: 1, classification: 'assumed', note: null });
    expect(byName.get('Buurtteam Jeugd & Gezin')).toMatchObject({ sector: 'NEIGHBOURHOOD_TEAMS', tier: 2 });
    expect(byName.get('Lister')).toMatchObject({ sector: 'ADDITIONAL_CARE', tier: 3, classification: 'source' });
    expect(byName.get('Huisarts Kanaleneiland')).toMatchObject({ sector: 'PRIMARY_CARE', tier: null });
    expect(byName.get('Woonin')).toMatchObject({ sector: 'HOUSING_ASSOCIATION', tier: null });
    expect(byName.get('Gemeente Utrecht Volksgezondheid')).toMatchObject({ sector: 'MUNICIPALITY', tier: null });
  });

  it('maps the report link kinds to the glossary', () => {
    expect(facts.knownLinksFromTheReport.map((l) => linkKindOf(l.kind))).toContain('JOINT_CONSULTATION');
    expect(linkKindOf('overdracht')).toBe('HANDOVER');
    expect(linkKindOf('financiering')).toBe('FUNDING');
  });
});

describe('classification parsing', () => {
  it('splits a name from the note in parentheses', () => {
    expect(
      parseClassifiedName(
        'Huis van Vrede (source: Kanaleneiland initiative: language, sewing and religion lessons, meals and daytime shelter)',
      ),
    ).toEqual({
      name: 'Huis van Vrede',
      note: 'source: Kanaleneiland initiative: language, sewing and religion lessons, meals and daytime shelter',
      fromSource: true,
    });
    expect(parseClassifiedName('Taal doet Meer')).toEqual({ name: 'Taal doet Meer', note: null, fromSource: false });
  });

  it('fails loudly when an organisation is named but not classified', () => {
    const changed = structuredClone(facts);
    changed.kernteams.Kanaleneiland = [...(changed.kernteams.Kanaleneiland ?? []), 'Stichting Nergens'];
    expect(() => namedOrganisations(changed)).toThrow(/without a classification: Stichting Nergens/);
  });

  it('fails when an organisation is classified twice', () => {
    const changed = structuredClone(facts);
    changed.organisationClassification.spoor3.push('DOCK');
    expect(() => classifyOrganisations(changed)).toThrow(/"DOCK" is classified twice/);
  });

  it('rejects a facts file of the wrong shape with the path of the problem', () => {
    const { kernteams: _dropped, ...withoutKernteams } = structuredClone(facts);
    expect(() => parseFacts(withoutKernteams)).toThrow(/kernteams/);
    expect(() => parseFacts({ ...facts, knownLinksFromTheReport: [{ a: 'DOCK', b: 'NIZU', kind: 'vriendschap' }] })).toThrow(
      /knownLinksFromTheReport\.0\.kind/,
    );
  });
});

describe('slugify', () => {
  it('makes ascii kebab-case', () => {
    expect(slugify('Wijkcoöperatie Kanaleneiland')).toBe('wijkcooperatie-kanaleneiland');
    expect(slugify('Buurtteam Jeugd & Gezin')).toBe('buurtteam-jeugd-gezin');
    expect(slugify('Leidsche Rijn')).toBe('leidsche-rijn');
    expect(slugify('Wij 3.0')).toBe('wij-3-0');
  });
});
