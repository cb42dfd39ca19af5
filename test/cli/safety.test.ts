import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { refuseInputAsOutput, writeFileAtomic, type CliIo } from '../../src/cli/io';
import { fixture, run, surveyFiles } from './helpers';

const OLD = '# the previous report\n';
const temporaryFiles = (files: Map<string, string>) => [...files.keys()].filter((name) => name.endsWith('.tmp'));

describe('report --out writes atomically', () => {
  it('writes through a temporary file in the same directory, then renames it over the target', async () => {
    const renames: [string, string][] = [];
    const r = await run(['report', 'kommuner.csv', '-c', 'kommuner.json', '--out', 'ud/rapport.md'], { ...surveyFiles(), 'ud/rapport.md': OLD }, {
      renameFailure: undefined,
    });
    expect(r.code).toBe(0);
    expect(r.files.get('/work/ud/rapport.md')).toMatch(/^# Udfordringer/);
    expect(temporaryFiles(r.files)).toEqual([]);
    // The temporary name: hidden, next to the target, with the pid and a random part.
    const spy = await run(['report', 'kommuner.csv', '-c', 'kommuner.json', '--out', 'ud/rapport.md'], surveyFiles(), {
      rename: async (from, to) => {
        renames.push([from, to]);
      },
    });
    expect(spy.code).toBe(0);
    expect(renames).toHaveLength(1);
    expect(renames[0]?.[0]).toMatch(/^\/work\/ud\/\.rapport\.md\.42\.[0-9a-f]{12}\.tmp$/);
    expect(renames[0]?.[1]).toBe('/work/ud/rapport.md');
  });

  it.each([
    ['ENOSPC', 'no space left on device'],
    ['EIO', 'input/output error'],
    ['EACCES', 'permission denied'],
  ])('a write failing midway with %s leaves the previous file intact and no temporary file', async (code, reason) => {
    const r = await run(['report', 'kommuner.csv', '-c', 'kommuner.json', '--out', 'rapport.md'], { ...surveyFiles(), 'rapport.md': OLD }, {
      writeFailure: { afterChars: 100, code },
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`likertkit report: cannot write rapport.md: ${reason}; the file was left as it was\n`);
    expect(r.files.get('/work/rapport.md')).toBe(OLD);
    expect(temporaryFiles(r.files)).toEqual([]);
  });

  it('a failing rename removes the temporary file and keeps the previous one', async () => {
    const r = await run(['report', 'kommuner.csv', '-c', 'kommuner.json', '--out', 'rapport.md'], { ...surveyFiles(), 'rapport.md': OLD }, {
      renameFailure: 'EACCES',
    });
    expect(r.code).toBe(2);
    expect(r.files.get('/work/rapport.md')).toBe(OLD);
    expect(temporaryFiles(r.files)).toEqual([]);
  });

  it('a failed write to a new file says that nothing was written', async () => {
    const r = await run(['init', 'kommuner.csv', '--out', 'ny.json'], surveyFiles(), { writeFailure: { afterChars: 10, code: 'ENOSPC' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('cannot write ny.json: no space left on device; nothing was written');
    expect(r.files.has('/work/ny.json')).toBe(false);
    expect(temporaryFiles(r.files)).toEqual([]);
  });

  it('an --out that is a symbolic link keeps the link and replaces the file it points to', async () => {
    const r = await run(['report', 'kommuner.csv', '-c', 'kommuner.json', '--out', 'seneste.md'], { ...surveyFiles(), 'arkiv/2026.md': OLD }, {
      links: { 'seneste.md': 'arkiv/2026.md' },
    });
    expect(r.code).toBe(0);
    expect(r.files.get('/work/arkiv/2026.md')).toMatch(/^# Udfordringer/);
    expect(r.files.has('/work/seneste.md')).toBe(false);
  });
});

describe('--out never names an input', () => {
  it.each([
    [['report', 'kommuner.csv', '-c', 'kommuner.json', '--out', 'kommuner.csv'], 'survey CSV kommuner.csv', 'kommuner.csv'],
    [['report', 'kommuner.csv', '-c', 'kommuner.json', '--out', './kommuner.json'], 'config kommuner.json', 'kommuner.json'],
    [['report', 'kommuner.csv', '-c', 'kommuner.json', '--frame', 'frame.csv', '--out', '/work/frame.csv'], 'frame CSV frame.csv', 'frame.csv'],
    [['init', 'kommuner.csv', '--out', 'kommuner.csv', '--force'], 'survey CSV kommuner.csv', 'kommuner.csv'],
  ])('%j exits 2 naming both files and leaves the input unchanged', async (argv, input, file) => {
    const before = surveyFiles();
    const r = await run(argv, before);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`is the ${input}; refusing to write over an input file, choose another --out`);
    expect(r.stderr).toContain(`--out ${argv[argv.indexOf('--out') + 1]}`);
    expect(r.files.get(`/work/${file}`)).toBe(before[file]);
  });

  it('follows symbolic links: an --out that points at the survey CSV is refused', async () => {
    const r = await run(['report', 'kommuner.csv', '-c', 'kommuner.json', '--out', 'link.md'], surveyFiles(), { links: { 'link.md': 'kommuner.csv' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--out link.md is the survey CSV kommuner.csv');
    expect(r.files.get('/work/kommuner.csv')).toBe(fixture('kommuner.csv'));
  });

  it('refuses an input reached through a symbolic link too', async () => {
    const r = await run(['report', 'data.csv', '-c', 'kommuner.json', '--out', 'kommuner.csv'], surveyFiles(), { links: { 'data.csv': 'kommuner.csv' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--out kommuner.csv is the survey CSV data.csv');
  });
});

describe('init --out and files that exist', () => {
  it.each([
    ['EACCES', 'permission denied'],
    ['EISDIR', 'it is a directory'],
  ])('refuses an existing --out it cannot read (%s) unless --force is given', async (code, reason) => {
    const r = await run(['init', 'kommuner.csv', '--out', 'survey.json'], surveyFiles(), { unreadable: { 'survey.json': code } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`survey.json already exists and cannot be read (${reason}); pass --force to overwrite it`);
    expect(r.files.has('/work/survey.json')).toBe(false);
  });
});

describe('command names are looked up as data', () => {
  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf'])(
    '%s is an unknown command (exit 2), also after help',
    async (name) => {
      const r = await run([name, 'a.csv']);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`no command "${name}"; the commands are report, check and init`);
      const help = await run(['help', name]);
      expect(help.code).toBe(2);
      expect(help.stderr).toContain(`no command "${name}"`);
    },
  );

  it('an option named like an Object member is an unknown option', async () => {
    const r = await run(['check', 'a.csv', '--constructor', 'x']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown option --constructor');
  });
});

describe('configs nested very deeply', () => {
  const check = (config: string) => run(['check', 'kommuner.csv', '-c', 'deep.json'], { ...surveyFiles(), 'deep.json': config });
  const DEPTH = 20_000;

  it.each([
    ['arrays', `${'['.repeat(DEPTH)}${']'.repeat(DEPTH)}`],
    ['objects', `${'{"a":'.repeat(DEPTH)}1${'}'.repeat(DEPTH)}`],
    ['objects inside report', `{"id":"kommunekode","items":[{"id":"behov_tidlig","scale":"daDegree4"}],"report":${'{"a":'.repeat(DEPTH)}1${'}'.repeat(DEPTH)}}`],
  ])('valid JSON of %s 20,000 deep is refused as nested too deeply, exit 2', async (_, text) => {
    const r = await check(text);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('likertkit check: deep.json: nested too deeply (more than 64 levels); a config is a few levels deep\n');
  });

  it.each([
    ['unclosed arrays', '['.repeat(DEPTH)],
    ['unclosed objects', '{"a":'.repeat(DEPTH)],
    ['a bad value at the bottom', `${'['.repeat(DEPTH)}x${']'.repeat(DEPTH)}`],
  ])('invalid JSON of %s 20,000 deep is "not valid JSON" with its position, exit 2', async (_, text) => {
    const r = await check(text);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^likertkit check: deep\.json:1:\d+: not valid JSON: /);
  });
});

describe('names with line breaks in check output', () => {
  it('prints a column name holding a line break, or a tab escaped, one problem per line', async () => {
    const csv = 'id;"Spørgsmål 1\nDel a";"q\tb"\n1;Måske;Ja\n2;I høj grad;Ja\n';
    const config = JSON.stringify({
      id: 'id',
      items: [
        { id: 'q1', column: 'Spørgsmål 1\nDel a', scale: 'daDegree4' },
        { id: 'q2', column: 'q\tb', scale: 'daDegree4' },
      ],
    });
    const r = await run(['check', 's.csv', '-c', 'c.json'], { 's.csv': csv, 'c.json': config });
    expect(r.code).toBe(1);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^s\.csv:3: column "Spørgsmål 1\\nDel a": unknown label "Måske"/);
    expect(lines[1]).toMatch(/^s\.csv:3: column "q\\tb": unknown label "Ja"/);
    expect(lines[2]).toBe('2 problems in s.csv');
  });

  it('escapes a line break in a missing column’s name inside the message', async () => {
    const config = JSON.stringify({ id: 'id', items: [{ id: 'q', column: 'x\ny', scale: 'daDegree4' }] });
    const r = await run(['check', 's.csv', '-c', 'c.json'], { 's.csv': 'id;q\n1;Ved ikke\n', 'c.json': config });
    expect(r.code).toBe(1);
    expect(r.stdout.trimEnd().split('\n')).toHaveLength(2);
    expect(r.stdout).toContain('x\\ny');
  });
});

describe('writeFileAtomic on its own', () => {
  /** A directory in memory whose writes can stop after some characters with an error code. */
  function memory(failAfter?: { chars: number; code: string }) {
    const files = new Map<string, string>([['/d/out.md', OLD]]);
    const io: CliIo = {
      stdout: () => undefined,
      stderr: () => undefined,
      readFile: async () => new Uint8Array(),
      writeFile: async (path, content, exclusive) => {
        const text = content as string; // the tests here write text
        if (exclusive && files.has(path)) throw Object.assign(new Error('exists'), { code: 'EEXIST' });
        if (failAfter !== undefined && text.length > failAfter.chars) {
          files.set(path, text.slice(0, failAfter.chars));
          throw Object.assign(new Error('no space'), { code: failAfter.code });
        }
        files.set(path, text);
      },
      rename: async (from, to) => {
        files.set(to, files.get(from) as string);
        files.delete(from);
      },
      unlink: async (path) => {
        files.delete(path);
      },
      realpath: async (path) => {
        if (!files.has(path) && path !== '/d') throw Object.assign(new Error('missing'), { code: 'ENOENT' });
        return path;
      },
      stat: async (path) => {
        if (!files.has(path)) throw Object.assign(new Error('missing'), { code: 'ENOENT' });
        return { dev: 1, ino: [...files.keys()].indexOf(path), isFile: true };
      },
      cwd: '/d',
      pid: 7,
    };
    return { io, files };
  }

  it('replaces the file with the whole new text and leaves nothing else', async () => {
    const { io, files } = memory();
    await writeFileAtomic(io, 'out.md', 'new text\n');
    expect([...files]).toEqual([['/d/out.md', 'new text\n']]);
  });

  it('a writer that throws ENOSPC after 5 characters leaves the old file and removes the partial temporary file', async () => {
    const { io, files } = memory({ chars: 5, code: 'ENOSPC' });
    await expect(writeFileAtomic(io, 'out.md', 'a long new report\n')).rejects.toThrow('cannot write out.md: no space left on device; the file was left as it was');
    expect([...files]).toEqual([['/d/out.md', OLD]]);
  });

  it('a write interrupted at any point, by any error, leaves the old file (or none) and nothing else', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ minLength: 1, maxLength: 200, unit: 'grapheme' }),
        fc.nat(),
        fc.constantFrom('ENOSPC', 'EIO', 'EACCES', 'EDQUOT', 'EFBIG'),
        fc.boolean(),
        async (text, cut, code, existed) => {
          const chars = cut % text.length; // strictly before the end: the write is cut short
          const { io, files } = memory({ chars, code });
          if (!existed) files.delete('/d/out.md');
          await expect(writeFileAtomic(io, 'out.md', text)).rejects.toThrow(/^cannot write out\.md: /);
          expect([...files]).toEqual(existed ? [['/d/out.md', OLD]] : []);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('refuses an output that is an input, by path and by inode', async () => {
    const { io } = memory();
    await expect(refuseInputAsOutput(io, '/d/out.md', [{ role: 'config', path: 'out.md' }])).rejects.toThrow(
      '--out /d/out.md is the config out.md; refusing to write over an input file, choose another --out',
    );
    await expect(refuseInputAsOutput(io, 'new.md', [{ role: 'config', path: 'out.md' }])).resolves.toBeUndefined();
    const sameInode: CliIo = { ...io, realpath: async (path) => path, stat: async () => ({ dev: 1, ino: 9, isFile: true }) };
    await expect(refuseInputAsOutput(sameInode, 'hard.md', [{ role: 'survey CSV', path: 'out.md' }])).rejects.toThrow('is the survey CSV out.md');
  });
});
