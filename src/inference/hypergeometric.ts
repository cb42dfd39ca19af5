/**
 * Log-probabilities of the (central) hypergeometric distribution, accurate for huge counts.
 * Internal: used by `fisherExact`.
 *
 * log C(m, x) + log C(n, k − x) − log C(m + n, k) as a difference of log-gamma values loses
 * about |log Γ(m + n)|·ε in absolute terms, which for counts of 10⁶ is 1e-9 in the probability.
 * Instead each binomial coefficient is written, as in Loader (2000), as a binomial probability
 * b(x; N, p) = exp(δ(N) − δ(x) − δ(N − x) − d(x, Np) − d(N − x, Nq)) / √(2π x (N − x)/N),
 * with δ the Stirling remainder of log Γ and d(x, μ) = x·log(x/μ) + μ − x the deviance term:
 * every piece is small and computed without cancellation. With p = k/(m + n) the hypergeometric
 * probability is b(x; m, p)·b(k − x; n, p) / b(k; m + n, p), the three factors of the same order.
 */
import { stirlingRemainder } from '../math/gamma';

const LOG_2PI = 1.8378770664093453;

/**
 * The deviance term d(x, μ) = x·log(x/μ) + μ − x ≥ 0. When x is close to μ the closed form
 * cancels; there, with v = (x − μ)/(x + μ), log(x/μ) = 2·atanh(v) gives the series
 * d = (x − μ)·v + 2x·(v³/3 + v⁵/5 + …), summed until a term no longer changes the sum.
 */
function deviance(x: number, mu: number): number {
  const difference = x - mu;
  if (Math.abs(difference) < 0.1 * (x + mu)) {
    const v = difference / (x + mu);
    const v2 = v * v;
    let sum = difference * v;
    let power = 2 * x * v;
    for (let j = 1; j < 1000; j++) {
      power *= v2;
      const next = sum + power / (2 * j + 1);
      if (next === sum) return next;
      sum = next;
    }
    return sum;
  }
  return x * Math.log(x / mu) + mu - x;
}

/** log b(x; size, p) for an integer 0 ≤ x ≤ size, with q = 1 − p passed exactly. */
function logBinomialTerm(x: number, size: number, p: number, q: number): number {
  if (p === 0) return x === 0 ? 0 : -Infinity;
  if (q === 0) return x === size ? 0 : -Infinity;
  if (x === 0) {
    if (size === 0) return 0;
    return p < 0.1 ? -deviance(size, size * q) - size * p : size * Math.log(q);
  }
  if (x === size) {
    return q < 0.1 ? -deviance(size, size * p) - size * q : size * Math.log(p);
  }
  const exponent =
    stirlingRemainder(size) -
    stirlingRemainder(x) -
    stirlingRemainder(size - x) -
    deviance(x, size * p) -
    deviance(size - x, size * q);
  return exponent - 0.5 * (LOG_2PI + Math.log(x) + Math.log1p(-x / size));
}

/**
 * log P(X = x) for X hypergeometric: x white balls among k drawn without replacement from an
 * urn of `white` white and `black` black balls (R's `dhyper(x, white, black, k, log = TRUE)`).
 * Integer arguments with max(0, k − black) ≤ x ≤ min(k, white) are assumed.
 */
export function logHypergeometric(x: number, white: number, black: number, k: number): number {
  const total = white + black;
  if (k === 0 || k === total) return 0;
  const p = k / total;
  const q = (total - k) / total;
  return (
    logBinomialTerm(x, white, p, q) + logBinomialTerm(k - x, black, p, q) - logBinomialTerm(k, total, p, q)
  );
}
