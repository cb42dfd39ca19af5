import { describe, expect, expectTypeOf, it } from 'vitest';
import { columnsOf } from '../../src/report/columns';
import type { ReportColumn } from '../../src/report/table';

type Row = { label: string; n: number; [mean: `mean:${string}`]: number | null };

describe('columnsOf', () => {
  it('builds the columns in the order given, with digits only where given', () => {
    expect(
      columnsOf<Row>([
        { key: 'label', label: 'Spørgsmål', format: 'text' },
        { key: 'mean:Nord', label: 'Nord', format: 'number', digits: 2 },
        { key: 'n', label: 'N', format: 'integer' },
      ]),
    ).toStrictEqual([
      { key: 'label', label: 'Spørgsmål', format: 'text' },
      { key: 'mean:Nord', label: 'Nord', format: 'number', digits: 2 },
      { key: 'n', label: 'N', format: 'integer' },
    ]);
  });

  it('refuses, at compile time, a key that no row field carries', () => {
    // @ts-expect-error 'nn' is not a field of Row
    columnsOf<Row>([{ key: 'nn', label: 'N', format: 'integer' }]);
    // @ts-expect-error 'maen:Nord' matches no field pattern of Row
    columnsOf<Row>([{ key: 'maen:Nord', label: 'Nord', format: 'number' }]);
    expectTypeOf(columnsOf<Row>([])).toEqualTypeOf<ReportColumn[]>();
  });
});
