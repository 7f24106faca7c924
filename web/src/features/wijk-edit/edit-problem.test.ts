import { describe, expect, it } from 'vitest';
import { nl } from '../../messages/nl';
import { placeProblem, wijkEditField, wijkEditProblem } from './edit-problem';

const error = (code: string, field?: string) => ({ graphQLErrors: [{ extensions: { code, ...(field ? { field } : {}) } }] });
const p = nl.wijkEdit.problem;

describe('wijkEditProblem', () => {
  it('shows contact details in a note at the note, in plain Dutch', () => {
    expect(wijkEditProblem(error('CONTACT_DETAILS_NOT_ALLOWED', 'input.note'))).toEqual({
      field: 'note',
      message: p.contactDetails,
    });
    expect(wijkEditProblem(error('CONTACT_DETAILS_NOT_ALLOWED', 'input.description')).field).toBe('description');
    // Without a field the note is the one free-text field a link has.
    expect(wijkEditProblem(error('CONTACT_DETAILS_NOT_ALLOWED')).field).toBe('note');
    expect(p.contactDetails).toMatch(/telefoonnummer/);
  });

  it('puts missing consent at the checkbox, and a key figure without consent at the end of the link', () => {
    expect(wijkEditProblem(error('CONSENT_REQUIRED', 'input.consent'))).toEqual({ field: 'consent', message: p.consentRequired });
    expect(wijkEditProblem(error('CONSENT_REQUIRED', 'input.fromId'))).toEqual({
      field: 'from',
      message: p.keyFigureWithoutConsent,
    });
  });

  it('explains an organisation outside the wijk, with the way out for the other end', () => {
    expect(wijkEditProblem(error('OUTSIDE_DISTRICT', 'input.toId'))).toEqual({ field: 'to', message: p.outsideDistrictTo });
    expect(wijkEditProblem(error('OUTSIDE_DISTRICT', 'input.organisationId'))).toEqual({
      field: 'organisation',
      message: p.outsideDistrict,
    });
  });

  it('names what is wrong with a field', () => {
    expect(wijkEditProblem(error('INVALID_INPUT', 'input.until'))).toEqual({ field: 'until', message: p.invalid.until });
    expect(wijkEditProblem(error('INVALID_INPUT', 'input.strength'))).toEqual({ field: 'strength', message: p.invalid.strength });
    expect(wijkEditProblem(error('INVALID_INPUT', 'input.languages.1'))).toEqual({
      field: 'languages',
      message: p.invalid.languages,
    });
    expect(wijkEditProblem(error('INVALID_INPUT', 'input.districtId'))).toEqual({ field: null, message: p.invalidOther });
  });

  it('tells apart something already done, something gone and a chosen organisation that is gone', () => {
    expect(wijkEditProblem(error('CONFLICT', 'input.id'))).toEqual({ field: null, message: p.alreadyDone });
    expect(wijkEditProblem(error('CONFLICT', 'input.organisationId'))).toEqual({
      field: 'organisation',
      message: p.alreadyMember,
    });
    expect(wijkEditProblem(error('NOT_FOUND', 'input.id'))).toEqual({ field: null, message: p.gone });
    expect(wijkEditProblem(error('NOT_FOUND', 'input.toId'))).toEqual({ field: 'to', message: p.endGone });
  });

  it('knows access, the session, conflicts and the network', () => {
    expect(wijkEditProblem(error('FORBIDDEN')).message).toBe(p.forbidden);
    expect(wijkEditProblem(error('UNAUTHENTICATED')).message).toBe(p.unauthenticated);
    expect(wijkEditProblem(error('EDIT_CONFLICT')).message).toBe(p.editConflict);
    expect(wijkEditProblem(error('DATABASE_UNAVAILABLE')).message).toBe(p.unavailable);
    expect(wijkEditProblem({ graphQLErrors: [], networkError: new Error('offline') }).message).toBe(p.unavailable);
    expect(wijkEditProblem(error('INTERNAL_SERVER_ERROR')).message).toBe(p.other);
  });

  it('maps only the fields the forms have', () => {
    expect(wijkEditField('input.note')).toBe('note');
    expect(wijkEditField('input.consentDate')).toBe('consentDate');
    expect(wijkEditField('input.districtId')).toBeNull();
    expect(wijkEditField(42)).toBeNull();
  });
});

describe('placeProblem', () => {
  it('shows a problem at the field when the form has it, otherwise above the form', () => {
    const problem = { field: 'note' as const, message: 'x' };
    expect(placeProblem(problem, ['kind', 'note'])).toEqual({ atField: { note: 'x' }, general: null });
    expect(placeProblem(problem, ['kind'])).toEqual({ atField: {}, general: 'x' });
    expect(placeProblem({ field: null, message: 'y' }, ['kind'])).toEqual({ atField: {}, general: 'y' });
  });
});
