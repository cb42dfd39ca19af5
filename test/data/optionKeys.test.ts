import { describe, expect, it } from 'vitest';
import { safeSurvey, survey, SurveyInputError } from '../../src/data/survey';
import { scales } from '../../src/scale/presets';

const columns = Object.freeze({
  id: Object.freeze(['101', '147', '151', '153']),
  q1: Object.freeze(['I høj grad', 'Slet ikke', 'I høj grad', 'Ved ikke']),
  q2: Object.freeze(['I høj grad', 'I mindre grad', 'Slet ikke', 'I høj grad']),
  q3: Object.freeze(['Slet ikke', 'Slet ikke', 'I høj grad', 'I høj grad']),
  region: Object.freeze(['Nord', 'Syd', 'Nord', 'Syd']),
  sparring: Object.freeze(['1', '0', '1', '0']),
  kurser: Object.freeze(['0', '1', '1', '0']),
  former: Object.freeze(['Sparring;Kurser', 'Kurser', '', 'Sparring']),
});
const items = [
  { id: 'q1', scale: scales.daDegree4 },
  { id: 'q2', scale: scales.daDegree4 },
  { id: 'q3', scale: scales.daDegree4 },
];

function issuesOf(definition: unknown): { kind: string; message: string }[] {
  const result = safeSurvey(definition as never);
  if (result.ok) throw new Error('expected the definition to be refused');
  return result.issues as { kind: string; message: string }[];
}

describe('survey refuses misspelt keys in its definition, naming the closest valid key', () => {
  it('reports a misspelt item key as a definition issue with its position', () => {
    const issues = issuesOf({ columns, id: 'id', items: [items[0], items[1], { id: 'q3', colum: 'q3', scale: scales.daDegree4 }] });
    expect(issues).toEqual([
      { kind: 'definition', item: 'q3', message: 'unknown key "colum" in items[2]; did you mean "column"?' },
    ]);
  });

  it('reports a misspelt top-level key (attribtes) as a definition issue', () => {
    const issues = issuesOf({ columns, id: 'id', items, attribtes: { region: 'category' } });
    expect(issues[0]).toEqual({ kind: 'definition', message: 'unknown key "attribtes" in the definition; did you mean "attributes"?' });
  });

  it('names a misspelt data key in the error about the missing data source', () => {
    expect(() => survey({ colums: columns, id: 'id', items } as never)).toThrow(
      'survey: give exactly one of rows, columns, table or survey; got none (unknown key "colums" in the definition; did you mean "columns"?)',
    );
  });

  it('reports a misspelt key of an attribute given as { column, kind }', () => {
    const issues = issuesOf({ columns, id: 'id', items, attributes: { area: { colmn: 'region', kind: 'category' } } });
    expect(issues.map((i) => i.message)).toContain('unknown key "colmn" in attributes["area"]; did you mean "column"?');
  });

  it('reports a misspelt key of a multi-select question in either form', () => {
    const columnForm = issuesOf({ columns, id: 'id', items, multiSelect: [{ id: 'støtte', columns: ['sparring', 'kurser'], tickd: ['1'] }] });
    expect(columnForm).toEqual([
      { kind: 'definition', question: 'støtte', message: 'unknown key "tickd" in multiSelect[0]; did you mean "ticked"?' },
    ]);
    const separatorForm = issuesOf({ columns, id: 'id', items, multiSelect: [{ id: 'former', column: 'former', separator: ';', optons: ['Sparring', 'Kurser'] }] });
    expect(separatorForm).toEqual([
      { kind: 'definition', question: 'former', message: 'unknown key "optons" in multiSelect[0]; did you mean "options"?' },
    ]);
  });

  it('lists an unknown key together with the problems in the data, which are still read', () => {
    const issues = issuesOf({ columns, id: 'id', items: [{ id: 'q1', column: 'q_1', scale: scales.daDegree4, lable: 'Q' }] });
    expect(issues.map((issue) => issue.kind)).toEqual(['definition', 'missing-column']);
    expect(issues[0]?.message).toBe('unknown key "lable" in items[0]; did you mean "label"?');
    expect(issues[1]?.message).toMatch(/^column "q_1" \(.*\) is not in the data; did you mean "q1"\?/);
  });

  it('throws the same issue from survey as a SurveyInputError', () => {
    expect(() => survey({ columns, id: 'id', items: [{ id: 'q1', scale: scales.daDegree4, lable: 'Q' }] } as never)).toThrow(SurveyInputError);
    expect(() => survey({ columns, id: 'id', items: [{ id: 'q1', scale: scales.daDegree4, lable: 'Q' }] } as never)).toThrow(
      'unknown key "lable" in items[0]; did you mean "label"?',
    );
  });

  it('accepts every documented key', () => {
    const s = survey({
      columns,
      id: 'id',
      items: [{ id: 'q1', column: 'q1', scale: scales.daDegree4, label: 'Q1', group: 'g', topic: 't', reverse: false }],
      attributes: { region: 'category', area: { column: 'region', kind: 'category' } },
      duplicates: 'error',
      unknown: 'error',
      decimal: 'auto',
      multiSelect: [
        { id: 'støtte', columns: ['sparring', 'kurser'], options: ['sparring', 'kurser'], ticked: ['1'], notTicked: ['0'], blank: 'missing', label: 'Støtte' },
        { id: 'former', column: 'former', separator: ';', options: ['Sparring', 'Kurser'], blank: 'not-ticked', label: 'Former' },
      ],
    });
    expect(s.size).toBe(4);
  });
});

describe('the survey methods refuse misspelt option keys', () => {
  const s = survey({ columns, id: 'id', items, attributes: { region: 'category' }, multiSelect: [{ id: 'støtte', columns: ['sparring', 'kurser'] }] });

  it('s.recode names the misspelt key and the suggestion', () => {
    expect(() => s.recode('region', { Nord: 'N', Syd: 'S' }, { unmaped: 'keep' } as never)).toThrow(
      new TypeError('survey.recode: unknown option "unmaped"; did you mean "unmapped"?'),
    );
  });

  it('s.collapse names the misspelt key and the suggestion', () => {
    expect(() => s.collapse('region', { alle: ['Nord', 'Syd'] }, { ass: 'alle' } as never)).toThrow(
      new TypeError('survey.collapse: unknown option "ass"; did you mean "as"?'),
    );
  });

  it('s.combinations names the misspelt key and the suggestion', () => {
    expect(() => s.combinations('støtte', { as: 'c', categories: { begge: ['sparring', 'kurser'] }, othr: null } as never)).toThrow(
      new TypeError('survey.combinations: unknown option "othr"; did you mean "other"?'),
    );
  });
});

describe('s.where reads the values it is given as category keys', () => {
  const nfc = 'Åbenrå'.normalize('NFC');
  const nfd = 'Åbenrå'.normalize('NFD');
  const s = survey({
    columns: { id: ['1', '2', '3'], q: ['I høj grad', 'Slet ikke', 'I høj grad'], region: [nfc, 'Nord', 101] },
    id: 'id',
    items: [{ id: 'q', scale: scales.daDegree4 }],
    attributes: { region: 'category' },
  });

  it('finds the stored NFC category from an NFD value', () => {
    expect(nfd).not.toBe(nfc);
    expect(s.where('region', nfd).ids).toEqual(['1']);
  });

  it('trims the value and finds a number category from its digits', () => {
    expect(s.where('region', ' Nord ').ids).toEqual(['2']);
    expect(s.where('region', 101 as never).ids).toEqual(['3']);
    expect(s.where('region', [nfd, '101']).ids).toEqual(['1', '3']);
  });

  it('refuses a value that is not a category, naming the function', () => {
    expect(() => s.where('region', { a: 1 } as never)).toThrow(/^survey\.where: an object \{"a":1\} is not a category of "region"/);
  });
});

describe('s.recode and s.collapse read the mapping as category keys', () => {
  const nfc = 'Åbenrå'.normalize('NFC');
  const nfd = 'Åbenrå'.normalize('NFD');
  const s = survey({
    columns: { id: ['1', '2', '3'], q: ['I høj grad', 'Slet ikke', 'I høj grad'], area: [nfc, 'Nord', 'Syd'] },
    id: 'id',
    items: [{ id: 'q', scale: scales.daDegree4 }],
    attributes: { area: 'category' },
  });

  it('finds a category from an NFD or padded mapping key and stores the target as categoryKey reads it', () => {
    const recoded = s.recode('area', { [nfd]: ` ${nfd} Kommune`, ' Nord ': 'Nord', Syd: 'Syd' });
    expect(recoded.category('area')).toEqual([`${nfc} Kommune`, 'Nord', 'Syd']);
    expect(recoded.where('area', `${nfc} Kommune`).ids).toEqual(['1']);
  });

  it('collapses an NFD member into its group', () => {
    expect(s.collapse('area', { syd: [nfd, 'Syd'], nord: ['Nord'] }).category('area')).toEqual(['syd', 'nord', 'syd']);
  });

  it('refuses an invisible-only target, as an empty one', () => {
    expect(() => s.recode('area', { [nfc]: '\u200B', Nord: 'Nord', Syd: 'Syd' })).toThrow(
      /^survey\.recode: the mapping of "Åbenrå" must be a non-empty text or null \(missing\)/,
    );
  });
});
