import { describe, expect, it } from 'vitest';
import { survey } from '../../src/data/survey';
import { agreementShare } from '../../src/describe/agreementShare';
import { codedMean } from '../../src/describe/codedMean';
import { correlate } from '../../src/describe/correlate';
import { postStratify } from '../../src/representativeness/postStratify';
import { rake } from '../../src/representativeness/rake';
import { scales } from '../../src/scale/presets';

// Six municipalities; q agrees (I høj grad / I meget høj grad) at rows 0, 2 and 5.
const columns = Object.freeze({
  id: Object.freeze(['101', '147', '151', '153', '155', '157']),
  q: Object.freeze(['I høj grad', 'Slet ikke', 'I høj grad', 'Slet ikke', 'I mindre grad', 'I meget høj grad']),
  p: Object.freeze(['I høj grad', 'Slet ikke', 'I mindre grad', 'Slet ikke', 'I høj grad', 'I meget høj grad']),
  region: Object.freeze(['A', 'A', 'B', 'B', 'A', 'B']),
  pop: Object.freeze([10, 20, 30, 40, 50, 60]),
  w: Object.freeze([1, 9, 1, 1, 2, 1]),
});
const definition = {
  columns,
  id: 'id',
  items: [
    { id: 'q', scale: scales.daDegree4 },
    { id: 'p', scale: scales.daDegree4 },
  ],
  attributes: { region: 'category', pop: 'number' },
} as const;

describe('a survey cannot be changed through what it hands out', () => {
  it('keeps its weights when a caller writes into s.weights', () => {
    const s = survey({ ...definition, weight: 'w' });
    // Weighted agreement: rows 0, 2, 5 with weights 1 + 1 + 1 of a total of 15.
    const before = agreementShare(s.item('q')).estimate;
    expect(before).toBeCloseTo(3 / 15, 15);
    (s.weights as Float64Array)[0] = 1000;
    expect(agreementShare(s.item('q')).estimate).toBe(before);
    expect(Array.from(s.weights as Float64Array)).toEqual([1, 9, 1, 1, 2, 1]);
  });

  it('freezes its ids: push throws and the ids stay as read', () => {
    const s = survey(definition);
    expect(() => (s.ids as string[]).push('999')).toThrow(TypeError);
    expect(() => {
      (s.ids as string[])[0] = 'x';
    }).toThrow(TypeError);
    expect(s.ids).toEqual(['101', '147', '151', '153', '155', '157']);
  });

  it('freezes its items, each item and each item\'s counts', () => {
    const s = survey(definition);
    expect(() => {
      (s.items[0]!.n as { total: number }).total = 5;
    }).toThrow(TypeError);
    expect(() => {
      (s.items[0] as { label: string }).label = 'changed';
    }).toThrow(TypeError);
    expect(() => (s.items as unknown[]).pop()).toThrow(TypeError);
    expect(s.items[0]!.n.total).toBe(6);
  });

  it('freezes its attributes', () => {
    const s = survey(definition);
    expect(() => {
      (s.attributes as Record<string, string>)['pop'] = 'category';
    }).toThrow(TypeError);
    expect(s.attributes).toEqual({ region: 'category', pop: 'number' });
  });

  it('gives the same frozen column on every s.item(id) call', () => {
    const s = survey(definition);
    const a = s.item('q');
    expect(s.item('q')).toBe(a);
    expect(Object.isFrozen(a)).toBe(true);
    expect(Object.isFrozen(a.n)).toBe(true);
  });

  it('is not changed by writing into an item column\'s codes or weights', () => {
    const s = survey({ ...definition, weight: 'w' });
    const column = s.item('q');
    const share = agreementShare(column).estimate;
    const mean = codedMean(column).mean;
    column.codes[1] = 3;
    column.codes.fill(3);
    (column.weights as Float64Array)[1] = 0;
    expect(Array.from(column.codes)).toEqual([2, 0, 2, 0, 1, 3]);
    expect(agreementShare(s.item('q')).estimate).toBe(share);
    expect(codedMean(s.item('q')).mean).toBe(mean);
    expect(correlate(s, { x: 'q', y: 'p' }).rows[0]!.n).toBe(6);
  });

  it('serialises an item column with its codes, as plain data', () => {
    const s = survey(definition);
    const json = JSON.parse(JSON.stringify(s.item('q'))) as { codes: Record<string, number>; n: { total: number } };
    expect(Object.values(json.codes)).toEqual([2, 0, 2, 0, 1, 3]);
    expect(json.n.total).toBe(6);
  });

  it('keeps a subset\'s columns, ids and weights read-only too', () => {
    const s = survey({ ...definition, weight: 'w' }).where('region', 'A');
    expect(s.ids).toEqual(['101', '147', '155']);
    expect(() => (s.ids as string[]).push('x')).toThrow(TypeError);
    expect(s.item('q')).toBe(s.item('q'));
    s.item('q').codes[0] = 0;
    (s.weights as Float64Array)[0] = 100;
    // Region A: rows 0 (agree, w 1), 1 (w 9), 4 (w 2): 1 / 12.
    expect(agreementShare(s.item('q')).estimate).toBeCloseTo(1 / 12, 15);
    expect(s.items[0]!.n).toEqual({ total: 3, answered: 3, substantive: 3, missing: 0, invalid: 0, nonSubstantive: 0 });
  });
});

describe('s.withWeights', () => {
  it('returns a new weighted survey and leaves the old one unweighted', () => {
    const s = survey(definition);
    const weighted = s.withWeights([1, 9, 1, 1, 2, 1]);
    expect(s.weights).toBeNull();
    expect(agreementShare(s.item('q')).estimate).toBeCloseTo(3 / 6, 15);
    expect(agreementShare(weighted.item('q')).estimate).toBeCloseTo(3 / 15, 15);
    expect(Array.from(weighted.item('q').weights as Float64Array)).toEqual([1, 9, 1, 1, 2, 1]);
  });

  it('copies the weights it is given', () => {
    const w = [1, 9, 1, 1, 2, 1];
    const weighted = survey(definition).withWeights(w);
    w[0] = 1000;
    expect(agreementShare(weighted.item('q')).estimate).toBeCloseTo(3 / 15, 15);
  });

  it('takes a postStratify result for the same survey', () => {
    const s = survey(definition);
    const result = postStratify(s, { variable: 'region', targets: { A: 0.25, B: 0.75 } });
    // Post-stratified to A 25 %, B 75 % with three respondents each: w = 0.5 in A, 1.5 in B
    // (sum 6); agreeing rows 0 (A) and 2, 5 (B): (0.5 + 1.5 + 1.5) / 6.
    const weighted = s.withWeights(result);
    expect(Array.from(weighted.weights as Float64Array)).toEqual([0.5, 0.5, 1.5, 1.5, 0.5, 1.5]);
    expect(agreementShare(weighted.item('q')).estimate).toBeCloseTo(3.5 / 6, 15);
  });

  it('takes a rake result, and weights a subset with the subset\'s own result', () => {
    const s = survey(definition).where('region', 'A');
    const result = rake(s, { targets: { region: { A: 1 } } });
    expect(Array.from(s.withWeights(result).weights as Float64Array)).toEqual([1, 1, 1]);
  });

  it('refuses a result made for other respondents, naming the first position that differs', () => {
    const s = survey(definition);
    const other = postStratify(s.where('region', 'A'), { variable: 'region', targets: { A: 1 } });
    const sameLength = { ...other, weights: [1, 1, 1, 1, 1, 1], ids: ['101', '147', '155', '151', '153', '157'] };
    expect(() => s.withWeights(other)).toThrow(/3 weights for 6 respondents/);
    expect(() => s.withWeights(sameLength)).toThrow(/position 2 has id "155" in the weights but "151"/);
  });

  it('refuses a negative, infinite or missing weight, naming its index and value', () => {
    const s = survey(definition);
    expect(() => s.withWeights([1, 1, -2, 1, 1, 1])).toThrow(/^survey\.withWeights: weights\[2\] is -2/);
    expect(() => s.withWeights([1, 1, 1, Infinity, 1, 1])).toThrow(/weights\[3\] is Infinity/);
    expect(() => s.withWeights([1, 1, 1, 1, NaN, 1])).toThrow(/weights\[4\] is NaN/);
    expect(() => s.withWeights([1, 2])).toThrow(/2 weights for 6 respondents/);
    expect(() => s.withWeights('w' as never)).toThrow(TypeError);
  });

  it('removes the weights with null', () => {
    const weighted = survey({ ...definition, weight: 'w' });
    const plain = weighted.withWeights(null);
    expect(plain.weights).toBeNull();
    expect(plain.item('q').weights).toBeUndefined();
    expect(weighted.weights).not.toBeNull();
  });
});

describe('subsets of a survey', () => {
  it('compose: where then filter picks the same respondents as one filter', () => {
    const s = survey(definition);
    const twice = s.where('region', 'B').filter((i) => i !== 0);
    expect(twice.ids).toEqual(['153', '157']);
    expect(twice.numeric('pop')).toEqual(Float64Array.from([40, 60]));
    expect(twice.category('region')).toEqual(['B', 'B']);
    expect(Array.from(twice.item('q').codes)).toEqual([0, 3]);
  });

  it('names the function in every error', () => {
    const s = survey(definition);
    expect(() => s.item('nope' as never)).toThrow(/^survey\.item: no item "nope"/);
    expect(() => s.where('pop', '10')).toThrow(/^survey\.where: no categorical attribute "pop" \("pop" is numeric\)/);
    expect(() => s.filter([true])).toThrow(/^survey\.filter/);
  });
});
