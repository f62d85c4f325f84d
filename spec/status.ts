/**
 * The status classes the CORS algorithms test.
 */

const REDIRECT_STATUSES: ReadonlySet<number> = new Set([301, 302, 303, 307, 308]);
const NULL_BODY_STATUSES: ReadonlySet<number> = new Set([101, 103, 204, 205, 304]);

/**
 * Whether `status` is 200-299; a preflight response must have one.
 * @see https://fetch.spec.whatwg.org/#ok-status
 */
export function isOkStatus(status: number): boolean {
  return Number.isInteger(status) && status >= 200 && status <= 299;
}

/**
 * Whether `status` is 301, 302, 303, 307 or 308 (300 and 304-306 are not redirects to Fetch).
 * @see https://fetch.spec.whatwg.org/#redirect-status
 */
export function isRedirectStatus(status: number): boolean {
  return REDIRECT_STATUSES.has(status);
}

/**
 * Whether `status` is 101, 103, 204, 205 or 304, whose responses have no body.
 * @see https://fetch.spec.whatwg.org/#null-body-status
 */
export function isNullBodyStatus(status: number): boolean {
  return NULL_BODY_STATUSES.has(status);
}
