import { describe, expect, it } from 'vitest';
import {
  agreementShare,
  codedMean,
  correlate,
  defineScale,
  frequencies,
  likert,
  meanInterval,
  pearson,
  proportionInterval,
  report,
  survey,
  toMarkdown,
} from '../../src/index';
import { checkOptionKeys } from '../../src/internal/validate';

describe('checkOptionKeys', () => {
  it('accepts undefined, null and objects whose keys are all allowed', () => {
    expect(() => checkOptionKeys('f', undefined, ['title'])).not.toThrow();
    expect(() => checkOptionKeys('f', null, ['title'])).not.toThrow();
    expect(() => checkOptionKeys('f', { title: 'x' }, ['title', 'lang'])).not.toThrow();
  });

  it('names an unknown key and the closest valid one', () => {
    expect(() => checkOptionKeys('report', { titel: 'x' }, ['title', 'lang'])).toThrow(
      new TypeError('report: unknown option "titel"; did you mean "title"?'),
    );
  });

  it('suggests across a difference of case', () => {
    expect(() => checkOptionKeys('f', { Level: 0.9 }, ['level'])).toThrow('did you mean "level"?');
  });

  it('lists the valid keys when none is close', () => {
    expect(() => checkOptionKeys('f', { colour: 'red' }, ['level', 'method'])).toThrow(
      new TypeError('f: unknown option "colour"; valid options are "level", "method"'),
    );
  });

  it('treats an own __proto__ key (as JSON.parse makes it) as unknown', () => {
    const options: unknown = JSON.parse('{"__proto__": 1}');
    expect(() => checkOptionKeys('f', options, ['level'])).toThrow('unknown option "__proto__"');
  });

  it('says so when the function takes no options', () => {
    expect(() => checkOptionKeys('f', { level: 1 }, [])).toThrow('f: unknown option "level"; this function takes no options');
  });
});

describe('public functions refuse misspelt options', () => {
  const scale = defineScale({ id: 'plain', levels: ['a', 'b', 'c', 'd'], agree: ['c', 'd'] });
  const column = likert(['a', 'b', 'c', 'd'], scale);
  const s = survey({
    rows: [
      { id: '1', q1: 'a', q2: 'b' },
      { id: '2', q1: 'b', q2: 'c' },
      { id: '3', q1: 'c', q2: 'd' },
      { id: '4', q1: 'd', q2: 'd' },
    ],
    id: 'id',
    items: [
      { id: 'q1', scale },
      { id: 'q2', scale },
    ],
  });
  const cases: [string, () => unknown, string][] = [
    ['report', () => report(s, { titel: 'x' } as never), 'report: unknown option "titel"; did you mean "title"?'],
    ['report (representativeness)', () => report(s, { representativeness: { numericMethod: 't' } } as never), 'report: representativeness: unknown option "numericMethod"; valid options are "variables", "sample", "method", "distribution", "populationSize"'],
    ['defineScale', () => defineScale({ id: 'x', levels: ['a', 'b'], alias: { a: ['A'] } } as never), 'defineScale: unknown option "alias"; did you mean "aliases"?'],
    ['agreementShare', () => agreementShare(column, { levle: 0.9 } as never), 'agreementShare: unknown option "levle"; did you mean "level"?'],
    ['codedMean', () => codedMean(column, { populationsize: 98 } as never), 'did you mean "populationSize"?'],
    ['frequencies', () => frequencies(column, { weight: [1, 1, 1, 1] } as never), 'did you mean "weights"?'],
    ['meanInterval', () => meanInterval([1, 2, 3], { distributon: 'normal' } as never), 'meanInterval: unknown option "distributon"'],
    ['proportionInterval', () => proportionInterval(1, 2, { methd: 'wald' } as never), 'proportionInterval: unknown option "methd"'],
    ['pearson', () => pearson([1, 2, 3], [1, 2, 4], { star: 'apa' } as never), 'did you mean "stars"?'],
    ['correlate', () => correlate(s, { x: ['q1'], y: ['q2'], adjst: 'holm' } as never), 'correlate: unknown option "adjst"'],
    ['likert', () => likert(['a'], scale, { unkown: 'missing' } as never), 'likert: unknown option "unkown"; did you mean "unknown"?'],
    ['toMarkdown', () => toMarkdown(report(s), { headinglevel: 3 } as never), 'did you mean "headingLevel"?'],
  ];
  for (const [name, call, message] of cases) {
    it(`${name} throws a TypeError naming the unknown key`, () => {
      expect(call).toThrow(TypeError);
      expect(call).toThrow(message);
    });
  }
});
