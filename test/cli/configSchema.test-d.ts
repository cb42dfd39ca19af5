import { expectTypeOf, test } from 'vitest';
import type { REPORT_PROPERTIES } from '../../src/cli/configSchema';
import type { ReportOptions } from '../../src/report/reportOptions';

test('the config schema lists every report() option except frame (which --frame gives), and no other', () => {
  expectTypeOf<keyof typeof REPORT_PROPERTIES>().toEqualTypeOf<Exclude<keyof ReportOptions, 'frame'>>();
});
