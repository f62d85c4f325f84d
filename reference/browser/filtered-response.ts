/**
 * What script sees of a response: main fetch's post-processing (steps 14.1-14.2) and the filters.
 * @see https://fetch.spec.whatwg.org/#concept-filtered-response-cors
 */
import { failure } from '../../spec/abnf.js';
import { extractHeaderListValues } from '../../spec/header-list.js';
import { ACEH } from '../../spec/headers.js';
import { byteLowercase } from '../../spec/header-list.js';
import { convertHeaderNamesToSortedLowercaseSet } from '../../spec/request-headers.js';
import { corsSafelistedResponseHeaderNames, isForbiddenResponseHeaderName } from '../../spec/response-headers.js';
import type { FetchResponse } from './http-fetch.js';
import type { FetchRequest } from './request.js';
import type { Trace } from './trace.js';

export interface ScriptView {
  readonly type: 'basic' | 'cors' | 'opaque' | 'opaqueredirect';
  readonly status: number;
  readonly exposedHeaders: readonly string[];
}

/** The response's header names, byte-lowercased, each once, sorted, that `keep` accepts. */
function visibleNames(result: FetchResponse, keep: (lowercaseName: string) => boolean): string[] {
  const names: string[] = [];
  for (const [name] of result.response.headers) {
    const lower = byteLowercase(name);
    if (keep(lower)) names.push(lower);
  }
  return convertHeaderNamesToSortedLowercaseSet(names);
}

const notForbidden = (lowercaseName: string): boolean => !isForbiddenResponseHeaderName(lowercaseName);

/** Step 14.1: the CORS-exposed header-name list, from Access-Control-Expose-Headers. */
function corsExposedHeaderNames(request: FetchRequest, result: FetchResponse, trace: Trace): readonly string[] {
  const headerNames = extractHeaderListValues(ACEH, result.response.headers);
  if (headerNames === failure) {
    trace.info('concept-main-fetch:14.1', 'Access-Control-Expose-Headers does not parse: nothing beyond the safelist is exposed');
    return [];
  }
  if (headerNames === null) return [];
  if (request.credentials !== 'include' && headerNames.includes('*')) {
    trace.info('concept-main-fetch:14.1', 'Access-Control-Expose-Headers * exposes every header of an uncredentialed response');
    return convertHeaderNamesToSortedLowercaseSet(result.response.headers.map(([name]) => name));
  }
  return headerNames;
}

/** Step 14.2: wrap the response in the filter its tainting calls for. */
export function filteredResponse(request: FetchRequest, result: FetchResponse, trace: Trace): ScriptView {
  if (result.opaqueRedirect) return { type: 'opaqueredirect', status: 0, exposedHeaders: [] };
  switch (request.tainting) {
    case 'basic':
      return { type: 'basic', status: result.response.status, exposedHeaders: visibleNames(result, notForbidden) };
    case 'opaque':
      trace.info('concept-filtered-response-opaque', 'no-cors: script sees status 0 and no headers');
      return { type: 'opaque', status: 0, exposedHeaders: [] };
    case 'cors': {
      const exposed = corsExposedHeaderNames(request, result, trace);
      const visible = visibleNames(result, corsSafelistedResponseHeaderNames(exposed));
      trace.info('concept-filtered-response-cors', `script can read: ${visible.length === 0 ? '(no headers)' : visible.join(', ')}`);
      return { type: 'cors', status: result.response.status, exposedHeaders: visible };
    }
  }
}
