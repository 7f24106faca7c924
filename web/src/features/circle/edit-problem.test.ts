import { describe, expect, it } from 'vitest';
import { editProblem, formField, needsFreshCircle } from './edit-problem';

const error = (code: string, field?: string) => ({ graphQLErrors: [{ extensions: { code, ...(field ? { field } : {}) } }] });

describe('editProblem', () => {
  it('says calmly that someone else changed it, and asks for the circle as it is now', () => {
    const problem = editProblem(error('EDIT_CONFLICT', 'input.expectedVersion'));
    expect(problem).toEqual({ kind: 'EDIT_CONFLICT', field: null });
    expect(needsFreshCircle(problem)).toBe(true);
    expect(needsFreshCircle(editProblem(error('NOT_FOUND', 'input.entryId')))).toBe(true);
  });

  it('points contact details and bad input at the form field', () => {
    expect(editProblem(error('CONTACT_DETAILS_NOT_ALLOWED', 'input.person.name'))).toEqual({
      kind: 'CONTACT_DETAILS',
      field: 'name',
    });
    expect(editProblem(error('CONTACT_DETAILS_NOT_ALLOWED', 'input.note'))).toEqual({ kind: 'CONTACT_DETAILS', field: 'note' });
    expect(editProblem(error('INVALID_INPUT', 'input.relation'))).toEqual({ kind: 'INVALID', field: 'relation' });
    expect(editProblem(error('NOT_FOUND', 'input.person.organisationId'))).toEqual({ kind: 'INVALID', field: 'organisation' });
    expect(editProblem(error('CONFLICT', 'input.organisationId'))).toEqual({ kind: 'DUPLICATE', field: 'organisation' });
  });

  it('knows the circle states, access and the network', () => {
    expect(editProblem(error('CIRCLE_FROZEN')).kind).toBe('FROZEN');
    expect(editProblem(error('CIRCLE_FULL')).kind).toBe('FULL');
    expect(editProblem(error('FORBIDDEN')).kind).toBe('FORBIDDEN');
    expect(editProblem(error('UNAUTHENTICATED')).kind).toBe('UNAUTHENTICATED');
    expect(editProblem(error('DATABASE_UNAVAILABLE')).kind).toBe('UNAVAILABLE');
    // Not recorded, so not carried out; or out of time: both may work a moment later (issue 14).
    expect(editProblem(error('AUDIT_UNAVAILABLE')).kind).toBe('UNAVAILABLE');
    expect(editProblem(error('TIMEOUT')).kind).toBe('UNAVAILABLE');
    expect(editProblem({ graphQLErrors: [], networkError: new Error('offline') }).kind).toBe('UNAVAILABLE');
    expect(editProblem(error('INTERNAL')).kind).toBe('OTHER');
  });

  it('maps only the fields the forms have', () => {
    expect(formField('input.name')).toBe('name');
    expect(formField('input.circleId')).toBeNull();
    expect(formField(undefined)).toBeNull();
  });
});
