/**
 * A seeded source of numbers in [0, 1) (mulberry32), so a run's stops and faults can be replayed
 * by giving its seed again.
 *
 * @param seed - any 32-bit integer
 * @returns the next number at each call
 */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
