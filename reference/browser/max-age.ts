/**
 * How long a preflight result may be cached: the spec's steps 7.8-7.10 and each engine's parsing.
 * @see https://fetch.spec.whatwg.org/#http-access-control-max-age
 */
import { failure } from '../../spec/abnf.js';
import { extractMaxAge, headerListGet, type HeaderList } from '../../spec/header-list.js';
import { ACMA } from '../../spec/headers.js';
import type { Profile } from './profiles.js';

export interface MaxAge {
  readonly seconds: number;
  readonly detail: string;
}

function capped(profile: Profile, value: bigint, detail: string): MaxAge {
  const cap = profile.maxAge.cap;
  if (cap !== null && value > BigInt(cap)) return { seconds: cap, detail: `${detail}, capped at ${cap}` };
  return { seconds: Number(value), detail };
}

/** The spec: failure or null gives 5; above the imposed limit gives the limit. */
function specMaxAge(profile: Profile, headers: HeaderList): MaxAge {
  const value = extractMaxAge(headers);
  if (value === null) return { seconds: profile.maxAge.fallback, detail: `no Access-Control-Max-Age: ${profile.maxAge.fallback} s` };
  if (value === failure) return { seconds: profile.maxAge.fallback, detail: `Access-Control-Max-Age is not one delta-seconds value: ${profile.maxAge.fallback} s` };
  return capped(profile, value, `Access-Control-Max-Age ${value} s`);
}

/** Engines read the combined header value with their own integer parser. */
function engineMaxAge(profile: Profile, headers: HeaderList): MaxAge {
  const rule = profile.maxAge;
  const raw = headerListGet(headers, ACMA);
  if (raw === null) return { seconds: rule.fallback, detail: `no Access-Control-Max-Age: ${rule.fallback} s` };
  const match = /^([+-]?)([0-9]+)$/.exec(raw);
  const sign = match?.[1] ?? '';
  if (match === null || (sign === '+' && !rule.acceptsPlus) || (sign === '-' && rule.negative === null)) {
    const seconds = rule.invalid ?? rule.fallback;
    return { seconds, detail: `${profile.name} does not parse Access-Control-Max-Age ${JSON.stringify(raw)}: ${seconds} s` };
  }
  const value = BigInt(match[2]!);
  if (sign === '-' && value !== 0n) return { seconds: rule.negative!, detail: `${profile.name} treats a negative max-age as ${rule.negative} s` };
  if (rule.overflowAbove !== null && value > rule.overflowAbove) {
    return { seconds: rule.fallback, detail: `Access-Control-Max-Age overflows ${profile.name}'s integer: ${rule.fallback} s` };
  }
  return capped(profile, value, `Access-Control-Max-Age ${value} s`);
}

export function preflightMaxAge(profile: Profile, headers: HeaderList): MaxAge {
  return profile.name === 'spec' ? specMaxAge(profile, headers) : engineMaxAge(profile, headers);
}
