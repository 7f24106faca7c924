/** The API's rule for a new password (ChangePasswordInput.newPassword). */
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 64;

export type PasswordProblem = 'currentMissing' | 'tooShort' | 'tooLong' | 'sameAsCurrent' | 'repeatDiffers';

export interface PasswordForm {
  readonly current: string;
  readonly next: string;
  readonly repeat: string;
}

/**
 * Checks the form before sending it, so people see every problem at once. Length is counted as the
 * API (zod) counts it: UTF-16 code units, so an emoji counts as two.
 */
export function passwordProblems(form: PasswordForm): { field: 'current' | 'next' | 'repeat'; problem: PasswordProblem }[] {
  const problems: { field: 'current' | 'next' | 'repeat'; problem: PasswordProblem }[] = [];
  const { length } = form.next;
  if (form.current === '') problems.push({ field: 'current', problem: 'currentMissing' });
  if (length < PASSWORD_MIN) problems.push({ field: 'next', problem: 'tooShort' });
  else if (length > PASSWORD_MAX) problems.push({ field: 'next', problem: 'tooLong' });
  else if (form.next === form.current) problems.push({ field: 'next', problem: 'sameAsCurrent' });
  if (length >= PASSWORD_MIN && form.repeat !== form.next) problems.push({ field: 'repeat', problem: 'repeatDiffers' });
  return problems;
}
