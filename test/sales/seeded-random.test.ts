import { describe, expect, it } from 'vitest';
import { chooseSeed, randomFromSeed } from './seeded-random';

describe('seeded randomness for randomized tests', () => {
  it('the same seed gives the same choices; another seed gives others', () => {
    const draw = (seed: number): number[] => {
      const random = randomFromSeed(seed);
      return Array.from({ length: 20 }, () => random.int(1000));
    };
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
  });

  it('stays within the bounds asked for', () => {
    const random = randomFromSeed(7);
    for (let index = 0; index < 1000; index += 1) {
      const value = random.int(5, 9);
      expect(value).toBeGreaterThanOrEqual(5);
      expect(value).toBeLessThan(9);
    }
  });

  it('SALDO_SEED chooses the seed; a bad one is refused', () => {
    expect(chooseSeed({ SALDO_SEED: '12345' })).toBe(12345);
    expect(() => chooseSeed({ SALDO_SEED: 'abc' })).toThrow(/SALDO_SEED/);
  });
});
