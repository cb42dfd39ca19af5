/**
 * A small seeded pseudo-random generator for the synthetic demo answers: SplitMix32-style
 * integer mixing (Steele, Lea & Flood, "Fast splittable pseudorandom number generators",
 * OOPSLA 2014, adapted to 32-bit words). Deterministic for a given seed on every platform,
 * since it uses only 32-bit integer arithmetic. Not for cryptography or for statistics.
 */
export interface Random {
  /** Uniform on [0, 1). */
  uniform(): number;
  /** Standard normal (Box–Muller). */
  normal(): number;
}

/** Creates a generator from an integer seed. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  const next32 = (): number => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x21f0aaad) >>> 0;
    z = Math.imul(z ^ (z >>> 15), 0x735a2d97) >>> 0;
    return (z ^ (z >>> 15)) >>> 0;
  };
  const uniform = (): number => next32() / 4294967296;
  const normal = (): number => {
    // Box–Muller; 1 − u keeps the logarithm's argument in (0, 1].
    const u = 1 - uniform();
    const v = uniform();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  };
  return { uniform, normal };
}
