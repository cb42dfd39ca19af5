import { describe, expect, it } from 'vitest';
import { run, surveyFiles } from './helpers';

describe('likertkit report', () => {
  it('writes Markdown by default, in Danish, with the config’s title', async () => {
    const r = await run(['report', 'kommuner.csv', '--config', 'kommuner.json'], surveyFiles());
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('# Udfordringer på det specialiserede børneområde\n')).toBe(true);
    expect(r.stdout).toContain('| Spørgsmål');
    expect(r.stdout).toMatch(/\d+ pct\./);
  });

  it('--lang en writes English titles and notes', async () => {
    const r = await run(['report', 'kommuner.csv', '-c', 'kommuner.json', '--lang', 'en'], surveyFiles());
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\| Question/);
    expect(r.stdout).not.toContain('pct.');
    // The labels of the built-in scales are translated too; no Danish words in the notes.
    expect(r.stdout).not.toMatch(/I høj grad|Ved ikke|ved ikke/);
  });

  it('--format json writes the report() result as JSON', async () => {
    const r = await run(['report', 'kommuner.csv', '-c', 'kommuner.json', '--format', 'json'], surveyFiles());
    expect(r.code).toBe(0);
    const parsed = JSON.parse(r.stdout);
    expect(parsed).toMatchObject({ kind: 'report', title: 'Udfordringer på det specialiserede børneområde', lang: 'da' });
    expect(parsed.tables.length).toBeGreaterThan(0);
    expect(parsed.n.respondents).toBe(12);
  });

  it('--format html writes the styled, self-contained document of toHtmlDocument', async () => {
    const r = await run(['report', 'kommuner.csv', '-c', 'kommuner.json', '-f', 'html'], surveyFiles());
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('<!doctype html>\n<html lang="da">\n<head>\n<meta charset="utf-8">')).toBe(true);
    expect(r.stdout).toContain('<title>Udfordringer på det specialiserede børneområde</title>');
    expect(r.stdout.endsWith('</body>\n</html>\n')).toBe(true);
    expect(r.stdout).toContain('<table');
    expect(r.stdout).toContain('</table>');
    expect(r.stdout).toContain('<nav class="contents"');
    expect(r.stdout).toContain('@page{size:A4');
    expect(r.stdout).toMatch(/<caption><span class="number">Tabel 1<\/span> /);
  });

  it('--frame adds the representativeness table, reading population numbers with thousands dots', async () => {
    const r = await run(['report', 'kommuner.csv', '-c', 'kommuner.json', '--frame', 'frame.csv', '--format', 'json'], surveyFiles());
    expect(r.code).toBe(0);
    const parsed = JSON.parse(r.stdout);
    expect(parsed.n.frame).toBe(13);
    expect(parsed.sections.representativeness?.length ?? 0).toBeGreaterThan(0);
    const tables = parsed.tables.filter((t: { id: string }) => parsed.sections.representativeness.includes(t.id));
    // The frame's mean population is 1,894,340 / 13 = 145,718.46…, read from "638.117" etc.
    expect(JSON.stringify(tables)).toMatch(/"population":145718\.46/);
  });

  it('--out writes the file and nothing to stdout', async () => {
    const r = await run(['report', 'kommuner.csv', '-c', 'kommuner.json', '--out', 'out/rapport.md'], surveyFiles());
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.files.get('/work/out/rapport.md')).toMatch(/^# Udfordringer/);
  });

  it('exits 1 and lists the data problems on stderr when the data has problems', async () => {
    const r = await run(['report', 'kommuner-fejl.csv', '-c', 'kommuner.json'], surveyFiles());
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('kommuner-fejl.csv:5: column "indeks": "ukendt" is not a number');
    expect(r.stderr).toContain('6 problems in kommuner-fejl.csv; no report written');
  });

  it('exits 1 naming the files when report() rejects the options in the config', async () => {
    const config = JSON.parse(surveyFiles()['kommuner.json'] as string);
    config.report = { items: ['behov_tidlig', 'nope'] };
    const r = await run(['report', 'kommuner.csv', '-c', 'c.json'], { ...surveyFiles(), 'c.json': JSON.stringify(config) });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('report failed for kommuner.csv with c.json: report: items: unknown item "nope"');
  });

  it('an unreadable frame is a usage error', async () => {
    const r = await run(['report', 'kommuner.csv', '-c', 'kommuner.json', '--frame', 'nope.csv'], surveyFiles());
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('cannot read frame CSV nope.csv: no such file');
  });
});

describe('likertkit report language', () => {
  it('takes the language from the config’s report.lang when --lang is not given', async () => {
    const config = JSON.parse(surveyFiles()['kommuner.json'] as string);
    config.report = { lang: 'en' };
    const r = await run(['report', 'kommuner.csv', '-c', 'c.json', '-f', 'json'], { ...surveyFiles(), 'c.json': JSON.stringify(config) });
    expect(JSON.parse(r.stdout).lang).toBe('en');
    const overridden = await run(['report', 'kommuner.csv', '-c', 'c.json', '-f', 'json', '--lang', 'da'], { ...surveyFiles(), 'c.json': JSON.stringify(config) });
    expect(JSON.parse(overridden.stdout).lang).toBe('da');
  });

  it('an invalid report.lang in the config is a config error, before any data is read', async () => {
    const config = JSON.parse(surveyFiles()['kommuner.json'] as string);
    config.report = { lang: 'de' };
    const r = await run(['report', 'kommuner.csv', '-c', 'c.json'], { ...surveyFiles(), 'c.json': JSON.stringify(config) });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('likertkit report: c.json: report.lang: expected "da" or "en", got string "de"; did you mean "da"?\n');
  });
});

describe('likertkit report frame warnings', () => {
  it('passes on frame records that do not parse cleanly as warnings', async () => {
    const files = { ...surveyFiles(), 'frame.csv': `${surveyFiles()['frame.csv']}999;Nordjylland;12.345;x\n` };
    const r = await run(['report', 'kommuner.csv', '-c', 'kommuner.json', '--frame', 'frame.csv', '-f', 'json'], files);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('warning: frame.csv:15: expected 3 fields, found 4 (extra fields dropped: "x")');
  });
});
