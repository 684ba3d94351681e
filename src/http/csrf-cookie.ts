/** The cookie holding the forms' CSRF secret; over HTTPS a `__Host-` name pins it to our origin. */
export function csrfCookieName(secure: boolean): string {
  return secure ? '__Host-csrf' : '_csrf';
}
