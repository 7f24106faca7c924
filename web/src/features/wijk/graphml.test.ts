import { describe, expect, it } from 'vitest';
import { graphmlFileName, wijkGraphml } from './graphml';
import { SAMPLE } from './sample.test-data';

const count = (text: string, pattern: RegExp) => (text.match(pattern) ?? []).length;

describe('wijkGraphml', () => {
  const xml = wijkGraphml(SAMPLE);

  it('has one node per organisation (in and outside the wijk) and key figure, one edge per drawable link', () => {
    expect(count(xml, /<node /g)).toBe(7);
    expect(count(xml, /<edge /g)).toBe(5);
    expect(xml).toContain(
      '<edge id="l5" source="humanitas" target="alamal"><data key="kind">REFERRAL</data><data key="since">2020-09-01</data><data key="until">2027-07-01</data><data key="strength">2</data></edge>',
    );
  });

  it('gives each node its name, spoor, sector and whether it is in the wijk', () => {
    expect(xml).toContain(
      '<node id="humanitas"><data key="name">Humanitas</data><data key="type">organisation</data><data key="spoor">1</data><data key="sector">SOCIAL_BASE</data><data key="inDistrict">false</data></node>',
    );
    expect(xml).toContain(
      '<node id="kf-fatima"><data key="name">Fatima Z.</data><data key="type">keyFigure</data><data key="inDistrict">true</data></node>',
    );
  });

  it('leaves out offerings, descriptions and notes', () => {
    expect(xml).not.toContain('Taalles');
    expect(xml).not.toContain('Verbindt mensen');
    expect(xml).not.toMatch(/key="(note|description|offering)/);
  });

  it('escapes names and is well-formed enough to declare its keys first', () => {
    const odd = wijkGraphml({
      ...SAMPLE,
      organisations: [{ id: 'x', name: 'A & B <"zorg">', tier: 1, sector: 'SOCIAL_BASE' }],
      links: [],
    });
    expect(odd).toContain('A &#38; B &#60;&#34;zorg&#34;&#62;');
    expect(xml.indexOf('<key ')).toBeLessThan(xml.indexOf('<graph '));
    expect(xml.trim().endsWith('</graphml>')).toBe(true);
  });

  it('names the file after the wijk and the date', () => {
    expect(graphmlFileName('kanaleneiland', '2026-11-30')).toBe('wijk-kanaleneiland-2026-11-30.graphml');
  });
});
