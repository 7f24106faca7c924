/** The query parameter on /inloggen that says where to go after logging in. */
export const RETURN_PARAM = 'terug';

export const LOGIN_PATH = '/inloggen';

/** The query parameter on /inloggen with a message after a full page load (logged out, data erased). */
export const NOTICE_PARAM = 'melding';

/** The login page after logging out or erasing everything, loaded afresh so nothing stays in memory. */
export function loginPageAfter(notice: 'uitgelogd' | 'verwijderd'): string {
  return `${LOGIN_PATH}?${NOTICE_PARAM}=${notice}`;
}

/**
 * A path inside this app to return to after logging in, or null. Only same-origin paths are
 * accepted ("/kring/…"), never "//host", "/\host" or "https://…": a link someone sends could
 * otherwise lead a user who just logged in to another site (open redirect).
 */
export function safeReturnPath(value: string | null | undefined): string | null {
  if (!value || !value.startsWith('/')) return null;
  if (value.startsWith('//') || value.startsWith('/\\')) return null;
  // Control characters and backslashes have no place in our paths; browsers treat some as "/".
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return null;
  if (value === LOGIN_PATH || value.startsWith(`${LOGIN_PATH}?`) || value.startsWith(`${LOGIN_PATH}/`)) return null;
  return value;
}

/** The login page, remembering where the user was (when that is a page worth returning to). */
export function loginPath(from: string | null | undefined): string {
  const back = safeReturnPath(from);
  if (!back || back === '/') return LOGIN_PATH;
  return `${LOGIN_PATH}?${new URLSearchParams({ [RETURN_PARAM]: back }).toString()}`;
}
