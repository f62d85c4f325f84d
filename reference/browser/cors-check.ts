/**
 * The CORS check, run on preflight responses, redirect responses and final responses alike.
 * @see https://fetch.spec.whatwg.org/#concept-cors-check
 */
import { headerListGet } from '../../spec/header-list.js';
import { ACAC, ACAO } from '../../spec/headers.js';
import { memoizeString } from '../../spec/memo.js';
import type { NetworkResponse } from './network.js';
import { byteSerializeRequestOrigin } from './origin-header.js';
import type { FetchRequest } from './request.js';
import type { NetworkError, Trace } from './trace.js';

/** The value in double quotes, escaped as JSON when it needs it (the common case needs nothing); the same origins are shown again and again. */
const show = memoizeString((value: string): string => (/^[\x20-\x21\x23-\x5b\x5d-\x7e]*$/.test(value) ? `"${value}"` : JSON.stringify(value)));

/**
 * Returns null on success, or the network error the failing step produces. `serialized` is the origin
 * the request carried (a profile's preflight may carry another than the byte-serialized request origin).
 */
export function corsCheck(request: FetchRequest, response: NetworkResponse, trace: Trace, what: string,
  serialized: string = byteSerializeRequestOrigin(request)): NetworkError | null {
  const include = request.credentials === 'include';
  // Step 1: get combines repeated lines with ", ", so two ACAO lines never match.
  const origin = headerListGet(response.headers, ACAO);
  // Step 2.
  if (origin === null) {
    return trace.fail('concept-cors-check:2', `${what}: no Access-Control-Allow-Origin header`);
  }
  // Step 3.
  if (!include && origin === '*') {
    trace.pass('concept-cors-check:3', `${what}: Access-Control-Allow-Origin is * and the request is not credentialed`);
    return null;
  }
  // Step 4: byte-for-byte, no case folding, no URL parsing.
  if (origin !== serialized) {
    const why = origin === '*' ? ' (* is not allowed for a credentialed request)'
      : origin.includes(',') ? ' (several values, or repeated header lines, never match)' : '';
    return trace.fail('concept-cors-check:4', `${what}: Access-Control-Allow-Origin ${show(origin)} is not the request's origin ${show(serialized)}${why}`);
  }
  // Step 5.
  if (!include) {
    trace.pass('concept-cors-check:5', `${what}: Access-Control-Allow-Origin matches ${show(serialized)}`);
    return null;
  }
  // Steps 6-8: exactly `true`, case-sensitive.
  const credentials = headerListGet(response.headers, ACAC);
  if (credentials === 'true') {
    trace.pass('concept-cors-check:7', `${what}: Access-Control-Allow-Origin matches ${show(serialized)} and Access-Control-Allow-Credentials is true`);
    return null;
  }
  const actual = credentials === null ? 'absent' : show(credentials);
  return trace.fail('concept-cors-check:8', `${what}: the request is credentialed and Access-Control-Allow-Credentials is ${actual}, not exactly "true"`);
}
