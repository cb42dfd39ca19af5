import { describe, expect, it } from 'vitest';
import { moments } from '../../src/math/moments';
import { certified, readNist } from '../helpers/nist';
import { relativeError } from '../helpers/close';

// NIST StRD univariate summary statistics, certified to 15 significant digits
// (itl.nist.gov/div898/strd/univ). The data files and certified values are copied unchanged
// from the project's shared data into test/fixtures/nist.
const nist = certified();

/** Digits of agreement a double-input algorithm can reach, per the data README. */
const sdDigitsRequired: Record<string, number> = {
  PiDigits: 14,
  Lottery: 14,
  Lew: 14,
  Mavro: 12,
  Michelso: 12,
  NumAcc1: 14,
  NumAcc2: 13,
  NumAcc3: 9,
  NumAcc4: 8,
};

describe('moments on the NIST StRD univariate datasets', () => {
  for (const [name, cert] of Object.entries(nist.datasets)) {
    it(`${name}: n and mean match the certified values to 14 digits`, () => {
      const [y] = readNist(cert.file);
      expect(y).toHaveLength(cert.n);
      const m = moments(Object.freeze(y!.slice()));
      expect(m.n).toBe(cert.n);
      expect(relativeError(m.mean, Number(cert.mean))).toBeLessThan(1e-14);
    });

    it(`${name}: the standard deviation meets the certified value to ${sdDigitsRequired[name]} significant digits`, () => {
      const [y] = readNist(cert.file);
      const sd = Math.sqrt(moments(y!).variance);
      const digits = -Math.log10(relativeError(sd, Number(cert.sd)) || 1e-17);
      expect(digits).toBeGreaterThanOrEqual(sdDigitsRequired[name]!);
    });
  }
});

describe('moments edge cases', () => {
  it('gives NaN mean and variance for an empty sample', () => {
    const m = moments([]);
    expect(m.n).toBe(0);
    expect(m.mean).toBeNaN();
    expect(m.variance).toBeNaN();
  });

  it('gives the value as the mean and NaN variance for n = 1', () => {
    const m = moments([7]);
    expect(m.mean).toBe(7);
    expect(m.variance).toBeNaN();
  });

  it('gives exactly zero variance for a constant sample with a huge offset', () => {
    expect(moments([1e15 + 2, 1e15 + 2, 1e15 + 2]).variance).toBe(0);
  });

  it('does not mutate a frozen input', () => {
    const input = Object.freeze([3, 1, 2]);
    moments(input);
    expect(input).toEqual([3, 1, 2]);
  });
});
