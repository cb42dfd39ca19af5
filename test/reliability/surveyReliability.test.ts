import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cronbachAlpha, mcdonaldOmega, reliability, scaleIndex } from '../../src/reliability/index';
import { survey } from '../../src/data/survey';
import { scales } from '../../src/scale/presets';
import { codedMean } from '../../src/describe/codedMean';
import { expectClose } from '../helpers/close';

const label = ['', 'Slet ikke', 'I mindre grad', 'I høj grad', 'I meget høj grad'];
const N = NaN;
// Codes of twelve municipalities on four items (NaN: "Ved ikke" in q1 and q3, blank in q2 and q4).
const codes = {
  q1: [4, 3, 3, 2, 1, 4, 3, N, 2, 3, 4, 1],
  q2: [3, 4, 2, 2, 3, 3, N, 3, 1, 3, 4, 2],
  q3: [1, 2, 2, 3, 4, N, 2, 2, 3, 2, 1, 4],
  q4: [2, 3, 4, 3, 1, 2, 3, 4, N, 2, 3, 3],
};
const rows = codes.q1.map((_, r) => ({
  id: String(101 + r),
  region: r < 6 ? 'Hovedstaden' : 'Sjælland',
  q1: Number.isNaN(codes.q1[r]!) ? 'Ved ikke' : label[codes.q1[r]!],
  q2: Number.isNaN(codes.q2[r]!) ? '' : label[codes.q2[r]!],
  q3: Number.isNaN(codes.q3[r]!) ? 'Ved ikke' : label[codes.q3[r]!],
  q4: Number.isNaN(codes.q4[r]!) ? '' : label[codes.q4[r]!],
}));
const s = survey({
  rows,
  id: 'id',
  items: ['q1', 'q2', 'q3', 'q4'].map((id) => ({ id, scale: scales.daDegree4 })),
  attributes: { region: 'category' },
});

describe('reliability', () => {
  it('matches psych::alpha and psych::omega on the items\' codes, with "ved ikke" and blanks missing', () => {
    const r = reliability(s, ['q1', 'q2', 'q3', 'q4'], { reverse: ['q3'] });
    // R: x <- data.frame(q1, q2, q3, q4) (the codes above, NA for missing);
    //    a <- psych::alpha(x, keys = c(1, 1, -1, 1))
    expectClose(r.alpha.rawAlpha, 0.74975495740028641, 1e-12);
    expectClose(r.alpha.stdAlpha, 0.72801671239949495, 1e-12);
    expectClose(r.alpha.g6, 0.81480516076943166, 1e-12);
    expectClose(r.alpha.averageR, 0.40090132845207743, 1e-12);
    expectClose(r.alpha.ase, 0.11158422862861973, 1e-12);
    expectClose(r.alpha.mean, 2.70833333333333348, 1e-12);
    expectClose(r.alpha.sd, 0.73812142112475798, 1e-12);
    // a$item.stats$r.drop; a$feldt
    [0.84038495105295019, 0.42419392189367422, 0.95626873315772887, 0.10246980382015314].forEach((v, i) => expectClose(r.alpha.items[i]!.rDrop, v, 1e-12));
    expectClose(r.alpha.feldt.lower, 0.39634266640994142, 1e-12);
    expectClose(r.alpha.feldt.upper, 0.91920582486143521, 1e-12);
    // xk <- x; xk$q3 <- 5 - xk$q3; psych::omega(xk, nfactors = 1)$omega.tot (a Heywood case, and a
    // pairwise matrix that is not positive definite: psych's optimiser stops within 1e-5 of it)
    expectClose(r.omega.omegaTotal, 0.79755436952754477, 1e-5);
    expect(r.omega.heywood).toBe(true);
    expect(r.items).toEqual(['q1', 'q2', 'q3', 'q4']);
    expect(r.reverse).toEqual(['q3']);
    expect(r.n).toEqual({ respondents: 12, complete: 8, none: 0 });
    expect(r.alpha.items.map((i) => i.n)).toEqual([11, 11, 11, 11]);
    expect(r.alpha.items[2]!.reversed).toBe(true);
  });

  it('equals cronbachAlpha and mcdonaldOmega on the item columns', () => {
    const r = reliability(s, ['q1', 'q2', 'q4']);
    const a = cronbachAlpha([s.item('q1'), s.item('q2'), s.item('q4')], { names: ['q1', 'q2', 'q4'] });
    expect(r.alpha).toEqual(a);
    expect(r.omega).toEqual(mcdonaldOmega([s.item('q1'), s.item('q2'), s.item('q4')], { names: ['q1', 'q2', 'q4'] }));
  });

  it('reads a filtered survey\'s respondents only', () => {
    const sub = s.where('region', 'Hovedstaden');
    const r = reliability(sub, ['q1', 'q2', 'q4']);
    expect(r.n.respondents).toBe(6);
    expect(r.alpha.rawAlpha).toBe(cronbachAlpha([codes.q1.slice(0, 6), codes.q2.slice(0, 6), codes.q4.slice(0, 6)]).rawAlpha);
  });

  it('rejects unknown and repeated items, reverse items outside the list, and unknown options', () => {
    expect(() => reliability(s, ['q1', 'q9'])).toThrow('reliability: items[1] is "q9", not an item of the survey; its items are "q1", "q2", "q3", "q4"');
    expect(() => reliability(s, ['q1', 'q1'])).toThrow('reliability: items[1] repeats "q1"; name each item once');
    expect(() => reliability(s, ['q1'])).toThrow('reliability: needs at least 2 items, got 1');
    expect(() => reliability(s, ['q1', 'q2'], { reverse: ['q3'] })).toThrow('reliability: reverse[0] is "q3", which is not among items; list it in items too');
    expect(() => reliability(s, ['q1', 'q2'], { levl: 0.9 } as never)).toThrow('reliability: unknown option "levl"; did you mean "level"?');
    expect(() => reliability({} as never, ['q1', 'q2'])).toThrow(TypeError);
  });
});

describe('scaleIndex', () => {
  it('adds the mean code of the answered items as a numeric attribute, reverse items turned, missing under minAnswered', () => {
    const result = scaleIndex(s, 'index', ['q1', 'q2', 'q3', 'q4'], { minAnswered: 3, reverse: ['q3'] });
    // R: xk <- x; xk$q3 <- 5 - xk$q3; idx <- rowMeans(xk, na.rm = TRUE); idx[rowSums(!is.na(xk)) < 3] <- NA
    const expected = [3.25, 3.25, 3, 2.25, 1.5, 3, 3, 3.3333333333333335, 1.6666666666666667, 2.75, 3.75, 1.75];
    const got = result.survey.numeric('index');
    expected.forEach((v, i) => expectClose(got[i]!, v, 1e-15));
    expect(result.survey.attributes.index).toBe('number');
    expect(result.n).toEqual({ total: 12, scored: 12, missing: 0 });
    expect(result.answered).toEqual([0, 0, 0, 4, 8]);
    expect(result.reverse).toEqual(['q3']);
  });

  it('by default needs every item answered, and says how many respondents are missing', () => {
    const result = scaleIndex(s, 'index', ['q1', 'q2', 'q3', 'q4']);
    expect(result.minAnswered).toBe(4);
    expect(result.n).toEqual({ total: 12, scored: 8, missing: 4 });
    expect(Array.from(result.survey.numeric('index')).filter(Number.isNaN).length).toBe(4);
  });

  it('leaves the given survey unchanged and keeps everything else of it', () => {
    const result = scaleIndex(s, 'index', ['q1', 'q2']);
    expect(s.attributes).toEqual({ region: 'category' });
    expect(() => s.numeric('index')).toThrow();
    expect(result.survey.size).toBe(12);
    expect(result.survey.ids).toEqual(s.ids);
    expect(result.survey.category('region')).toEqual(s.category('region'));
    expect(codedMean(result.survey.item('q1')).mean).toBe(codedMean(s.item('q1')).mean);
  });

  it('works on a filtered survey, and its index follows later filters', () => {
    const sub = s.where('region', 'Sjælland');
    const result = scaleIndex(sub, 'index', ['q1', 'q2'], { minAnswered: 1 });
    expect(Array.from(result.survey.numeric('index'))).toEqual([3, 3, 1.5, 3, 4, 1.5]);
    expect(Array.from(result.survey.filter((i) => i < 2).numeric('index'))).toEqual([3, 3]);
  });

  it('rejects a name in use, a bad minAnswered, unknown items and unknown options', () => {
    expect(() => scaleIndex(s, 'region', ['q1', 'q2'])).toThrow('scaleIndex: "region" is already an item, attribute or question of the survey; choose another name');
    expect(() => scaleIndex(s, 'q1', ['q1', 'q2'])).toThrow('scaleIndex: "q1" is already an item');
    expect(() => scaleIndex(s, 'index', ['q1', 'q2'], { minAnswered: 3 })).toThrow('scaleIndex: minAnswered is 3; use an integer from 1 to 2 (the number of items)');
    expect(() => scaleIndex(s, 'index', ['q1', 'q2'], { minAnswered: 0 })).toThrow(RangeError);
    expect(() => scaleIndex(s, 'index', ['qq'])).toThrow('scaleIndex: items[0] is "qq", not an item of the survey');
    expect(() => scaleIndex(s, '', ['q1'])).toThrow(TypeError);
    expect(() => scaleIndex(s, 'index', ['q1'], { minAnswerd: 1 } as never)).toThrow('scaleIndex: unknown option "minAnswerd"; did you mean "minAnswered"?');
  });

  it('index values lie within the scale\'s codes and count every respondent (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 4 })), { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 1, max: 3 }),
        (cells, minAnswered) => {
          const t = survey({
            rows: cells.map((c, r) => ({ id: String(r), a: label[c[0]], b: label[c[1]], c: c[2] === 0 ? 'Ved ikke' : label[c[2]] })),
            id: 'id',
            items: ['a', 'b', 'c'].map((id) => ({ id, scale: scales.daDegree4 })),
          });
          const result = scaleIndex(t, 'x', ['a', 'b', 'c'], { minAnswered, reverse: ['b'] });
          const values = result.survey.numeric('x');
          expect(result.n.scored + result.n.missing).toBe(cells.length);
          expect(result.answered.reduce((p, q) => p + q, 0)).toBe(cells.length);
          let scored = 0;
          values.forEach((v, r) => {
            const answered = cells[r]!.filter((c) => c > 0).length;
            if (answered >= minAnswered) {
              scored++;
              expect(v).toBeGreaterThanOrEqual(1);
              expect(v).toBeLessThanOrEqual(4);
            } else expect(v).toBeNaN();
          });
          expect(scored).toBe(result.n.scored);
          return;
        },
      ),
    );
  });
});
