import { classifyLoadError, hasErrorCode, retryAfterMinutes, type LoadErrorLike } from '../../lib/load-error';
import { nl } from '../../messages/nl';

export type LoginStepKind = 'password' | 'totp' | 'setup';

export interface LoginProblem {
  readonly message: string;
  /** The problem is with the code just typed (its field gets the problem), not with the whole login. */
  readonly aboutCode: boolean;
  /** The half-finished login is gone (UNAUTHENTICATED during step 2): start again with the password. */
  readonly restart: boolean;
}

/** What to tell someone whose login, code or code setup was refused. Codes only, never messages. */
export function loginProblem(error: LoadErrorLike, step: LoginStepKind): LoginProblem {
  const codeStep = step !== 'password';
  if (hasErrorCode(error, 'RATE_LIMITED')) {
    const minutes = retryAfterMinutes(error);
    return {
      message: minutes === null ? nl.state.rateLimited : nl.state.rateLimitedMinutes(minutes),
      aboutCode: false,
      restart: false,
    };
  }
  if (hasErrorCode(error, 'INVALID_CREDENTIALS')) {
    return codeStep
      ? { message: nl.login.codeWrong, aboutCode: true, restart: false }
      : { message: nl.login.invalidCredentials, aboutCode: false, restart: false };
  }
  if (hasErrorCode(error, 'INVALID_INPUT')) {
    return codeStep
      ? { message: nl.login.codeInvalid, aboutCode: true, restart: false }
      : { message: nl.login.invalidCredentials, aboutCode: false, restart: false };
  }
  if (codeStep && hasErrorCode(error, 'UNAUTHENTICATED'))
    return { message: nl.login.stepExpired, aboutCode: false, restart: true };
  const kind = classifyLoadError(error);
  return { message: kind === 'UNAVAILABLE' ? nl.state.unavailable : nl.state.otherError, aboutCode: false, restart: false };
}
