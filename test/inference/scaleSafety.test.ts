import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  agreementShare,
  codedMean,
  defineScale,
  frequencies,
  likert,
  meanInterval,
  proportionInterval,
} from '../../src/index';
import { inverseRegularizedBeta } from '../../src/math/beta';
import { moments } from '../../src/math/moments';
import { largestRemainder } from '../../src/report/rounding';
import { expectClose } from '../helpers/close';

// Reference values of this file, by hand unless a command is given:
//   x = 1, 2, 2, 3, 3, 3, 4, 4, 2, 3: mean 2.7, Σ(x − 2.7)² = 8.1, s² = 8.1/9 = 0.9, s = √0.9,
//   se = s/√10 = 0.3; python3 -c "import numpy as np; print(repr(np.sqrt(0.9)))"
//   → 0.9486832980505138; t(0.975, 9): python3 -c "from scipy import stats;
//   print(repr(stats.t.ppf(0.975, 9)))" → 2.262157162798205.
const SD = 0.9486832980505138;
const T_975_9 = 2.262157162798205;
const SAMPLE = [1, 2, 2, 3, 3, 3, 4, 4, 2, 3];

describe('moments and meanInterval under extreme scaling', () => {
  it('meanInterval keeps the sd, se and interval of values scaled by 1e-170', () => {
    const factor = 1e-170;
    const result = meanInterval(SAMPLE.map((x) => x * factor));
    expectClose(result.mean, 2.7 * factor, 1e-15, 'mean');
    expectClose(result.sd, SD * factor, 1e-14, 'sd');
    expectClose(result.se, 0.3 * factor, 1e-14, 'se');
    expectClose(result.upper - result.mean, T_975_9 * 0.3 * factor, 1e-13, 'half width');
    expect(result.lower).toBeLessThan(result.mean);
  });

  it('meanInterval keeps the sd of values scaled by 1e300, whose squares overflow', () => {
    const factor = 1e300;
    const result = meanInterval(SAMPLE.map((x) => x * factor));
    expectClose(result.sd, SD * factor, 1e-14, 'sd');
    expectClose(result.se, 0.3 * factor, 1e-14, 'se');
    expect(Number.isFinite(result.lower) && Number.isFinite(result.upper)).toBe(true);
  });

  it('moments keeps the sd of subnormal values', () => {
    // 1, 2, 3 times the smallest subnormal 2^-1074: sd = 2^-1074 exactly (s² = 2/2 = 1).
    const tiny = 2 ** -1074;
    expect(moments([tiny, 2 * tiny, 3 * tiny]).sd).toBe(tiny);
  });
});

describe('codedMean under extreme codes', () => {
  it('keeps the sd of codes 1e16 and 1e16 + 2, whose mean is not a double', () => {
    // Answers a, b, a, b: deviations ±1 from 1e16 + 1, Σd² = 4, s² = 4/3, s = 1.1547005383792515
    // (python3 -c "import math; print(repr(math.sqrt(4/3)))"), se = s/2.
    const scale = defineScale({ id: 'far', levels: ['a', 'b'], codes: [1e16, 1e16 + 2] });
    const result = codedMean(likert(['a', 'b', 'a', 'b'], scale));
    expectClose(result.sd, 1.1547005383792515, 1e-15, 'sd');
    expectClose(result.se, 0.5773502691896258, 1e-15, 'se');
    // The bounds themselves are doubles 2 apart at 1e16, so only their order is checked.
    expect(result.ci.lower).toBeLessThan(result.ci.upper);
  });

  it('keeps the sd of codes scaled by 1e-170', () => {
    const factor = 1e-170;
    const scale = defineScale({ id: 'tiny', levels: ['1', '2', '3', '4'].map((l) => `L${l}`), codes: [1, 2, 3, 4].map((c) => c * factor) });
    const result = codedMean(likert(SAMPLE.map((c) => `L${c}`), scale));
    expectClose(result.mean, 2.7 * factor, 1e-15, 'mean');
    expectClose(result.sd, SD * factor, 1e-14, 'sd');
    expectClose(result.se, 0.3 * factor, 1e-14, 'se');
  });

  it('keeps the weighted sd of codes 1e16 apart by 2', () => {
    // Equal weights 0.5 give exactly the unweighted answer (n' = n).
    const scale = defineScale({ id: 'far', levels: ['a', 'b'], codes: [1e16, 1e16 + 2] });
    const result = codedMean(likert(['a', 'b', 'a', 'b'], scale), { weights: [0.5, 0.5, 0.5, 0.5] });
    expectClose(result.sd, 1.1547005383792515, 1e-15, 'sd');
  });

  it('still gives the correctly rounded mean for small integer codes', () => {
    const scale = defineScale({ id: 'plain', levels: ['a', 'b', 'c', 'd'] });
    // (1 + 3 + 4) / 3 = 8/3, nearest double 2.6666666666666665
    expect(codedMean(likert(['a', 'c', 'd'], scale)).mean).toBe(8 / 3);
  });
});

describe("Kish's effective n under extreme weights", () => {
  const scale = defineScale({ id: 'plain', levels: ['a', 'b', 'c', 'd'] });
  const column = likert(['a', 'b', 'c', 'd'], scale);
  // weights 1, 2, 3, 4: (Σw)²/Σw² = 100/30 = 3.3333333333333335
  for (const factor of [1e-170, 1e300]) {
    it(`is (Σw)²/Σw² for weights scaled by ${factor}`, () => {
      const weights = [1, 2, 3, 4].map((w) => w * factor);
      expectClose(codedMean(column, { weights }).nEffective, 10 / 3, 1e-15, 'codedMean');
      expectClose(agreementShare(column, { weights }).nEffective, 10 / 3, 1e-15, 'agreementShare');
      expectClose(frequencies(column, { weights }).nEffective, 10 / 3, 1e-15, 'frequencies');
    });
  }
});

describe('largestRemainder near the largest double', () => {
  it('rounds values near 1e308, whose sum overflows, to shares summing to 100', () => {
    expect(largestRemainder([1e308, 1e308, 0.5e308])).toEqual([40, 40, 20]);
    expect(largestRemainder([1.7e308, 1.7e308, 1.7e308])).toEqual([34, 33, 33]);
  });
});

describe('the Jeffreys bound at 0 successes for n near 2^53', () => {
  // Upper bound = the 0.975 quantile of Beta(½, n + ½). For large n, (n + ½)·X → Gamma(½), so the
  // bound is g/(n + ½)·(1 − c/n) with g = python3 -c "from scipy.special import gammaincinv;
  // print(repr(gammaincinv(0.5, 0.975)))" → 2.511943093657444 and c ≈ 1.006, fitted from
  // scipy.special.betaincinv(0.5, n + 0.5, 0.975) at n = 1e6, 1e9, 1e12; at n ≈ 9e15 the c/n term
  // is 1e-16, so the reference is g/(n + ½) = 2.7888170591266404e-16 for n = 2^53 − 1.
  it('is the Beta(½, n + ½) quantile for n = 2^53 − 1, and the lower bound is exactly 0', () => {
    const result = proportionInterval(0, 2 ** 53 - 1, { method: 'jeffreys' });
    expect(result.lower).toBe(0);
    expectClose(result.upper, 2.7888170591266404e-16, 4 * Number.EPSILON, 'upper');
  });

  it('solves the upper-tail beta quantile for b beyond 2^53', () => {
    // g/b with b = 1e17 (the c/b term is 1e-17)
    expectClose(inverseRegularizedBeta(0.025, 0.5, 1e17, false), 2.511943093657444e-17, 4 * Number.EPSILON);
  });

  it('gives Clopper-Pearson its closed form at 0 successes for n = 2^53 − 1', () => {
    // Upper bound 1 − 0.025^(1/n) = −expm1(ln 0.025 / n); ln 0.025 = −3.6888794541139363
    // (python3 -c "import math; print(repr(math.log(0.025)))"), so ≈ 3.6888794541139363/n.
    const n = 2 ** 53 - 1;
    expectClose(proportionInterval(0, n, { method: 'clopper-pearson' }).upper, 3.6888794541139363 / n, 4 * Number.EPSILON);
  });
});

describe('likert refuses impossible lengths', () => {
  const scale = defineScale({ id: 'plain', levels: ['a', 'b'] });
  // A cell read throws, so that a regression fails at once instead of coding 2^32 cells.
  const huge = (length: number): ArrayLike<string> =>
    Object.defineProperties({ length } as unknown as ArrayLike<string>, {
      0: { get: () => { throw new Error('cell 0 was read'); } },
    });
  for (const length of [1e12, 2 ** 32, Number.MAX_SAFE_INTEGER]) {
    it(`throws a RangeError starting "likert:" for length ${length}`, () => {
      expect(() => likert(huge(length), scale)).toThrow(RangeError);
      expect(() => likert(huge(length), scale)).toThrow(new RegExp(`^likert: responses has length ${length}, more than the 2147483647`));
    });
  }
});

describe('scale safety, as properties', () => {
  // sd(2^k·x) = 2^k·sd(x) exactly in exact arithmetic, and multiplying by a power of two is
  // exact in binary64, so the scale-safe moments must give the same digits up to rounding.
  it('meanInterval: the sd of 2^k·x is 2^k times the sd of x, for k from −560 to 560', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 2, maxLength: 30 }),
        fc.integer({ min: -560, max: 560 }),
        (values, k) => {
          const base = meanInterval(values).sd;
          const scaled = meanInterval(values.map((v) => v * 2 ** k)).sd;
          if (base === 0) return scaled === 0;
          return Math.abs(scaled / 2 ** k / base - 1) <= 1e-13;
        },
      ),
    );
  });

  it('codedMean: shifting every code by a large constant leaves the sd unchanged', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 2, maxLength: 40 }),
        fc.constantFrom(0, 1e6, 1e12, 2 ** 52),
        (answers, shift) => {
          const labels = ['a', 'b', 'c', 'd'];
          const plain = defineScale({ id: 'p', levels: labels });
          // Codes 1, 3, 5, 7 shifted: every code and every difference is an exact double.
          const shifted = defineScale({ id: 's', levels: labels, codes: [1, 3, 5, 7].map((c) => c + shift) });
          const responses = answers.map((a) => labels[a] as string);
          const base = codedMean(likert(responses, plain)).sd;
          const moved = codedMean(likert(responses, shifted)).sd;
          if (base === 0) return moved === 0;
          return Math.abs(moved / (2 * base) - 1) <= 1e-13;
        },
      ),
    );
  });
});
