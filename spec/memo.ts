/**
 * A bounded cache for a pure function of one string. Servers answer with the same few header values
 * over and over, and the machine parses the same origins and URLs on every exchange, so the parsers
 * memoize by value. Results are shared: they must be immutable (arrays are frozen on the way in).
 * When full, the cache is emptied rather than evicting one entry at a time: hostile input can only
 * cost a refill, never unbounded memory.
 */
export function memoizeString<T>(compute: (input: string) => T, limit = 4096): (input: string) => T {
  const cache = new Map<string, T>();
  return (input: string): T => {
    let value = cache.get(input);
    if (value === undefined && !cache.has(input)) {
      value = compute(input);
      if (Array.isArray(value)) Object.freeze(value);
      if (cache.size >= limit) cache.clear();
      cache.set(input, value);
    }
    return value as T;
  };
}
