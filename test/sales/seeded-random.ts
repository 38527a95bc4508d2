/**
 * Seeded randomness for randomized tests, so a failure can be replayed: the seed is printed when the test
 * starts and again when it fails, and SALDO_SEED=<seed> runs the same choices again. mulberry32: small, fast,
 * and good enough for picking test inputs (never for anything secret). No vitest import here: the crash
 * test's child process uses it too.
 */
export interface SeededRandom {
  readonly seed: number;
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, max) or, with two arguments, in [min, max). */
  int(max: number): number;
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T | undefined;
}

export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function randomFromSeed(seed: number): SeededRandom {
  const next = mulberry32(seed);
  function int(minOrMax: number, max?: number): number {
    const [low, high] = max === undefined ? [0, minOrMax] : [minOrMax, max];
    return low + Math.floor(next() * (high - low));
  }
  return { seed, next, int, pick: (items) => items[int(items.length)] };
}

/** SALDO_SEED when set (a number), else a fresh seed. */
export function chooseSeed(env: NodeJS.ProcessEnv = process.env): number {
  const fromEnv = env.SALDO_SEED?.trim();
  if (fromEnv) {
    const seed = Number(fromEnv);
    if (!Number.isSafeInteger(seed)) throw new Error(`SALDO_SEED must be an integer, got ${fromEnv}`);
    return seed >>> 0;
  }
  return Math.floor(Math.random() * 2 ** 32);
}
