/**
 * Bounds on the request inputs the reference server reads. Anything over a bound is refused (no CORS
 * headers), never parsed further, so hostile requests cost at most a few kilobytes of scanning.
 * The policy compiler enforces the same bounds, so no policy can allow a value `decide` would refuse.
 */
export const LIMITS = {
  // Choice: a serialized origin with a DNS host is at most 8 + 253 + 6 = 267 bytes ("https://",
  // a 253-byte domain, ":65535"); 512 leaves room for long schemes and IPv6 while refusing junk.
  originLength: 512,
  // Choice: registered HTTP methods are under 20 bytes; 64 is generous for custom ones.
  methodLength: 64,
  // Choice: browsers list only the CORS-unsafe header names the page set (a handful in practice);
  // 4 KiB of names, all Access-Control-Request-Headers lines together, is far beyond real use.
  requestHeadersLength: 4096,
  // Choice: at most 128 names in Access-Control-Request-Headers after parsing.
  requestHeaderNames: 128,
} as const;
