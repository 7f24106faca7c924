import { describe, expect, it } from 'vitest';
import { escapeXml, pngFileName } from './png';

describe('the PNG download (issue 4)', () => {
  it('names the file after the client and the day, in letters every system accepts', () => {
    expect(pngFileName('Aïcha', '2026-06-14')).toBe('kring-aicha-2026-06-14.png');
    expect(pngFileName('Jan-Willem de Vries', '2026-06-14')).toBe('kring-jan-willem-de-vries-2026-06-14.png');
    expect(pngFileName('  ', '2026-06-14')).toBe('kring-kring-2026-06-14.png');
  });

  it('escapes names before they go into the SVG', () => {
    expect(escapeXml(`Tom & "Jerry" <b>'`)).toBe('Tom &#38; &#34;Jerry&#34; &#60;b&#62;&#39;');
  });
});
