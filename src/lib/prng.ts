// mulberry32: a tiny seeded PRNG, for data that must come out the same on every machine (the router's generated
// training rows, the benchmark's 100k tickets, tests' random walks). Not for anything secret: use crypto for that.

/** A generator of numbers in [0, 1), the same sequence for the same seed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
