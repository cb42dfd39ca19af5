import { describe, expectTypeOf, it } from 'vitest';
import { likert } from '../../src/data/likert';
import type { LikertColumn } from '../../src/data/types';
import { defineScale } from '../../src/scale/defineScale';
import { scales } from '../../src/scale/presets';
import { reverseScale } from '../../src/scale/reverseScale';
import type { Scale, ScaleLabel, ScaleLevel } from '../../src/scale/types';

type DaDegree = 'Slet ikke' | 'I mindre grad' | 'I høj grad' | 'I meget høj grad';

describe('scale types', () => {
  it('infers literal labels in defineScale without as const', () => {
    const s = defineScale({
      id: 'x',
      levels: ['Slet ikke', 'I mindre grad', 'I høj grad', 'I meget høj grad'],
      nonSubstantive: ['Ved ikke'],
    });
    expectTypeOf(s).toEqualTypeOf<Scale<DaDegree, 'Ved ikke'>>();
    expectTypeOf<ScaleLevel<typeof s>>().toEqualTypeOf<DaDegree>();
    expectTypeOf<ScaleLabel<typeof s>>().toEqualTypeOf<DaDegree | 'Ved ikke'>();
  });

  it('infers no non-substantive labels when none are given', () => {
    const s = defineScale({ id: 'x', levels: ['lav', 'høj'] });
    expectTypeOf(s).toEqualTypeOf<Scale<'lav' | 'høj', never>>();
  });

  it('gives the presets literal types', () => {
    expectTypeOf(scales.daDegree4).toEqualTypeOf<Scale<DaDegree, 'Ved ikke' | 'Ikke relevant'>>();
    expectTypeOf(scales.daDegree4.agree).toEqualTypeOf<readonly DaDegree[]>();
    expectTypeOf(scales.agree5.neutral).toEqualTypeOf<
      'Strongly disagree' | 'Disagree' | 'Neither agree nor disagree' | 'Agree' | 'Strongly agree' | null
    >();
  });

  it('carries the literal labels into likert columns', () => {
    const column = likert(['I høj grad'], scales.daDegree4);
    expectTypeOf(column).toEqualTypeOf<LikertColumn<DaDegree, 'Ved ikke' | 'Ikke relevant'>>();
    expectTypeOf(reverseScale(scales.daDegree4)).toEqualTypeOf(scales.daDegree4);
  });

  it('rejects agree, neutral and alias targets that are not labels of the scale', () => {
    defineScale({
      id: 'x',
      levels: ['Slet ikke', 'I mindre grad', 'I høj grad', 'I meget høj grad'],
      // @ts-expect-error 'I hoej grad' is not a level
      agree: ['I hoej grad'],
    });
    defineScale({
      id: 'x',
      levels: ['a', 'b', 'c'],
      // @ts-expect-error 'd' is not a level
      neutral: 'd',
    });
    defineScale({
      id: 'x',
      levels: ['a', 'b'],
      nonSubstantive: ['n'],
      // @ts-expect-error 'z' is not a label
      aliases: { A: 'z' },
    });
    defineScale({ id: 'x', levels: ['a', 'b'], nonSubstantive: ['n'], aliases: { N: 'n', A: 'a' } });
  });

  it('rejects a non-string level', () => {
    // @ts-expect-error levels are strings
    defineScale({ id: 'x', levels: [1, 2] });
  });
});
