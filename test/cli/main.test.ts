import { describe, expect, it } from 'vitest';
import { fixture, run, surveyFiles } from './helpers';

describe('likertkit (program)', () => {
  it('--help prints the program help on stdout and exits 0', async () => {
    const r = await run(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage:');
    expect(r.stdout).toMatch(/likertkit report <survey\.csv> --config <survey\.json>/);
    expect(r.stdout).toContain('Exit codes: 0 ok, 1 data problems found or report failed, 2 usage error');
    expect(r.stderr).toBe('');
  });

  it('no arguments prints the help on stderr and exits 2', async () => {
    const r = await run([]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Commands:');
    expect(r.stdout).toBe('');
  });

  it('--version prints the version', async () => {
    const r = await run(['--version']);
    expect(r).toMatchObject({ code: 0, stdout: '1.2.3\n' });
  });

  it('an unknown command is a usage error naming the commands', async () => {
    const r = await run(['chek', 'a.csv']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no command "chek"; the commands are report, check and init');
  });

  it('an unknown option before the command is a usage error', async () => {
    const r = await run(['--verbose']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown option --verbose');
  });

  it('help <command> prints that command’s help; help alone the program’s', async () => {
    expect((await run(['help', 'init'])).stdout).toContain('likertkit init <survey.csv>');
    expect((await run(['help'])).stdout).toContain('Commands:');
    const bad = await run(['help', 'nope']);
    expect(bad.code).toBe(2);
  });

  it.each(['report', 'check', 'init'])('%s --help prints its usage and options and exits 0', async (command) => {
    const r = await run([command, '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`likertkit ${command} <survey.csv>`);
    expect(r.stdout).toContain('Exit codes:');
    expect((await run([command, '-h'])).stdout).toBe(r.stdout);
  });

  it('a command accepts --version too', async () => {
    expect((await run(['check', '--version'])).stdout).toBe('1.2.3\n');
  });
});

describe('usage errors exit 2 and say what is wrong', () => {
  it.each([
    [['check', 'kommuner.csv'], '--config <survey.json> is required'],
    [['check'], 'name the survey CSV file'],
    [['check', 'a.csv', 'b.csv', '-c', 'x.json'], 'unexpected argument "b.csv"'],
    [['check', 'a.csv', '--config'], 'option --config needs a value'],
    [['check', 'a.csv', '--confg', 'x.json'], 'unknown option --confg'],
    [['check', 'a.csv', '-x'], 'unknown option -x'],
    [['check', 'a.csv', '-c', 'a.json', '--config=b.json'], 'option --config is given twice'],
    [['init', 'a.csv', '--force=yes'], 'option --force takes no value'],
    [['report', 'a.csv', '-c', 'a.json', '--format', 'docx'], '--format must be md, html, pdf, json, xlsx or csv, got "docx"'],
    [['report', 'a.csv', '-c', 'a.json', '--lang', 'de'], '--lang must be da or en, got "de"'],
  ])('%j', async (argv, message) => {
    const r = await run(argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stderr).toContain('--help" for usage');
  });

  it('an unreadable CSV names the file', async () => {
    const r = await run(['check', 'missing.csv', '-c', 'kommuner.json'], surveyFiles());
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('likertkit check: cannot read survey CSV missing.csv: no such file\n');
  });

  it('an unreadable config names the file', async () => {
    const r = await run(['check', 'kommuner.csv', '-c', 'nope.json'], surveyFiles());
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('cannot read config nope.json: no such file');
  });

  it('arguments after -- are file names, even when they start with a dash', async () => {
    const r = await run(['check', '-c', 'kommuner.json', '--', '-odd.csv'], { ...surveyFiles(), '-odd.csv': fixture('kommuner.csv') });
    expect(r.stdout).toBe('ok: 12 respondents, 4 items\n');
  });
});

describe('likertkit check', () => {
  it('prints "ok: N respondents, M items" and exits 0 for clean data', async () => {
    const r = await run(['check', 'kommuner.csv', '--config', 'kommuner.json'], surveyFiles());
    expect(r).toMatchObject({ code: 0, stdout: 'ok: 12 respondents, 4 items\n', stderr: '' });
  });

  it('lists every problem with file, line and column, in line order, and exits 1', async () => {
    const r = await run(['check', 'kommuner-fejl.csv', '-c', 'kommuner.json'], surveyFiles());
    expect(r.code).toBe(1);
    // Row 1 holds a quoted line break (lines 3–4), so later rows sit one line further down.
    expect(r.stdout.split('\n')).toEqual([
      'kommuner-fejl.csv:3: column "kommunekode": respondent id "147" occurs 2 times, lines 3, 6; remove the repeats or set "duplicates": "first" or "last"',
      'kommuner-fejl.csv:3: column "behov_tidlig": unknown label "I hoj grad" for item "behov_tidlig": 2 times, lines 3, 8; did you mean "I høj grad"?',
      'kommuner-fejl.csv:5: column "behov_tidlig": unknown label "Måske" for item "behov_tidlig": 1 time, line 5',
      'kommuner-fejl.csv:5: column "indeks": "ukendt" is not a number; fix it, or declare "indeks" a "category"',
      'kommuner-fejl.csv:7: column "udfordring_tidlig": unknown label "Store udfordringer" for item "udfordring_tidlig": 1 time, line 7; did you mean "Mindre udfordringer"?',
      'kommuner-fejl.csv:9: expected 10 fields, found 3 (missing fields set to null)',
      '6 problems in kommuner-fejl.csv',
      '',
    ]);
  });

  it('reports a missing column on the header line with the closest name', async () => {
    const config = JSON.stringify({ id: 'kommunekode', items: [{ id: 'behov_tidlg', scale: 'daDegree4' }] });
    const r = await run(['check', 'kommuner.csv', '-c', 'c.json'], { ...surveyFiles(), 'c.json': config });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('kommuner.csv:1: column "behov_tidlg" (item "behov_tidlg") is not in the data; did you mean "behov_tidlig"?');
  });

  it('lists rows without a respondent id by line', async () => {
    const csv = 'id;q\n1;I høj grad\n;Slet ikke\n3;Ved ikke\n;I høj grad\n';
    const config = JSON.stringify({ id: 'id', items: [{ id: 'q', scale: 'daDegree4' }] });
    const r = await run(['check', 's.csv', '-c', 'c.json'], { 's.csv': csv, 'c.json': config });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('s.csv:3: column "id": 2 rows have no respondent id, lines 3, 5');
  });

  it('lists bad and missing weights by line', async () => {
    const csv = 'id;q;w\n1;I høj grad;1,5\n2;Slet ikke;x\n3;Ved ikke;\n4;Ved ikke;-1\n';
    const config = JSON.stringify({ id: 'id', items: [{ id: 'q', scale: 'daDegree4' }], weight: 'w', decimal: ',' });
    const r = await run(['check', 's.csv', '-c', 'c.json'], { 's.csv': csv, 'c.json': config });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('s.csv:3: column "w": weight "x" is not a number >= 0');
    expect(r.stdout).toContain('s.csv:4: column "w": missing weight: empty cell; every respondent needs a weight >= 0');
    expect(r.stdout).toContain('s.csv:5: column "w": weight "-1" is not a number >= 0');
    expect(r.stdout).toContain('3 problems in s.csv');
  });

  it('reads numeric attributes with a decimal comma and thousands dots', async () => {
    const csv = 'id;q;indbyggere\n1;I høj grad;60.828\n2;Slet ikke;1.234.567\n';
    const config = JSON.stringify({ id: 'id', items: [{ id: 'q', scale: 'daDegree4' }], attributes: { indbyggere: 'number' } });
    const r = await run(['check', 's.csv', '-c', 'c.json'], { 's.csv': csv, 'c.json': config });
    expect(r).toMatchObject({ code: 0, stdout: 'ok: 2 respondents, 1 item\n' });
  });

  it('accepts repeated ids when the config says which to keep', async () => {
    const csv = 'id;q\n1;I høj grad\n1;Slet ikke\n2;Ved ikke\n';
    const config = JSON.stringify({ id: 'id', items: [{ id: 'q', scale: 'daDegree4' }], duplicates: 'last' });
    const r = await run(['check', 's.csv', '-c', 'c.json'], { 's.csv': csv, 'c.json': config });
    expect(r.stdout).toBe('ok: 2 respondents, 1 item\n');
  });

  it('shows at most 20 lines of a problem and counts the rest', async () => {
    const body = Array.from({ length: 25 }, (_, i) => `${i + 1};Maybe`).join('\n');
    const config = JSON.stringify({ id: 'id', items: [{ id: 'q', scale: 'daDegree4' }] });
    const r = await run(['check', 's.csv', '-c', 'c.json'], { 's.csv': `id;q\n${body}\n`, 'c.json': config });
    expect(r.stdout).toContain('unknown label "Maybe" for item "q": 25 times, lines 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21 and 5 more');
  });

  it('a header with a duplicate column name is a data problem on line 1', async () => {
    const config = JSON.stringify({ id: 'id', items: [{ id: 'q', scale: 'daDegree4' }] });
    const r = await run(['check', 's.csv', '-c', 'c.json'], { 's.csv': 'id;q;q\n1;Ved ikke;Ved ikke\n', 'c.json': config });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('s.csv:1: header has duplicate column name "q"');
  });
});

describe('config validation (exit 2, messages name the JSON path)', () => {
  const check = (config: string) => run(['check', 'kommuner.csv', '-c', 'bad.json'], { ...surveyFiles(), 'bad.json': config });

  it('suggests the preset meant by a misspelt scale', async () => {
    const r = await check(JSON.stringify({ id: 'kommunekode', items: [{ id: 'a', scale: 'daChallenge4' }, { id: 'b', scale: 'daDegre4' }] }));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('bad.json: items[1].scale: unknown preset "daDegre4"; did you mean "daDegree4"?');
  });

  it('points at invalid JSON by line and column', async () => {
    const r = await check('{\n  "id": "x",\n  "items": [,]\n}');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bad\.json:3:13: not valid JSON: /);
  });

  it('collects every problem: unknown keys, types, kinds, policies', async () => {
    const r = await check(
      JSON.stringify({
        id: 3,
        itmes: [],
        items: [{ id: 'a', scale: 'daDegree4', lable: 'x', reverse: 'yes' }, 'b', { id: 'a', scale: 7 }, { scale: 'daDegree4' }],
        attributes: { region: 'categry', n: 1 },
        duplicates: 'keep',
        decimal: ';',
        report: [],
        weight: '',
      }),
    );
    expect(r.code).toBe(2);
    const lines = r.stderr.split('\n');
    for (const expected of [
      'bad.json: itmes: unknown key; did you mean "items"?',
      'bad.json: id: expected a non-empty string, got number 3',
      'bad.json: items[0].lable: unknown key; did you mean "label"?',
      'bad.json: items[0].reverse: expected true or false, got string "yes"',
      'bad.json: items[1]: expected an object { "id", "scale", … }, got string "b"',
      'bad.json: items[2].id: "a" is already the id of items[0]; item ids must be unique',
      'bad.json: items[2].scale: expected a preset name or an inline scale { "id", "levels", … }, got number 7',
      "bad.json: items[3].id: missing; the item's id in results; also its column unless column is given",
      'bad.json: attributes.region: expected "number" or "category", got string "categry"; did you mean "category"?',
      'bad.json: attributes.n: expected "number" or "category", got number 1',
      'bad.json: weight: expected a non-empty string, got string ""',
      'bad.json: duplicates: expected "error", "first" or "last", got string "keep"',
      'bad.json: decimal: expected ",", "." or "auto", got string ";"',
      'bad.json: report: expected an object of report() options, got an array',
    ]) {
      expect(lines).toContain(expected);
    }
  });

  it('requires id and items, and a root object', async () => {
    expect((await check('{}')).stderr).toContain('bad.json: id: missing');
    expect((await check('{}')).stderr).toContain('bad.json: items: missing');
    expect((await check('{"id":"x","items":[]}')).stderr).toContain('items: expected a non-empty array');
    expect((await check('[1]')).stderr).toContain('bad.json: (root): expected an object');
    expect((await check('{"id":"x","items":[{"id":"q"}]}')).stderr).toContain('items[0].scale: missing; a preset name (daDegree4, daChallenge4, daDegree5');
  });

  it('accepts inline scales and reports their problems under the item’s path', async () => {
    const good = JSON.stringify({
      id: 'kommunekode',
      items: [{ id: 'behov_tidlig', scale: { id: 'mine', levels: ['Slet ikke', 'I mindre grad', 'I høj grad', 'I meget høj grad'], nonSubstantive: ['Ved ikke'] } }],
    });
    expect((await check(good)).stdout).toBe('ok: 12 respondents, 1 item\n');
    const bad = JSON.stringify({ id: 'kommunekode', items: [{ id: 'q', scale: { id: 'mine', levels: ['Ja'] } }] });
    const r = await check(bad);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('bad.json: items[0].scale.levels: expected an array of at least two labels, got an array of 1');
    // What only defineScale can tell comes under the item's path too.
    const unknownAgree = JSON.stringify({ id: 'kommunekode', items: [{ id: 'q', scale: { id: 'mine', levels: ['Nej', 'Ja'], agree: ['Jo'] } }] });
    expect((await check(unknownAgree)).stderr).toMatch(/bad\.json: items\[0\]\.scale: .*Jo/);
  });
});

describe('files that cannot be used', () => {
  const config = JSON.stringify({ id: 'id', items: [{ id: 'q', scale: 'daDegree4' }] });

  it('an empty CSV is a data problem on line 1', async () => {
    const r = await run(['check', 's.csv', '-c', 'c.json'], { 's.csv': '', 'c.json': config });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('s.csv:1: the file is empty; expected a header line and one line per respondent');
  });

  it('a CSV with only a header is a data problem on line 1', async () => {
    const r = await run(['check', 's.csv', '-c', 'c.json'], { 's.csv': 'id;q\n', 'c.json': config });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('s.csv:1: there are no data rows, only a header');
  });

  it.each([
    ['EISDIR', 'it is a directory'],
    ['EACCES', 'permission denied'],
    [undefined, 'disk on fire'],
  ])('a read failure (%s) names the file and the reason', async (code, reason) => {
    const r = await run(['check', 's.csv', '-c', 'c.json'], { 'c.json': config }, {
      readFile: async (path) => {
        if (path.endsWith('c.json')) return new TextEncoder().encode(config);
        throw Object.assign(new Error('disk on fire'), { code });
      },
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`likertkit check: cannot read survey CSV s.csv: ${reason}\n`);
  });

  it('a write failure for --out is a usage error naming the file', async () => {
    const r = await run(['init', 'a.csv', '-o', '/nope/a.json'], { 'a.csv': fixture('kommuner.csv') }, {
      writeFile: async () => {
        throw new Error('ENOENT: no such file or directory');
      },
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('likertkit init: cannot write /nope/a.json: ENOENT: no such file or directory');
  });

  it('a read failure that is not an Error object is still reported with the file', async () => {
    const r = await run(['check', 's.csv', '-c', 'c.json'], {}, {
      readFile: async () => {
        throw 'not an error object';
      },
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('cannot read config c.json: not an error object');
  });

  it('an unexpected exception exits 1 and asks for a bug report', async () => {
    let stderr = '';
    const r = await run(['check', 'kommuner.csv', '-c', 'kommuner.json'], surveyFiles(), {
      stdout: () => {
        throw new Error('boom');
      },
      stderr: (text) => {
        stderr += text;
      },
    });
    expect(r.code).toBe(1);
    expect(stderr).toContain('likertkit check: unexpected error (please report it): Error: boom');
  });
});

describe('links in help texts', () => {
  it.each([[['--help']], [['report', '--help']], [['check', '--help']], [['init', '--help']]])(
    '%j links to the guide in the repository, not to a docs/ file the npm package does not hold',
    async (argv) => {
      const r = await run(argv);
      expect(r.stdout).toContain('https://github.com/likertkit/likertkit/blob/main/docs/cli.md');
      expect(r.stdout.replaceAll('https://github.com/likertkit/likertkit/blob/main/docs/cli.md', '')).not.toContain('docs/cli.md');
    },
  );
});
