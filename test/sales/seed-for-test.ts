import { onTestFailed } from 'vitest';
import { chooseSeed, randomFromSeed, type SeededRandom } from './seeded-random';

/**
 * The seeded generator for one randomized test: call inside the test. Prints the seed now and when the test
 * fails, with the command line that replays it.
 */
export function seededRandomForTest(name: string): SeededRandom {
  const seed = chooseSeed();
  const replay = `${name}: seed ${seed} (replay with SALDO_SEED=${seed})`;
  console.log(replay);
  onTestFailed(() => console.error(`FAILED ${replay}`));
  return randomFromSeed(seed);
}
