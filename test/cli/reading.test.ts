import { describe, expect, it } from 'vitest';
import { fixture, run, surveyFiles } from './helpers';

const encode = (text: string) => new TextEncoder().encode(text);
/** windows-1252 bytes of text whose characters are all in Latin-1 (æ, ø, å: one byte each). */
const latin1 = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));
const base = { id: 'id', items: [{ id: 'q', scale: 'daDegree4' }] };

describe('the CLI reads its CSV with the library (bytes, rename, recode, numbers)', () => {
  it('renames a column of the file to the name the config uses', async () => {
    const csv = 'id;Hvilken region?;q\n1;Nordjylland;I høj grad\n2;Sjælland;Ved ikke\n';
    const config = { ...base, rename: { 'Hvilken region?': 'region' }, attributes: { region: 'category' } };
    const r = await run(['check', 's.csv', '-c', 'c.json'], { 's.csv': csv, 'c.json': JSON.stringify(config) });
    expect(r).toMatchObject({ code: 0, stdout: 'ok: 2 respondents, 1 item\n' });
  });

  it('a renamed column that is not in the file is a problem on line 1 with the closest name', async () => {
    const config = { ...base, rename: { 'Hvilken regoin?': 'region' } };
    const r = await run(['check', 's.csv', '-c', 'c.json'], { 's.csv': 'id;Hvilken region?;q\n1;Nord;Ved ikke\n', 'c.json': JSON.stringify(config) });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('s.csv:1: rename: column "Hvilken regoin?" is not in the file; did you mean "Hvilken region?"?');
  });

  it('recodes an export’s "Region Hovedstaden" to the frame’s "Hovedstaden"', async () => {
    const csv = fixture('kommuner.csv').replace(/;(Hovedstaden|Sjælland|Syddanmark|Midtjylland|Nordjylland);/g, ';Region $1;');
    const config = JSON.parse(fixture('kommuner.json'));
    config.recode = { region: Object.fromEntries(['Hovedstaden', 'Sjælland', 'Syddanmark', 'Midtjylland', 'Nordjylland'].map((r) => [`Region ${r}`, r])) };
    const r = await run(['report', 'k.csv', '-c', 'c.json', '--frame', 'frame.csv', '-f', 'json'], { ...surveyFiles(), 'k.csv': csv, 'c.json': JSON.stringify(config) });
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    const text = JSON.stringify(report.tables);
    expect(text).not.toContain('Region Hovedstaden');
    expect(text).toContain('"Hovedstaden"');
  });

  it('recodes every spelling the library counts as one category (spaces, a zero-width space, NFD)', async () => {
    const cells = ['Region Sjælland', ' Region Sjælland ', 'Region Sjælland\u200B', 'Region Sjælland'.normalize('NFD'), 'Region Nordjylland', 'Region Nordjylland'];
    const csv = `id;region;q\n${cells.map((cell, i) => `${i + 1};${cell};${i % 2 === 0 ? 'I høj grad' : 'Slet ikke'}`).join('\n')}\n`;
    const config = {
      ...base,
      attributes: { region: 'category' },
      recode: { region: { 'Region Sjælland': 'Sjælland', 'Region Nordjylland': 'Nordjylland' } },
      report: { sections: ['means'], by: ['region'] },
    };
    const r = await run(['report', 's.csv', '-c', 'c.json', '-f', 'json'], { 's.csv': csv, 'c.json': JSON.stringify(config) });
    expect(r.code).toBe(0);
    const text = JSON.stringify(JSON.parse(r.stdout).tables);
    expect(text).toContain('"Sjælland"');
    expect(text).toContain('"Nordjylland"');
    expect(text).not.toContain('Region Sj');
  });

  it('a recoded column that is not in the file is a problem on line 1', async () => {
    const config = { ...base, recode: { regoin: { a: 'b' } } };
    const r = await run(['check', 's.csv', '-c', 'c.json'], { 's.csv': 'id;region;q\n1;a;Ved ikke\n', 'c.json': JSON.stringify(config) });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('s.csv:1: recode: column "regoin" is not in the file; did you mean "region"?');
  });

  it('reads thousands dots with the config’s decimal comma', async () => {
    const csv = 'id;q;indbyggere;indeks\n1;I høj grad;60.828;1,02\n2;Slet ikke;1.234.567;0,95\n3;I høj grad;70.000;1,10\n';
    const config = {
      ...base,
      attributes: { indbyggere: 'number', indeks: 'number' },
      decimal: ',',
      thousands: '.',
      report: { sections: ['means'], sizeGroups: { attribute: 'indbyggere', breaks: [100000], labels: ['små', 'store'] } },
    };
    const files = { 's.csv': csv, 'c.json': JSON.stringify(config) };
    expect(await run(['check', 's.csv', '-c', 'c.json'], files)).toMatchObject({ code: 0, stdout: 'ok: 3 respondents, 1 item\n' });
    const r = await run(['report', 's.csv', '-c', 'c.json', '-f', 'json'], files);
    expect(r.code).toBe(0);
    // 60.828 and 70.000 are below 100,000 and 1.234.567 above: two small, one large municipality
    // (read as 60.828, 1.234567 and 70 all three would be small).
    const [row] = JSON.parse(r.stdout).tables.find((t: { id: string }) => t.id === 'means:size').rows;
    expect(row).toMatchObject({ 'n:små': 2, 'n:store': 1, 'mean:små': 3, 'mean:store': 1 });
  });

  it('reads a UTF-8 export with a byte order mark and CRLF line ends', async () => {
    const csv = encode('\uFEFFid;region;q\r\n1;Sjælland;I høj grad\r\n2;Nordjylland;Ved ikke\r\n');
    const config = { ...base, attributes: { region: 'category' } };
    const r = await run(['check', 's.csv', '-c', 'c.json'], { 's.csv': csv, 'c.json': JSON.stringify(config) });
    expect(r).toMatchObject({ code: 0, stdout: 'ok: 2 respondents, 1 item\n' });
  });

  it('decodes a windows-1252 export when the config names the encoding', async () => {
    const csv = latin1('id;region;q\n1;Sjælland;I høj grad\n2;Nordjylland;Ved ikke\n');
    const config = { ...base, attributes: { region: 'category' }, encoding: 'windows-1252' };
    const r = await run(['report', 's.csv', '-c', 'c.json', '-f', 'json'], { 's.csv': csv, 'c.json': JSON.stringify(config) });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Sjælland');
    expect(r.stdout).not.toContain('\uFFFD');
  });

  it('refuses a windows-1252 export without the encoding: exit 2, naming the file', async () => {
    const csv = latin1('id;region;q\n1;Sjælland;I høj grad\n');
    const r = await run(['check', 's.csv', '-c', 'c.json'], { 's.csv': csv, 'c.json': JSON.stringify({ ...base, attributes: { region: 'category' } }) });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^likertkit check: cannot read survey CSV s\.csv: .*s\.csv/);
    expect(r.stderr).toContain('(for likertkit: set "encoding" in the config to the encoding named above)\n');
    expect(r.stdout).toBe('');
  });

  it('init --encoding reads a windows-1252 export and writes the encoding into the config', async () => {
    const csv = latin1('id;region;q\n1;Sjælland;I høj grad\n2;Sjælland;Ved ikke\n3;Nordjylland;Slet ikke\n4;Nordjylland;Ved ikke\n');
    const r = await run(['init', 's.csv', '--encoding', 'windows-1252'], { 's.csv': csv });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ attributes: { region: 'category' }, encoding: 'windows-1252' });
    const without = await run(['init', 's.csv'], { 's.csv': csv });
    expect(without.code).toBe(2);
    expect(without.stderr).toContain('(for likertkit: set --encoding to the encoding named above)');
  });

  it('init --encoding with a label that is not an encoding is a usage error', async () => {
    const r = await run(['init', 's.csv', '--encoding', 'latin-42'], { 's.csv': 'id;q\n1;Ved ikke\n' });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('likertkit init: --encoding "latin-42" is not an encoding; use a WHATWG label such as "utf-8", "windows-1252" or "utf-16le"\n');
  });

  it('uses the config’s delimiter', async () => {
    const csv = 'id,region;x,q\n1,Nord;jylland,I høj grad\n';
    const config = { ...base, delimiter: ',', attributes: { 'region;x': 'category' } };
    const r = await run(['check', 's.csv', '-c', 'c.json'], { 's.csv': csv, 'c.json': JSON.stringify(config) });
    expect(r).toMatchObject({ code: 0, stdout: 'ok: 1 respondents, 1 item\n' });
  });

  it('a config that is not UTF-8 is a usage error naming it', async () => {
    const r = await run(['check', 's.csv', '-c', 'c.json'], { 's.csv': 'id;q\n1;Ved ikke\n', 'c.json': latin1('{"id":"æ","items":[]}') });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('likertkit check: cannot read config c.json: it is not UTF-8 text; save it as UTF-8\n');
  });

  it('passes multi-select questions to the survey', async () => {
    const csv = 'id;q;Støtte: Sparring;Støtte: Kurser\n1;I høj grad;x;\n2;Ved ikke;;x\n3;Slet ikke;x;x\n';
    const config = { ...base, multiSelect: [{ id: 'støtte', columns: { Sparring: 'Støtte: Sparring', Kurser: 'Støtte: Kurser' } }] };
    const r = await run(['check', 's.csv', '-c', 'c.json'], { 's.csv': csv, 'c.json': JSON.stringify(config) });
    expect(r).toMatchObject({ code: 0, stdout: 'ok: 3 respondents, 1 item\n' });
  });
});

describe('the frame is decoded on its own', () => {
  const survey = latin1('id;region;q\n1;Sjælland;I høj grad\n2;Hovedstaden;Slet ikke\n3;Sjælland;I høj grad\n');
  const frameText = 'kode,region\n1,Sjælland\n2,Hovedstaden\n3,Sjælland\n4,Hovedstaden\n';
  const config = JSON.stringify({ ...base, encoding: 'windows-1252', attributes: { region: 'category' }, report: { sections: ['representativeness'] } });

  it('a UTF-8 frame beside a windows-1252 survey is read as UTF-8, not with the survey’s encoding', async () => {
    const r = await run(['report', 's.csv', '-c', 'c.json', '--frame', 'f.csv', '-f', 'json'], { 's.csv': survey, 'c.json': config, 'f.csv': frameText });
    expect(r.stderr).not.toContain('cannot read');
    expect(r.code).toBe(0);
    const text = JSON.stringify(JSON.parse(r.stdout).tables);
    expect(text).toContain('"Sjælland"');
    expect(text).not.toContain('SjÃ¦lland');
  });

  it('a windows-1252 frame needs --frame-encoding, and reads with it', async () => {
    const files = { 's.csv': survey, 'c.json': config, 'f.csv': latin1(frameText) };
    const refused = await run(['report', 's.csv', '-c', 'c.json', '--frame', 'f.csv'], files);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('cannot read frame CSV f.csv');
    expect(refused.stderr).toContain('(for likertkit: set --frame-encoding to the encoding named above)');
    const read = await run(['report', 's.csv', '-c', 'c.json', '--frame', 'f.csv', '--frame-encoding', 'windows-1252', '-f', 'json'], files);
    expect(read.code).toBe(0);
    expect(JSON.stringify(JSON.parse(read.stdout).tables)).toContain('"Sjælland"');
  });
});
