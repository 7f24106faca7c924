import { describe, expect, it } from 'vitest';
import { accountInput, accountProblems, problemFromApi, toggleWijk, type AccountFormValues } from './account-form';

const base: AccountFormValues = {
  role: 'RESEARCHER',
  displayName: 'Daan',
  username: 'daan',
  organisationId: '',
  districtIds: [],
};

describe('accountProblems (issue 11)', () => {
  it('asks what each role needs', () => {
    expect(accountProblems(base, true)).toEqual([]);
    expect(accountProblems({ ...base, role: 'SUPPORT_WORKER' }, true)).toEqual([
      { field: 'organisationId', problem: 'organisationMissing' },
    ]);
    expect(accountProblems({ ...base, role: 'COORDINATOR' }, true)).toEqual([{ field: 'districtIds', problem: 'wijkMissing' }]);
    expect(accountProblems({ ...base, role: 'CLIENT', districtIds: ['a', 'b'] }, true)).toEqual([
      { field: 'districtIds', problem: 'wijkOne' },
    ]);
  });

  it('checks name and username only when an account is made', () => {
    const bad = { ...base, displayName: ' ', username: 'Met Spatie' };
    expect(accountProblems(bad, true).map((p) => p.problem)).toEqual(['nameMissing', 'usernameInvalid']);
    expect(accountProblems(bad, false)).toEqual([]);
    expect(accountProblems({ ...base, displayName: 'x'.repeat(81) }, true).map((p) => p.problem)).toEqual(['nameTooLong']);
    expect(accountProblems({ ...base, username: '  Daan.K ' }, true)).toEqual([]);
  });
});

describe('accountInput (issue 11)', () => {
  it('sends only what the role uses', () => {
    expect(accountInput({ ...base, organisationId: 'o', districtIds: ['a'] })).toEqual({
      role: 'RESEARCHER',
      organisationId: null,
      districtIds: [],
    });
    expect(accountInput({ ...base, role: 'COORDINATOR', organisationId: '', districtIds: ['b', 'a'] })).toEqual({
      role: 'COORDINATOR',
      organisationId: null,
      districtIds: ['b', 'a'],
    });
  });
});

describe('problemFromApi and toggleWijk (issue 11)', () => {
  it('maps codes and fields to the form', () => {
    expect(problemFromApi('CONFLICT', 'input.username')).toEqual({ field: 'username', problem: 'usernameTaken' });
    expect(problemFromApi('NOT_FOUND', 'input.districtIds')).toEqual({ field: 'districtIds', problem: 'wijkUnknown' });
    expect(problemFromApi('INTERNAL', null)).toBeNull();
  });

  it('keeps the order in which wijken were ticked', () => {
    expect(toggleWijk(toggleWijk(['a'], 'b', true), 'a', false)).toEqual(['b']);
    expect(toggleWijk(['a', 'b'], 'a', true)).toEqual(['a', 'b']);
  });
});
