import { describe, expect, it } from 'vitest';
import { normalQuantile, studentTQuantile } from '../../src/math';

describe('studentTQuantile asked again', () => {
  it('gives the same double for the same p and df, and keeps the two tails apart', () => {
    // R: print(qt(0.025, 29), digits = 16) = -2.045229642132704; qt(0.025, 29, lower.tail = FALSE) = 2.045229642132704
    const lower = studentTQuantile(0.025, 29);
    const upper = studentTQuantile(0.025, 29, false);
    expect(lower).toBeCloseTo(-2.045229642132704, 14);
    expect(upper).toBeCloseTo(2.045229642132704, 14);
    expect(studentTQuantile(0.025, 29)).toBe(lower);
    expect(studentTQuantile(0.025, 29, false)).toBe(upper);
    // A neighbouring df is its own quantile. R: qt(0.025, 30) = -2.042272456301238
    expect(studentTQuantile(0.025, 30)).toBeCloseTo(-2.042272456301238, 14);
  });

  it('gives the same quantile before and after 5000 others', () => {
    const first = studentTQuantile(0.05, 12345, false);
    for (let df = 1; df <= 5000; df++) studentTQuantile(0.05, df + 0.5, false);
    // R: qt(0.05, 12345, lower.tail = FALSE) = 1.64497706836069 (print(…, digits = 16))
    expect(studentTQuantile(0.05, 12345, false)).toBe(first);
    expect(first).toBeCloseTo(1.64497706836069, 12);
  });
});

describe('normalQuantile asked again', () => {
  it('keeps p and the two tails apart, also for p too small to change 1 − p', () => {
    // R: print(qnorm(1e-20, lower.tail = FALSE), digits = 16) = 9.262340089798405
    expect(normalQuantile(0, false)).toBe(Infinity);
    expect(normalQuantile(1e-20, false)).toBeCloseTo(9.262340089798405, 13);
    expect(normalQuantile(1e-20)).toBeCloseTo(-9.262340089798405, 13);
    expect(normalQuantile(1e-20, false)).toBe(-normalQuantile(1e-20));
    expect(normalQuantile(-1.5)).toBeNaN();
    expect(normalQuantile(0.5, false)).toBe(0);
  });
});
