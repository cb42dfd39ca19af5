/**
 * `crosstab` of two nominal attributes of a weighted survey (with a design, and filtered): the
 * Rao–Scott test on the survey's design equals R's `svychisq(~a + b, design)`. Cases from
 * test/fixtures/design/rao-scott.json (`Rscript scripts/fixtures/rao-scott.R`): the codes a and b,
 * weights, the design's strata, clusters and fpc per unit, the subset, and R's second-order F
 * (ndf, ddf, p) and first-order X² (p), and svytable(~a + b, design) with its row and column
 * shares (prop.table). The calibrated cases need a calibration at the survey
 * level and are left to the function's own fixture test.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { survey } from '../../src/data/survey';
import { crosstab } from '../../src/describe/crosstab';
import { scales } from '../../src/scale/presets';
import { expectClose } from '../helpers/close';

interface Case {
  id: string;
  kind: string;
  a: (number | null)[];
  b: (number | null)[];
  w: number[];
  domain: number[] | null;
  design: { strata: number[] | null; cluster: number[] | null; fpc: number[] | null; postStrata: unknown[] };
  F: number;
  ndf: number;
  ddf: number;
  pF: number;
  chisq: number;
  pChisq: number;
  rows: number;
  columns: number;
  weighted: number[];
  weightedRowShares: number[];
  weightedColumnShares: number[];
}

// Plain JSON: null is a missing answer or an absent part of the design here.
const { cases } = JSON.parse(readFileSync(new URL('../fixtures/design/rao-scott.json', import.meta.url), 'utf8')) as { cases: Case[] };
const designed = cases.filter((c) => c.design.postStrata.length === 0);

describe('crosstab on a weighted, designed (and filtered) survey: Rao–Scott as svychisq', () => {
  it('has uncalibrated cases with and without a subset', () => {
    expect(designed.length).toBeGreaterThan(20);
    expect(designed.some((c) => c.domain !== null)).toBe(true);
  });

  for (const c of designed) {
    it(`${c.id} (${c.kind}${c.domain === null ? '' : ', a subset'}): F, its degrees of freedom and p, and X², equal R's`, () => {
      const whole = survey({
        columns: {
          id: c.w.map((_, i) => i + 1),
          q: c.w.map(() => 'I høj grad'),
          a: c.a.map((v) => (v === null ? null : `a${v}`)),
          b: c.b.map((v) => (v === null ? null : `b${v}`)),
          w: c.w,
          h: c.design.strata ?? c.w.map(() => 0),
          psu: c.design.cluster ?? c.w.map((_, i) => i),
          N: c.design.fpc ?? c.w.map(() => null),
        },
        id: 'id',
        items: [{ id: 'q', scale: scales.daDegree4 }],
        attributes: { a: 'category', b: 'category', h: 'category', psu: 'category', N: 'number' },
        weight: 'w',
        design: {
          ...(c.design.strata === null ? {} : { strata: 'h' }),
          ...(c.design.cluster === null ? {} : { cluster: 'psu' }),
          ...(c.design.fpc === null ? {} : { fpc: 'N' }),
        },
      });
      const s = c.domain === null ? whole : whole.filter((i) => (c.domain as number[])[i] === 1);
      const t = crosstab(s, 'a', 'b');
      expect(t.chiSquare).toBeNull();
      const test = t.raoScott!;
      expectClose(test.f, c.F, 1e-10, 'F');
      expectClose(test.ndf, c.ndf, 1e-10, 'ndf');
      expectClose(test.ddf, c.ddf, 1e-10, 'ddf');
      expectClose(test.pF, c.pF, 1e-10, 'p (F)');
      expectClose(test.chisq, c.chisq, 1e-10, 'X²');
      expectClose(test.pChisq, c.pChisq, 1e-10, 'p (X²)');
      // The weighted table and shares, as svytable(~a + b, design) and prop.table(tab, 1 | 2),
      // with the levels in R's order.
      const ordered = crosstab(s, 'a', 'b', {
        rowLevels: Array.from({ length: c.rows }, (_, i) => `a${i}`),
        columnLevels: Array.from({ length: c.columns }, (_, j) => `b${j}`),
      });
      const weighted = ordered.weighted!;
      expect(weighted.table.flat().length).toBe(c.weighted.length);
      weighted.table.flat().forEach((v, k) => expectClose(v, c.weighted[k] as number, 1e-12, `svytable cell ${k}`));
      weighted.rowShares.flat().forEach((v, k) => expectClose(v, c.weightedRowShares[k] as number, 1e-12, `row share ${k}`));
      weighted.columnShares.flat().forEach((v, k) => expectClose(v, c.weightedColumnShares[k] as number, 1e-12, `column share ${k}`));
      expectClose(weighted.total, c.weighted.reduce((a, b) => a + b, 0), 1e-12, 'total');
    });
  }
});
