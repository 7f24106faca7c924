import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const file = (path: string): Buffer => readFileSync(new URL(path, import.meta.url));

describe('the files the import page offers (issue 11)', () => {
  it('are the example file and the format documentation of docs/, unchanged', () => {
    for (const name of ['sociale-kaart-voorbeeld.csv', 'SOCIALE-KAART.md']) {
      expect(file(`../../../public/${name}`).equals(file(`../../../../docs/${name}`)), name).toBe(true);
    }
  });
});
