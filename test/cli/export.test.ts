import { describe, expect, it } from 'vitest';
import { fixture, run } from './helpers';

/**
 * A survey export shaped like SurveyXact's and Enalyzer's: UTF-8 with a byte order mark, ";"
 * between fields, CRLF line ends, Danish question texts as headers, a tick-box block, a comment
 * column, "Region …" names and populations with thousands dots.
 */
function surveyExport(): Uint8Array {
  const header = [
    'Kommunekode',
    'Kommune',
    'Region',
    'Indbyggere',
    'I hvilken grad oplever kommunen udfordringer med tidlig indsats?',
    'I hvilken grad har kommunen behov for støtte til tidlig indsats?',
    'Hvilke former for støtte ønsker I?: Sparring',
    'Hvilke former for støtte ønsker I?: Kurser',
    'Hvilke former for støtte ønsker I?: Netværk',
    'Kommentar',
  ];
  const municipalities: [string, string, string, string][] = [
    ['101', 'København', 'Hovedstaden', '638.117'],
    ['147', 'Frederiksberg', 'Hovedstaden', '104.305'],
    ['151', 'Ballerup', 'Hovedstaden', '48.582'],
    ['165', 'Albertslund', 'Hovedstaden', '27.731'],
    ['253', 'Greve', 'Sjælland', '50.476'],
    ['259', 'Køge', 'Sjælland', '60.828'],
    ['265', 'Roskilde', 'Sjælland', '88.142'],
    ['410', 'Middelfart', 'Syddanmark', '38.683'],
    ['461', 'Odense', 'Syddanmark', '204.895'],
    ['751', 'Aarhus', 'Midtjylland', '352.751'],
    ['727', 'Odder', 'Midtjylland', '22.755'],
    ['851', 'Aalborg', 'Nordjylland', '217.075'],
  ];
  const challenge = ['Meget store udfordringer', 'Ret store udfordringer', 'Mindre udfordringer', 'Slet ingen udfordringer'];
  const need = ['I meget høj grad', 'I høj grad', 'I mindre grad', 'Slet ikke', 'Ved ikke'];
  const lines = municipalities.map(([code, name, region, population], i) =>
    [
      code,
      name,
      `Region ${region}`,
      population,
      challenge[i % 4],
      need[i % 5],
      i % 2 === 0 ? '1' : '',
      i % 3 === 0 ? '1' : '',
      i % 4 === 0 ? '1' : '',
      `"Vi har brug for mere tid til opgaven; svar nr. ${i + 1}"`,
    ].join(';'),
  );
  return new TextEncoder().encode(`\uFEFF${[header.join(';'), ...lines].join('\r\n')}\r\n`);
}

describe('from a SurveyXact-shaped export to a report, through the command line', () => {
  it('init finds the items, the tick-box block, the region and the population, and leaves the comments out', async () => {
    const r = await run(['init', 'eksport.csv', '--out', 'survey.json'], { 'eksport.csv': surveyExport() });
    expect(r.code).toBe(0);
    const config = JSON.parse(r.files.get('/work/survey.json') as string);
    expect(config).toEqual({
      $schema: './node_modules/likertkit/dist/config.schema.json',
      id: 'Kommunekode',
      items: [
        { id: 'I hvilken grad oplever kommunen udfordringer med tidlig indsats?', scale: 'daChallenge4' },
        { id: 'I hvilken grad har kommunen behov for støtte til tidlig indsats?', scale: 'daDegree4' },
      ],
      attributes: { Region: 'category', Indbyggere: 'number' },
      multiSelect: [
        {
          id: 'hvilke_former_for_stoette_oensker_i',
          columns: {
            Sparring: 'Hvilke former for støtte ønsker I?: Sparring',
            Kurser: 'Hvilke former for støtte ønsker I?: Kurser',
            Netværk: 'Hvilke former for støtte ønsker I?: Netværk',
          },
        },
      ],
      decimal: ',',
    });
    expect(r.stdout).toContain('column "Kommentar": free text (12 distinct answers), left out');
    expect(r.stdout).toContain('eksport.csv: 12 rows, 10 columns, delimiter ";"');
  });

  it('the config init wrote, with a recode of the region names, passes check and gives the representativeness table against the frame', async () => {
    const files = { 'eksport.csv': surveyExport(), 'frame.csv': fixture('frame.csv') };
    const init = await run(['init', 'eksport.csv'], files);
    const config = JSON.parse(init.stdout);
    // The frame calls the columns region and indbyggere, and the regions without "Region ".
    config.rename = { Region: 'region', Indbyggere: 'indbyggere' };
    config.recode = { region: Object.fromEntries(['Hovedstaden', 'Sjælland', 'Syddanmark', 'Midtjylland', 'Nordjylland'].map((r) => [`Region ${r}`, r])) };
    config.attributes = { region: 'category', indbyggere: 'number' };
    const withConfig = { ...files, 'survey.json': JSON.stringify(config) };
    const check = await run(['check', 'eksport.csv', '-c', 'survey.json'], withConfig);
    expect(check).toMatchObject({ code: 0, stdout: 'ok: 12 respondents, 2 items\n' });
    const report = await run(['report', 'eksport.csv', '-c', 'survey.json', '--frame', 'frame.csv', '-f', 'json'], withConfig);
    expect(report.code).toBe(0);
    const parsed = JSON.parse(report.stdout);
    const tables = parsed.tables.filter((t: { id: string }) => parsed.sections.representativeness.includes(t.id));
    const text = JSON.stringify(tables);
    // The frame's regions meet the recoded ones, and its mean population is read with thousands
    // dots: 1,894,340 / 13 = 145,718.46…
    expect(text).toContain('"Hovedstaden"');
    expect(text).not.toContain('Region Hovedstaden');
    expect(text).toMatch(/"population":145718\.46/);
  });
});
