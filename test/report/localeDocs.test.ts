import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatCorrelation, formatNumber, formatP, formatPercent } from '../../src/report/format';
import { verbalFraction } from '../../src/report/verbalFraction';

// The examples of docs/reports.md "Numbers in any locale" were printed by running them; this
// keeps them true. Each line `call(…) // "text"` must give that text (a trailing remark in
// parentheses after the string is prose).
const guide = readFileSync(new URL('../../docs/reports.md', import.meta.url), 'utf8');
const section = guide.slice(guide.indexOf('## Numbers in any locale'), guide.indexOf('\n## ', guide.indexOf('## Numbers in any locale') + 3));
const examples = [...section.matchAll(/^(\w+\(.*\))\s+\/\/ "(.*?)"/gm)].map((m) => [m[1] as string, m[2] as string] as const);
const functions = { formatCorrelation, formatNumber, formatP, formatPercent, verbalFraction };

describe('docs/reports.md: Numbers in any locale', () => {
  it('has the examples this test checks', () => {
    expect(examples.length).toBeGreaterThanOrEqual(20);
  });

  it.each(examples)('%s prints %s', (call, expected) => {
    const run = new Function(...Object.keys(functions), `return ${call};`) as (...fns: unknown[]) => string;
    expect(run(...Object.values(functions))).toBe(expected);
  });
});
