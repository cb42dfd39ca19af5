import { expectTypeOf, test } from 'vitest';
import { responseRates, scales, survey, targetsFromFrame } from '../../src/index';
import type { Survey } from '../../src/index';
import type { Municipality } from '../../src/demo/municipalities';

interface ExportRow {
  readonly kommunekode: string;
  readonly q1: string | null;
}

test('rows typed by an interface (no index signature) are accepted everywhere rows are read', () => {
  const rows: ExportRow[] = [];
  const frame: Municipality[] = [];
  expectTypeOf(survey({ rows, id: 'kommunekode', items: [{ id: 'q1', scale: scales.daDegree4 }] })).toEqualTypeOf<Survey<'q1'>>();
  expectTypeOf(targetsFromFrame).toBeCallableWith(frame, { variables: ['region'] });
  expectTypeOf(responseRates).toBeCallableWith(frame, ['101'], { id: 'code' });
});
