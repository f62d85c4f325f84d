/**
 * The Cross-Origin-Resource-Policy check, for opaque (no-cors) responses only. The page has no
 * embedder policy (COEP), so a missing header allows.
 * @see https://fetch.spec.whatwg.org/#cross-origin-resource-policy-internal-check
 */
import { headerListGet } from '../../spec/header-list.js';
import { isSameOrigin, originOfUrl } from '../../spec/origin.js';
import { NotModelledError } from './errors.js';
import type { NetworkResponse } from './network.js';
import type { FetchRequest } from './request.js';
import type { NetworkError, Trace } from './trace.js';

export function crossOriginResourcePolicyCheck(request: FetchRequest, response: NetworkResponse, trace: Trace): NetworkError | null {
  // Step 3: get combines repeated lines, and only the three exact tokens count.
  const raw = headerListGet(response.headers, 'cross-origin-resource-policy');
  const policy = raw === 'same-origin' || raw === 'same-site' || raw === 'cross-origin' ? raw : null;
  if (policy === null || policy === 'cross-origin') {
    trace.pass('cross-origin-resource-policy-internal-check', raw === null
      ? 'no Cross-Origin-Resource-Policy header' : `Cross-Origin-Resource-Policy ${JSON.stringify(raw)} allows`);
    return null;
  }
  const responseOrigin = originOfUrl(response.url);
  if (isSameOrigin(request.origin, responseOrigin)) {
    trace.pass('cross-origin-resource-policy-internal-check', `Cross-Origin-Resource-Policy ${policy}: same origin`);
    return null;
  }
  if (policy === 'same-origin') {
    return trace.fail('cross-origin-resource-policy-internal-check', 'Cross-Origin-Resource-Policy same-origin blocks this cross-origin no-cors response');
  }
  // same-site needs the registrable domain, i.e. the public suffix list, which the model does not carry.
  throw new NotModelledError('cross-origin-resource-policy-internal-check', 'Cross-Origin-Resource-Policy same-site across origins');
}
