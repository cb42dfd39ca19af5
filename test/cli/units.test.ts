import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../src/cli/args';
import { validateConfig } from '../../src/cli/config';
import { closestName } from '../../src/internal/validate';
import { failureReason, formatCount, Progress, type CliIo } from '../../src/cli/io';
import { jsonErrorPosition } from '../../src/cli/jsonPosition';
import { formatProblem } from '../../src/cli/load';
import { escapeLineBreaks, quoteName } from '../../src/cli/quote';

describe('jsonErrorPosition', () => {
  it.each([
    ['{\n  "a": [,]\n}', { line: 2, column: 9 }],
    ['{"a": 1 "b": 2}', { line: 1, column: 9 }],
    ['{"a": tru}', { line: 1, column: 10 }],
    ['{"a": "x\ny"}', { line: 1, column: 9 }],
    ['{"a": "\\q"}', { line: 1, column: 9 }],
    ['{"a": "\\u12G4"}', { line: 1, column: 9 }],
    ['{"a": 01}', { line: 1, column: 8 }],
    ['[1, 2', { line: 1, column: 6 }],
    ['{"a": 1} x', { line: 1, column: 10 }],
    ['{a: 1}', { line: 1, column: 2 }],
    ['', { line: 1, column: 1 }],
  ])('finds the error in %j', (text, position) => {
    expect(() => JSON.parse(text)).toThrow();
    expect(jsonErrorPosition(text)).toEqual(position);
  });

  it('returns null for valid JSON of every kind', () => {
    const text = '{ "a": [1, -2.5e3, true, false, null, "x\\"\\u00e6"], "b": {}, "c": [] }';
    expect(jsonErrorPosition(text)).toBeNull();
  });
});

describe('parseArgs', () => {
  const spec = { values: ['config', 'out'], flags: ['force'], short: { c: 'config' } };

  it('reads positionals, --name value, --name=value, short aliases and flags', () => {
    const r = parseArgs(['a.csv', '-c', 'x.json', '--out=o.md', '--force'], spec);
    expect(r).toEqual({ ok: true, positionals: ['a.csv'], values: { config: 'x.json', out: 'o.md' }, flags: new Set(['force']) });
  });

  it('keeps a lone dash as a positional (standard input by convention)', () => {
    const r = parseArgs(['-'], spec);
    expect(r.ok && r.positionals).toEqual(['-']);
  });

  it('lists the accepted options when one is unknown', () => {
    const r = parseArgs(['--nope'], spec);
    expect(r).toEqual({ ok: false, error: 'unknown option --nope (this command accepts --config, --out, --force, --help, --version)' });
  });

  it('does not take the next option as a value', () => {
    expect(parseArgs(['--config', '--force'], spec)).toEqual({ ok: false, error: 'option --config needs a value' });
  });
});

describe('validateConfig and closestName', () => {
  it('resolves preset scales and keeps optional fields only when given', () => {
    const r = validateConfig({ id: 'k', items: [{ id: 'q', scale: 'daDegree4', group: 'g', reverse: true }] });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.config.items[0]).toMatchObject({ id: 'q', group: 'g', reverse: true });
    expect(r.config.items[0]?.scale.id).toBe('daDegree4');
    expect(r.config.items[0]).not.toHaveProperty('label');
    expect(r.config.report).toEqual({});
  });

  it('lists the presets when a name is not close to any', () => {
    const r = validateConfig({ id: 'k', items: [{ id: 'q', scale: 'likert7' }] });
    expect(r.ok === false && r.errors[0]).toMatch(/^items\[0\]\.scale: unknown preset "likert7"; the presets are daDegree4, daChallenge4/);
  });

  it('suggests only close names', () => {
    expect(closestName('daDegre4', ['daDegree4', 'daDegree5'])).toBe('daDegree4');
    expect(closestName('xyz', ['daDegree4'])).toBeUndefined();
    // Long names (question texts as headers): the truly closest, not the first, although every
    // other candidate is more than 5 edits away.
    const headers = ['Respondent ID', 'I hvilken grad oplever kommunen udfordringer med: Tidlig indsats', 'I hvilken grad har kommunen behov for støtte til: Tidlig indsats'];
    expect(closestName('I hvilken grad har kommunen brug for stoette til: tidlig indsats', headers)).toBe(headers[2]);
  });
});

describe('progress and formatting', () => {
  const io = (isTTY: boolean, times: number[]) => {
    let err = '';
    const clock = [...times];
    const value: CliIo = {
      stdout: () => {},
      stderr: (t) => {
        err += t;
      },
      readFile: async () => new Uint8Array(),
      writeFile: async () => {},
      rename: async () => {},
      unlink: async () => {},
      realpath: async (path) => path,
      stat: async () => ({ dev: 0, ino: 0, isFile: true }),
      cwd: '/',
      isTTY,
      now: () => clock.shift() ?? 0,
    };
    return { value, err: () => err };
  };

  it('writes "reading file … N rows" on a terminal when reading took more than a second', () => {
    const t = io(true, [0, 1500]);
    new Progress(t.value, 'survey.csv').done(120000);
    expect(t.err()).toBe('reading survey.csv … 120,000 rows\n');
  });

  it('writes nothing when reading was fast', () => {
    const t = io(true, [0, 200]);
    new Progress(t.value, 'survey.csv').done(12);
    expect(t.err()).toBe('');
  });

  it('writes nothing when standard error is not a terminal, however slow', () => {
    const t = io(false, [0, 60000]);
    new Progress(t.value, 'survey.csv').done(12);
    expect(t.err()).toBe('');
  });

  it('shows the line while waiting and completes it when done', async () => {
    const t = io(true, [0, 50]);
    const progress = new Progress(t.value, 'big.csv', 10);
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(t.err()).toBe('reading big.csv …');
    progress.done(3);
    expect(t.err()).toBe('reading big.csv …\rreading big.csv … 3 rows\n');
  });

  it('formatCount groups thousands with commas', () => {
    expect([0, 999, 1000, 120000, 1234567].map(formatCount)).toEqual(['0', '999', '1,000', '120,000', '1,234,567']);
  });

  it('formatProblem writes file:line: column "c": message, leaving out what is unknown', () => {
    expect(formatProblem({ file: 'a.csv', line: 3, column: 'q', message: 'bad' })).toBe('a.csv:3: column "q": bad');
    expect(formatProblem({ file: 'a.json', message: 'bad' })).toBe('a.json: bad');
  });
});

describe('quoting names for one-line output', () => {
  it('escapes line breaks, tabs, C1 controls and the Unicode line separators', () => {
    expect(quoteName('a\nb\r\tc')).toBe('"a\\nb\\r\\tc"');
    expect(quoteName('x\u0085y\u2028z\u2029')).toBe('"x\\u0085y\\u2028z\\u2029"');
    expect(escapeLineBreaks('plain "text" æøå')).toBe('plain "text" æøå');
  });

  it('formatProblem keeps a problem on one line whatever its file, column or message holds', () => {
    expect(formatProblem({ file: 'a\nb.csv', line: 2, column: 'q\n1', message: 'value "x\ny"' })).toBe('a\\nb.csv:2: column "q\\n1": value "x\\ny"');
  });
});

describe('failureReason', () => {
  it.each([
    ['ENOSPC', 'no space left on device'],
    ['EACCES', 'permission denied'],
    ['EIO', 'input/output error'],
    ['EROFS', 'read-only file system'],
  ])('names %s in words', (code, words) => {
    expect(failureReason(Object.assign(new Error('raw'), { code }))).toBe(words);
  });

  it('falls back to the message for other errors, and to the text for non-errors', () => {
    expect(failureReason(new Error('disk on fire'))).toBe('disk on fire');
    expect(failureReason('odd')).toBe('odd');
    expect(failureReason(Object.assign(new Error('x'), { code: 'constructor' }))).toBe('x');
  });
});
