/**
 * Untrusted origins, generated from each trusted origin and from the target: the bypass classes that
 * real allow-list code gets wrong (reflection, null, prefix, suffix, unescaped dot, scheme, port,
 * subdomain, special characters, substring). Pure and deterministic.
 */
import { isOriginOrNull } from '../../spec/origin.js';

export type BypassClass =
  | 'origin-reflection' | 'null-origin' | 'origin-prefix' | 'origin-suffix' | 'unescaped-dot'
  | 'origin-scheme' | 'origin-port' | 'origin-subdomain' | 'special-characters' | 'origin-substring';

export interface UntrustedOrigin {
  readonly origin: string;
  readonly bypass: BypassClass;
  /** The trusted origin it imitates (null for reflection and null). */
  readonly imitates: string | null;
  /** False for values no browser sends (a robustness probe, labelled as such in findings). */
  readonly browserRealistic: boolean;
}

export const ATTACKER_ORIGIN = 'https://attacker.cors-conformance.test';

function parts(origin: string): { scheme: string; host: string; port: string } | null {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  return { scheme: url.protocol.slice(0, -1), host: url.hostname, port: url.port };
}

function variants(base: string): UntrustedOrigin[] {
  const p = parts(base);
  if (p === null || p.host.startsWith('[')) return [];
  const port = p.port === '' ? '' : `:${p.port}`;
  const at = (scheme: string, host: string, suffix = port): string => `${scheme}://${host}${suffix}`;
  const out: UntrustedOrigin[] = [
    { origin: at(p.scheme, `${p.host}.evil.test`, ''), bypass: 'origin-prefix', imitates: base, browserRealistic: true },
    { origin: at(p.scheme, `${p.host}${port.replace(':', '-')}.evil.test`, ''), bypass: 'origin-prefix', imitates: base, browserRealistic: true },
    { origin: at(p.scheme, `evil${p.host}`), bypass: 'origin-suffix', imitates: base, browserRealistic: true },
    { origin: at(p.scheme, `evil-${p.host}`), bypass: 'origin-suffix', imitates: base, browserRealistic: true },
    { origin: at(p.scheme === 'https' ? 'http' : 'https', p.host), bypass: 'origin-scheme', imitates: base, browserRealistic: true },
    { origin: at(p.scheme, p.host, port === ':8443' ? ':9443' : ':8443'), bypass: 'origin-port', imitates: base, browserRealistic: true },
    { origin: at(p.scheme, `evil.${p.host}`), bypass: 'origin-subdomain', imitates: base, browserRealistic: true },
    { origin: at(p.scheme, `${p.host}_.evil.test`, ''), bypass: 'special-characters', imitates: base, browserRealistic: true },
    { origin: `${at(p.scheme, p.host)}\`.evil.test`, bypass: 'special-characters', imitates: base, browserRealistic: false },
    { origin: `${at(p.scheme, p.host)}@evil.test`, bypass: 'special-characters', imitates: base, browserRealistic: false },
    // The trusted origin less its last character (a shorter host or port): what a lookup in a string
    // instead of a list (`origin in "…"`, `joined.includes(origin)`) admits.
    { origin: at(p.scheme, p.host, port).slice(0, -1), bypass: 'origin-substring', imitates: base, browserRealistic: true },
  ];
  // Every dot, one at a time, read as "any character" by an unescaped regular expression.
  for (let i = p.host.indexOf('.'); i !== -1; i = p.host.indexOf('.', i + 1)) {
    out.push({ origin: at(p.scheme, p.host.slice(0, i) + 'x' + p.host.slice(i + 1)), bypass: 'unescaped-dot', imitates: base, browserRealistic: true });
  }
  return out;
}

/**
 * The untrusted origins to probe, without duplicates and without any origin `isTrusted` accepts
 * (a deliberate `*.app.example` pattern makes subdomains trusted, for instance).
 */
export function untrustedOrigins(trusted: readonly string[], target: string, isTrusted: (origin: string) => boolean): UntrustedOrigin[] {
  const candidates: UntrustedOrigin[] = [
    { origin: ATTACKER_ORIGIN, bypass: 'origin-reflection', imitates: null, browserRealistic: true },
    { origin: 'null', bypass: 'null-origin', imitates: null, browserRealistic: true },
    ...trusted.flatMap(variants),
    ...variants(new URL(target).origin),
  ];
  const seen = new Set<string>();
  return candidates.filter((candidate) => {
    if (seen.has(candidate.origin) || trusted.includes(candidate.origin) || isTrusted(candidate.origin)) return false;
    seen.add(candidate.origin);
    return true;
  // A variant that is not a serialized origin (e.g. `evil127.0.0.1`, which URL parsing rejects) is
  // something no browser can send: keep it as a robustness probe.
  }).map((candidate) => candidate.browserRealistic && !isOriginOrNull(candidate.origin) ? { ...candidate, browserRealistic: false } : candidate);
}
