import { describe, expect, it } from 'vitest';
import { loginProblem } from './login-errors';

const error = (code: string, extensions: Record<string, unknown> = {}) => ({
  graphQLErrors: [{ extensions: { code, ...extensions } }],
});

describe('loginProblem', () => {
  it('says username or password is wrong, without saying which', () => {
    const problem = loginProblem(error('INVALID_CREDENTIALS'), 'password');
    expect(problem.message).toMatch(/gebruikersnaam of wachtwoord klopt niet/i);
    expect(problem.aboutCode).toBe(false);
  });

  it('says to wait for the next code when a code is refused in step 2, on the code field (issue 14)', () => {
    // The API refuses a mistyped code, a code used a moment ago and one that ran out alike.
    for (const step of ['totp', 'setup'] as const) {
      const problem = loginProblem(error('INVALID_CREDENTIALS'), step);
      expect(problem.message).toMatch(/Wacht tot je app een nieuwe code laat zien/);
      expect(problem.message).not.toMatch(/klopt niet/);
      expect(problem.aboutCode).toBe(true);
    }
  });

  it('says how many minutes to wait after too many attempts', () => {
    expect(loginProblem(error('RATE_LIMITED', { retryAfterSeconds: 840 }), 'password').message).toContain('Wacht 14 minuten');
    expect(loginProblem(error('RATE_LIMITED', { retryAfterSeconds: 30 }), 'totp').message).toContain('Wacht 1 minuut');
    expect(loginProblem(error('RATE_LIMITED'), 'password').message).toContain('Wacht even');
  });

  it('starts again when the half-finished login expired during step 2', () => {
    expect(loginProblem(error('UNAUTHENTICATED'), 'totp')).toMatchObject({ restart: true });
    expect(loginProblem(error('UNAUTHENTICATED'), 'password')).toMatchObject({ restart: false });
  });

  it('asks to try again later when the service is down', () => {
    expect(loginProblem({ networkError: new TypeError('Failed to fetch'), graphQLErrors: [] }, 'password').message).toMatch(
      /niet bereikbaar/,
    );
    expect(loginProblem(error('INTERNAL'), 'password').message).toMatch(/ligt niet aan jou/);
  });
});
