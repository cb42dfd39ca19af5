import { describe, expect, it } from 'vitest';
import { detectColumns } from '../../src/cli/init';
import { parseCsv } from '../../src/csv/parseCsv';
import { fixture, run } from './helpers';

describe('likertkit init', () => {
  it('detects id, items, numeric attributes and categories in a Danish export (BOM, ";", decimal commas)', async () => {
    const r = await run(['init', 'kommuner.csv'], { 'kommuner.csv': fixture('kommuner.csv') });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      $schema: './node_modules/likertkit/dist/config.schema.json',
      id: 'kommunekode',
      items: [
        { id: 'udfordring_tidlig', scale: 'daChallenge4' },
        { id: 'behov_tidlig', scale: 'daDegree4' },
        { id: 'udfordring_anbragte', scale: 'daChallenge4' },
        { id: 'behov_anbragte', scale: 'daDegree4' },
      ],
      attributes: { region: 'category', indbyggere: 'number', indeks: 'number' },
      decimal: ',',
    });
    // What it decided goes to stderr, so that `init a.csv > a.json` stays valid JSON.
    expect(r.stderr).toContain('kommuner.csv: 12 rows, 10 columns, delimiter ";"');
    expect(r.stderr).toMatch(/kommunekode\s+id\s+12 unique values/);
    expect(r.stderr).toMatch(/behov_tidlig\s+item \(daDegree4\)\s+100 % of 12 answers are its labels/);
    expect(r.stderr).toMatch(/indbyggere\s+number\s+all 12 values are numbers \(decimal ","\)/);
    expect(r.stderr).toMatch(/kommune\s+skipped/);
    expect(r.stderr).toContain('column "kommentar": free text (2 distinct answers), left out');
  });

  it('the config it writes passes check', async () => {
    const files = { 'kommuner.csv': fixture('kommuner.csv') };
    const init = await run(['init', 'kommuner.csv', '--out', 'survey.json'], files);
    expect(init.code).toBe(0);
    expect(init.stdout).toContain('wrote survey.json');
    const written = init.files.get('/work/survey.json') as string;
    const check = await run(['check', 'kommuner.csv', '-c', 'survey.json'], { ...files, 'survey.json': written });
    expect(check).toMatchObject({ code: 0, stdout: 'ok: 12 respondents, 4 items\n' });
  });

  it('writes "$schema" pointing at the schema in the installed package, so editors complete the config', async () => {
    const r = await run(['init', 'kommuner.csv'], { 'kommuner.csv': fixture('kommuner.csv') });
    expect(r.stdout.startsWith('{\n  "$schema": "./node_modules/likertkit/dist/config.schema.json",\n')).toBe(true);
  });

  it('refuses to overwrite --out unless --force is given', async () => {
    const files = { 'kommuner.csv': fixture('kommuner.csv'), 'survey.json': '{}' };
    const refused = await run(['init', 'kommuner.csv', '-o', 'survey.json'], files);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('survey.json already exists; pass --force to overwrite it');
    expect(refused.files.get('/work/survey.json')).toBe('{}');
    const forced = await run(['init', 'kommuner.csv', '-o', 'survey.json', '--force'], files);
    expect(forced.code).toBe(0);
    expect(JSON.parse(forced.files.get('/work/survey.json') as string).id).toBe('kommunekode');
  });

  it('exits 1 and says so when no column holds a built-in scale', async () => {
    const r = await run(['init', 'a.csv'], { 'a.csv': 'id,name\n1,x\n2,y\n' });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('no column holds labels of a built-in scale');
  });

  it('an unreadable CSV is a usage error', async () => {
    const r = await run(['init', 'nope.csv']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('cannot read survey CSV nope.csv: no such file');
  });
});

describe('init and check agree on tick-box blocks', () => {
  it('names the options after the header when the ticked cells hold the option text, so check passes', async () => {
    const rows = Array.from({ length: 12 }, (_, i) => `${i + 1};${i % 3 === 0 ? 'Ved ikke' : 'I høj grad'};${i % 2 === 0 ? 'Sparring' : ''};${i % 3 === 1 ? 'Netværk' : ''}`);
    const csv = `id;q;Støtte: Sparring;Støtte: Netværk\n${rows.join('\n')}\n`;
    const init = await run(['init', 's.csv', '--out', 'c.json'], { 's.csv': csv });
    expect(init.code).toBe(0);
    const config = JSON.parse(init.files.get('/work/c.json') as string);
    expect(config.multiSelect).toEqual([{ id: 'stoette', columns: { Sparring: 'Støtte: Sparring', Netværk: 'Støtte: Netværk' } }]);
    const check = await run(['check', 's.csv', '-c', 'c.json'], { 's.csv': csv, 'c.json': init.files.get('/work/c.json') as string });
    expect(check).toMatchObject({ code: 0, stdout: 'ok: 12 respondents, 1 item\n' });
  });
});

describe('detectColumns', () => {
  const detect = (text: string) => {
    const csv = parseCsv(text);
    return detectColumns(csv.columns, csv.rows);
  };

  it('picks a scale when at least 95 % of the answers are its labels, in any spelling', () => {
    const answers = [...Array(18).fill('i  HØJ grad'), 'ved ikke', 'Måske'];
    const { decisions } = detect(`id;q\n${answers.map((a, i) => `${i};${a}`).join('\n')}\n`);
    expect(decisions[1]).toMatchObject({ role: 'item', scale: 'daDegree4' });
  });

  it('skips a column with a single value (a multi-select box of "x" and blanks) instead of making it a category', () => {
    const rows = Array.from({ length: 10 }, (_, i) => `${i};${i % 3 === 0 ? 'x' : ''};${i % 2 === 0 ? 'a' : 'b'}`);
    const { decisions, config } = detect(`id;tick;kind\n${rows.join('\n')}\n`);
    expect(decisions[1]).toMatchObject({ column: 'tick', role: 'skipped' });
    expect(decisions[2]).toMatchObject({ column: 'kind', role: 'category' });
    expect(config.attributes).toEqual({ kind: 'category' });
  });

  it('never takes cells or columns named like Object members for labels or values', () => {
    const rows = Array.from({ length: 8 }, (_, i) => `${i};${['constructor', 'toString', 'valueOf', 'hasOwnProperty'][i % 4]};I høj grad`);
    const { decisions } = detect(`id;odd;toString\n${rows.join('\n')}\n`);
    expect(decisions[1]).toMatchObject({ column: 'odd', role: 'category' });
    expect(decisions[2]).toMatchObject({ column: 'toString', role: 'item' });
    // A row that lacks the column "constructor" reads it as missing, not as Object's constructor.
    const { decisions: ragged } = detectColumns(['id', 'constructor'], [{ id: '1', constructor: 'Ja' }, { id: '2' } as Record<string, string | null>]);
    expect(ragged[1]).toMatchObject({ column: 'constructor', role: 'skipped' });
  });

  describe('a numeric column whose values read two ways ("60.828": 60828 or 60.828)', () => {
    const rows = (delimiter: string, index: boolean) =>
      ['id', 'pop', ...(index ? ['idx'] : []), 'q'].join(delimiter) +
      '\n' +
      ['60.828', '104.305', '48.602', '35.090']
        .map((pop, i) => [String(i), pop, ...(index ? [`1${delimiter === ';' ? ',' : '.'}0${i}`] : []), 'I høj grad'].join(delimiter))
        .join('\n') +
      '\n';
    const detectWith = (text: string) => {
      const csv = parseCsv(text);
      return detectColumns(csv.columns, csv.rows, csv.delimiter);
    };

    it('follows the decimal mark another numeric column decides', () => {
      const { config, decisions } = detectWith(rows(';', true));
      expect(config.decimal).toBe(',');
      expect(decisions[1]).toMatchObject({ column: 'pop', role: 'number', reason: 'all 4 values are numbers (decimal ",") as the other numeric columns' });
    });

    it('takes the decimal comma in a ";"-separated file when nothing else decides, and says to check it', () => {
      const { config, decisions } = detectWith(rows(';', false));
      expect(config.decimal).toBe(',');
      expect(decisions[1]?.reason).toMatch(/decimal ","\) the file is ";"-separated.*check it$/);
    });

    it('does not let an integer column decide the mark for one that reads two ways', () => {
      const text = 'id,flag,pop,q\n' + ['"60.828"', '"104.305"', '"48.602"', '"35.090"'].map((pop, i) => `${i},${i % 2},${pop},I høj grad`).join('\n') + '\n';
      const { config, decisions } = detectWith(text);
      expect(config.decimal).toBeUndefined();
      expect(decisions[1]).toMatchObject({ column: 'flag', role: 'number', reason: 'all 4 values are numbers' });
      expect(decisions[2]?.reason).toMatch(/read two ways .*set "decimal" in the config$/);
    });

    it('asks for "decimal" in a ","-separated file where nothing decides', () => {
      const { config, decisions } = detectWith(rows(',', false).replace(/(\d+)\.(\d{3})/g, '"$1.$2"'));
      expect(config.decimal).toBeUndefined();
      expect(config.attributes).toEqual({ pop: 'number' });
      expect(decisions[1]?.reason).toMatch(/read two ways .*set "decimal" in the config$/);
    });
  });

  it('does not pick a scale below 95 %', () => {
    const answers = [...Array(18).fill('I høj grad'), 'Måske', 'Nej'];
    const { decisions } = detect(`id;q\n${answers.map((a, i) => `${i};${a}`).join('\n')}\n`);
    expect(decisions[1]).toMatchObject({ role: 'category' });
  });

  it('gives a column that fits several scales the scale its unambiguous siblings have', () => {
    // "I høj grad" and "I meget høj grad" are labels of both daDegree4 and daDegree5; "Slet ikke" only of daDegree4.
    const { decisions } = detect('id;a;b\n1;I høj grad;Slet ikke\n2;I meget høj grad;Ved ikke\n3;I høj grad;I høj grad\n');
    expect(decisions[1]).toMatchObject({ scale: 'daDegree4', reason: '100 % of 3 answers are its labels (also fits daDegree5)' });
    expect(decisions[2]).toMatchObject({ scale: 'daDegree4', reason: '100 % of 3 answers are its labels' });
  });

  it('without siblings, breaks a tie by the share of the scale’s categories in use', () => {
    const { decisions } = detect('id;a\n1;I høj grad\n2;I meget høj grad\n3;I nogen grad\n4;I høj grad\n');
    expect(decisions[1]).toMatchObject({ scale: 'daDegree5' });
    const tie = detect('id;a\n1;I høj grad\n2;I meget høj grad\n');
    expect(tie.decisions[1]).toMatchObject({ scale: 'daDegree5' }); // 2 of 5 categories beat 2 of 6
  });

  it('takes the first column with unique values as the id and never mistakes numeric codes for a scale', () => {
    const { config, decisions } = detect('år,kode,score\n2024,101,1\n2024,147,2\n2024,151,3\n');
    expect(config.id).toBe('kode');
    expect(decisions.map((d) => d.role)).toEqual(['number', 'id', 'number']);
    expect(config).not.toHaveProperty('decimal');
  });

  it('skips empty columns and short texts that are all different', () => {
    const { decisions, config } = detect('id;note;empty\n1;abc;\n2;def;\n3;ghi;\n');
    expect(decisions.map((d) => d.role)).toEqual(['id', 'skipped', 'skipped']);
    expect(config).not.toHaveProperty('attributes');
  });

  it('leaves out free text (many different answers of several words) with the reason', () => {
    const comments = Array.from({ length: 30 }, (_, i) => `${i};Vi mangler tid til opgave nummer ${i}`);
    const { decisions, config } = detect(`id;Kommentar\n${comments.join('\n')}\n`);
    expect(decisions[1]).toEqual({ column: 'Kommentar', role: 'text', reason: 'free text (30 distinct answers), left out' });
    expect(config).not.toHaveProperty('attributes');
  });

  it('turns a block of tick-box columns sharing a question into one multi-select question', () => {
    const text = [
      'id;q;Hvilke former for støtte ønsker I?: Sparring;Hvilke former for støtte ønsker I?: Kurser;Hvilke former for støtte ønsker I?: Netværk;Andet',
      '1;I høj grad;1;;1;x',
      '2;Ved ikke;;1;;',
      '3;Slet ikke;1;1;0;',
      '4;I høj grad;;;;x',
    ].join('\n');
    const { decisions, config } = detect(`${text}\n`);
    expect(config.multiSelect).toEqual([
      {
        id: 'hvilke_former_for_stoette_oensker_i',
        columns: {
          Sparring: 'Hvilke former for støtte ønsker I?: Sparring',
          Kurser: 'Hvilke former for støtte ønsker I?: Kurser',
          Netværk: 'Hvilke former for støtte ønsker I?: Netværk',
        },
      },
    ]);
    expect(decisions.slice(2, 5).map((d) => d.role)).toEqual(['multiSelect', 'multiSelect', 'multiSelect']);
    // A lone tick box next to the block is not part of it.
    expect(decisions[5]).toMatchObject({ column: 'Andet', role: 'skipped' });
    expect(config).not.toHaveProperty('attributes');
  });

  it('names the options after the columns when the cells hold the header text', () => {
    const text = 'id;Sparring;Kurser\n1;Sparring;\n2;;Kurser\n3;Sparring;Kurser\n';
    const { config } = detect(text);
    expect(config.multiSelect).toEqual([{ id: 'multiSelect1', columns: ['Sparring', 'Kurser'] }]);
  });

  it('splits adjacent tick boxes of two questions where the header prefix changes', () => {
    const text = 'id;A: x;A: y;B: x;B: y\n1;1;;;1\n2;;1;1;\n';
    const { config } = detect(text);
    expect((config.multiSelect as { id: string }[]).map((m) => m.id)).toEqual(['a', 'b']);
  });
});

describe('likertkit init warnings', () => {
  it('passes on records that do not parse cleanly as warnings with their lines', async () => {
    const r = await run(['init', 'a.csv'], { 'a.csv': 'id;q\n1;I høj grad\n2;Slet ikke;x\n3;Ved ikke\n' });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('warning: a.csv:3: expected 2 fields, found 3 (extra fields dropped: "x")');
  });
});
