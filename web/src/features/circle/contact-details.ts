/**
 * The circle is not an address book: a name, relation or note may not hold an e-mail address or a
 * phone number. The API refuses them (CONTACT_DETAILS_NOT_ALLOWED); checking the same thing before
 * sending lets the page say so at the field at once.
 *
 * The patterns are a copy of graph/src/circle/schemas.ts (the web app knows the API only through
 * its schema, so it cannot import them). Keep them in step: the tests below use the same cases.
 */
const EMAIL = /[^\s@]+@[^\s@]+\.[a-z]{2,}/i;
/** Nine or more digits, allowing spaces, dots, dashes, brackets and a leading + (06-12345678, +31 30 123 4567). */
const PHONE = /(?:\+|\b)\d(?:[\s().-]*\d){8,}/;

export function containsContactDetails(text: string): boolean {
  return EMAIL.test(text) || PHONE.test(text);
}
