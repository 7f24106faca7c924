import { describe, expect, it } from 'vitest';
import { adminProblem, mergeSentences, movesText, suggestSlug } from './model';

const none = { links: 0, sharedLinks: 0, selfLinks: 0, offerings: 0, memberships: 0, districts: 0, employees: 0, actions: 0 };
const error = (code: string, field: string | null = null) => ({ graphQLErrors: [{ extensions: { code, field } }] });

describe('the merge confirmation (issue 11)', () => {
  it('says what moves, leaving out what is zero', () => {
    expect(movesText({ ...none, links: 12, offerings: 3, employees: 2 })).toBe('12 koppelingen, 3 aanbod en 2 medewerkers');
    expect(movesText({ ...none, links: 1 })).toBe('1 koppeling');
    expect(movesText(none)).toBe('');
  });

  it('names the kept organisation and what folds together', () => {
    const sentences = mergeSentences({ ...none, links: 2, sharedLinks: 1 }, 'Dock Utrecht', 'DOCK');
    expect(sentences[0]).toBe('2 koppelingen gaan over naar DOCK.');
    expect(sentences[1]).toContain('1 koppeling staat bij beide al');
    expect(sentences.at(-1)).toContain("'samengevoegd met DOCK'");
    expect(mergeSentences(none, 'A', 'B')[0]).toBe('B blijft bestaan. Er gaat verder niets over.');
    expect(mergeSentences({ ...none, links: 1 }, 'A', 'B')[0]).toBe('1 koppeling gaat over naar B.');
  });
});

describe('refusals in words (issue 11)', () => {
  it('places a duplicate name on the name field, in the words of the form', () => {
    expect(adminProblem(error('CONFLICT', 'input.name'), 'organisation')).toEqual({
      field: 'name',
      message: 'Er is al een organisatie met deze naam. Is het dezelfde? Voeg ze dan samen.',
    });
    expect(adminProblem(error('CONFLICT', 'input.name'), 'district').message).toBe('Er is al een wijk met deze naam.');
    expect(adminProblem(error('CONFLICT', 'input.slug'), 'district').field).toBe('slug');
  });

  it('reads nested fields and unknown codes calmly', () => {
    expect(adminProblem(error('INVALID_INPUT', 'input.districtIds.0'), 'organisation').field).toBe('districtIds');
    expect(adminProblem(error('CONFLICT', 'input.duplicateId'), 'merge').field).toBeNull();
    expect(adminProblem(error('SOMETHING'), 'organisation').message).toContain('Er ging iets mis');
    expect(adminProblem({ graphQLErrors: [], networkError: new Error('x') }, 'end').message).toContain('lukte nu niet');
  });
});

describe('a slug for a new wijk', () => {
  it('is made of lower-case words and dashes', () => {
    expect(suggestSlug('Kanaleneiland Oost – Noord')).toBe('kanaleneiland-oost-noord');
    expect(suggestSlug('Tuindorp Oost-Ré')).toBe('tuindorp-oost-re');
  });
});
