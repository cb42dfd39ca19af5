import { expectTypeOf, test } from 'vitest';
import type { CompareGroupsOptions, Lang, ReportOptions, ResponseRateGrouping, SizeGrouping } from '../../src/index';

test('one SizeGrouping type is what compareGroups and report take for size groups', () => {
  expectTypeOf<SizeGrouping>().toMatchTypeOf<CompareGroupsOptions['by']>();
  expectTypeOf<NonNullable<ReportOptions['sizeGroups']>>().toEqualTypeOf<SizeGrouping>();
  expectTypeOf<{ attribute: 'population'; split: 'median' }>().toMatchTypeOf<SizeGrouping>();
  expectTypeOf<{ attribute: 'population'; breaks: [50000, 100000] }>().toMatchTypeOf<SizeGrouping>();
});

test('responseRates takes the same SizeGrouping (or a categorical column name)', () => {
  expectTypeOf<ResponseRateGrouping>().toEqualTypeOf<string | SizeGrouping>();
  expectTypeOf<{ column: 'population'; split: 'median' }>().not.toMatchTypeOf<ResponseRateGrouping>();
});

test('one language type is what report options take', () => {
  expectTypeOf<NonNullable<ReportOptions['lang']>>().toEqualTypeOf<Lang>();
});
