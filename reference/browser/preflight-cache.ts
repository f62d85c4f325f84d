/**
 * The CORS-preflight cache, with time as a parameter (seconds).
 * @see https://fetch.spec.whatwg.org/#concept-cache
 */
import { byteCaseInsensitiveMatch } from '../../spec/header-list.js';
import { isCorsNonWildcardRequestHeaderName } from '../../spec/request-headers.js';
import type { Profile } from './profiles.js';

/** @see https://fetch.spec.whatwg.org/#cache-entry */
export interface CacheEntry {
  /** The network partition key; one page (one top-level site) per case, so a constant. */
  readonly key: string;
  readonly origin: string;
  readonly url: string;
  maxAge: number;
  storedAt: number;
  readonly credentials: boolean;
  readonly method: string | null;
  readonly headerName: string | null;
}

/** What a lookup needs to know of the request. */
export interface CacheRequest {
  /** The byte-serialized request origin (`null` when redirect-tainted or opaque). */
  readonly origin: string;
  /** The current URL, serialized. */
  readonly url: string;
  readonly credentialsInclude: boolean;
}

const PARTITION = 'page';

export class PreflightCache {
  private entries: CacheEntry[] = [];

  constructor(private readonly profile: Profile) {}

  /** Entries must be removed once max-age seconds have passed since storing. */
  expire(now: number): void {
    // Usually none has expired: only then is a new list built.
    for (const entry of this.entries) {
      if (now - entry.storedAt < entry.maxAge) continue;
      this.entries = this.entries.filter((live) => now - live.storedAt < live.maxAge);
      return;
    }
  }

  get size(): number {
    return this.entries.length;
  }

  /** @see https://fetch.spec.whatwg.org/#concept-cache-match */
  private matches(entry: CacheEntry, request: CacheRequest): boolean {
    if (entry.key !== PARTITION || entry.origin !== request.origin || entry.url !== request.url) return false;
    if (this.profile.cacheKeyedByCredentials) return entry.credentials === request.credentialsInclude;
    return entry.credentials || !request.credentialsInclude;
  }

  private wildcardUsable(entry: CacheEntry, request: CacheRequest): boolean {
    switch (this.profile.cacheWildcards) {
      case 'spec': return true;
      case 'uncredentialed-only': return !entry.credentials;
      case 'uncredentialed-requests': return !request.credentialsInclude;
      case 'never': return false;
    }
  }

  /** Whether any entry matches the request (engines that keep one result per URL ask this first). */
  hasEntry(request: CacheRequest): boolean {
    for (const entry of this.entries) if (this.matches(entry, request)) return true;
    return false;
  }

  /** @see https://fetch.spec.whatwg.org/#concept-cache-match-method */
  methodMatch(request: CacheRequest, method: string): CacheEntry | undefined {
    for (const entry of this.entries) {
      if (this.matches(entry, request) &&
        (entry.method === method || (entry.method === '*' && this.wildcardUsable(entry, request)))) return entry;
    }
    return undefined;
  }

  /** @see https://fetch.spec.whatwg.org/#concept-cache-match-header */
  headerNameMatch(request: CacheRequest, name: string): CacheEntry | undefined {
    for (const entry of this.entries) {
      if (this.matches(entry, request) && entry.headerName !== null &&
        (byteCaseInsensitiveMatch(entry.headerName, name) ||
          (entry.headerName === '*' && this.wildcardUsable(entry, request) &&
            (!isCorsNonWildcardRequestHeaderName(name) || this.profile.cacheWildcardCoversAuthorization)))) return entry;
    }
    return undefined;
  }

  /** Sets a matching entry's max-age (cors-preflight-fetch-0 steps 7.12 and 7.14). */
  update(entry: CacheEntry, maxAge: number, now: number): void {
    entry.maxAge = maxAge;
    if (this.profile.cacheStructure === 'merge-refresh') entry.storedAt = now;
  }

  /** @see https://fetch.spec.whatwg.org/#concept-cache-create-entry */
  create(request: CacheRequest, maxAge: number, now: number, method: string | null, headerName: string | null): void {
    this.entries.push({
      key: PARTITION, origin: request.origin, url: request.url, maxAge, storedAt: now,
      credentials: request.credentialsInclude, method, headerName,
    });
  }

  /** @see https://fetch.spec.whatwg.org/#concept-cache-clear */
  clear(request: CacheRequest): number {
    const before = this.entries.length;
    this.entries = this.entries.filter((entry) =>
      !(entry.key === PARTITION && entry.origin === request.origin && entry.url === request.url));
    return before - this.entries.length;
  }
}
