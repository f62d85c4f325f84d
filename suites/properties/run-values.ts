/**
 * The values `fc.check(property, { seed })` tries, in order, without fast-check's runner: value i is the
 * one run i (replay path "i") gets. A pipelined run only needs the values, and the async runner's
 * per-run promises and hooks added about half again to the cost of generating them (measured).
 *
 * This follows fast-check 4's tosser: one xorshift128plus generator (its default `randomType`) from the
 * seed, jumped once before each run, and the run index as the property's bias. A test compares it with
 * `fc.check` for several seeds, so a fast-check release that draws differently fails there. It follows
 * fast-check's defaults only: a global `fc.configureGlobal` of `randomType`, `examples` or `unbiased`
 * (this project sets none) would change fc.check's values and not these.
 */
import fc from 'fast-check';
import { xorshift128plus } from 'pure-rand/generator/xorshift128plus';

/** fast-check's reading of a seed (`readSeed`): integers outside int32 fold their high bits in. */
function qualifiedSeed(seed: number): number {
  const seed32 = seed | 0;
  return seed === seed32 ? seed32 : seed32 ^ ((seed - seed32) * 0x100000000);
}

/** An endless, lazy sequence of the values fc.check would try for `arbitrary` with `seed`. */
export function* runValues<T>(arbitrary: fc.Arbitrary<T>, seed: number): Generator<T, never> {
  const property = fc.property<[T]>(arbitrary, () => true);
  const rng = xorshift128plus(qualifiedSeed(seed));
  for (let run = 0; ; run++) {
    rng.jump();
    yield property.generate(new fc.Random(rng), run).value[0];
  }
}
