/**
 * Merging the reference server's `Vary` field names into whatever `Vary` the application set: the
 * server only ever appends, so the application's own variance survives.
 * @see https://fetch.spec.whatwg.org/#cors-protocol-and-http-caches
 * @see https://www.rfc-editor.org/rfc/rfc9110#name-vary
 */
import { trimHttpTabOrSpace } from '../../spec/abnf.js';
import { byteLowercase } from '../../spec/header-list.js';

/**
 * The `Vary` value with `names` appended (case-insensitively deduplicated), or null when there is
 * nothing to write. `existing` is every `Vary` line joined with ", ", or null; `Vary: *` already covers
 * every name and is returned unchanged.
 */
export function appendVary(existing: string | null, names: readonly string[]): string | null {
  const present = existing === null ? [] : existing.split(',').map(trimHttpTabOrSpace).filter((n) => n !== '');
  if (present.includes('*')) return existing;
  const seen = new Set(present.map(byteLowercase));
  const added = names.filter((name) => {
    const lower = byteLowercase(name);
    if (seen.has(lower)) return false;
    seen.add(lower);
    return true;
  });
  if (added.length === 0) return existing;
  return [...present, ...added].join(', ');
}
