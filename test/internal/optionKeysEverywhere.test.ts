import { describe, expect, it } from 'vitest';
import * as core from '../../src/index';
import * as csv from '../../src/csv/index';
import * as demo from '../../src/demo/index';
import * as vegaLite from '../../src/vega-lite/index';
import * as render from '../../src/render/index';
import * as sql from '../../src/sql/index';
import * as duckdb from '../../src/duckdb/index';
import * as parallel from '../../src/parallel/index';
import * as html from '../../src/html/index';
import * as exporter from '../../src/export/index';
import * as reliabilityEntry from '../../src/reliability/index';
import * as tables from '../../src/tables/index';

// Every public function of every entry point is listed here: either with a call that passes one
// misspelt option key (and the message it must give), or among the functions that take no
// options object, with the reason. The last test fails when an export is in neither list, so a
// new function cannot skip the check unnoticed.

const { scales } = core;
const frame = demo.municipalities2020();
const rows = [
  { id: '101', region: 'Hovedstaden', population: 632340, q1: 'I høj grad', q2: 'Slet ikke', a: 'x', b: '' },
  { id: '147', region: 'Hovedstaden', population: 104305, q1: 'Slet ikke', q2: 'I høj grad', a: '', b: 'x' },
  { id: '151', region: 'Hovedstaden', population: 56291, q1: 'I mindre grad', q2: 'I mindre grad', a: 'x', b: 'x' },
  { id: '153', region: 'Hovedstaden', population: 48602, q1: 'I meget høj grad', q2: 'I høj grad', a: '', b: '' },
];
const s = core.survey({
  rows,
  id: 'id',
  items: [
    { id: 'q1', scale: scales.daDegree4 },
    { id: 'q2', scale: scales.daDegree4 },
  ],
  attributes: { region: 'category', population: 'number' },
  multiSelect: [{ id: 'støtte', columns: ['a', 'b'], ticked: ['x'], blank: 'not-ticked' }],
});
const column = s.item('q1');
const sample = [{ region: 'Hovedstaden' }, { region: 'Sjælland' }];
const targets = { region: { Hovedstaden: 0.5, Sjælland: 0.5 } };

/** name → [a call with one misspelt option key, the message it must contain, the error class if not TypeError]. */
const misspelt: Record<string, [() => unknown, string, (new (...args: never[]) => Error)?]> = {
  agreementShare: [() => core.agreementShare(column, { levl: 0.9 } as never), 'agreementShare: unknown option "levl"; did you mean "level"?'],
  auditSuppression: [() => core.auditSuppression([[1, 2], [3, 4]], [[false, false], [false, false]], { rowTotal: true } as never), 'auditSuppression: unknown option "rowTotal"; did you mean "rowTotals"?'],
  chiSquareIndependence: [() => core.chiSquareIndependence([[1, 2], [3, 4]], { corect: true } as never), 'chiSquareIndependence: unknown option "corect"; did you mean "correct"?'],
  codedMean: [() => core.codedMean(column, { levl: 0.9 } as never), 'codedMean: unknown option "levl"; did you mean "level"?'],
  compareGroups: [() => core.compareGroups(s, 'q1', { by: 'region', levl: 0.9 } as never), 'compareGroups: unknown option "levl"; did you mean "level"?'],
  compareProportions: [() => core.compareProportions(1, 4, 2, 4, { levl: 0.9 } as never), 'compareProportions: unknown option "levl"; did you mean "level"?'],
  compareWaves: [() => core.compareWaves(s, s, { levl: 0.9 } as never), 'compareWaves: unknown option "levl"; did you mean "level"?'],
  correlate: [() => core.correlate(s, { x: ['q1'], y: ['q2'], levl: 0.9 } as never), 'correlate: unknown option "levl"; did you mean "level"?'],
  summarize: [() => core.summarize(s, { pair: 'all' } as never), 'summarize: unknown option "pair"; did you mean "pairs"?'],
  decodeText: [() => core.decodeText(new Uint8Array([104, 105]), { encodng: 'utf-8' } as never), 'decodeText: unknown option "encodng"; did you mean "encoding"?'],
  defineScale: [() => core.defineScale({ id: 'x', levels: ['a', 'b'], agre: ['b'] } as never), 'defineScale: unknown option "agre"; did you mean "agree"?'],
  defineTargets: [() => core.defineTargets({ variables: targets, rescal: true } as never), 'defineTargets: unknown option "rescal"; did you mean "rescale"?'],
  displayTable: [() => core.displayTable(core.report(s).tables[0] as never, { lng: 'da' } as never), 'displayTable: unknown option "lng"; did you mean "lang"?'],
  frequencies: [() => core.frequencies(column, { weight: [1, 1, 1, 1] } as never), 'frequencies: unknown option "weight"; did you mean "weights"?'],
  formatCell: [() => core.formatCell({ share: 0.5 }, { key: 'share', label: 'Andel', format: 'percent' } as never, { lng: 'da' } as never), 'formatCell: unknown option "lng"; did you mean "lang"?'],
  formatCorrelation: [() => core.formatCorrelation(0.5, '**', { lng: 'da' } as never), 'formatCorrelation: unknown option "lng"; did you mean "lang"?'],
  formatNumber: [() => core.formatNumber(0.5, { lng: 'da' } as never), 'formatNumber: unknown option "lng"; did you mean "lang"?'],
  formatP: [() => core.formatP(0.5, { lng: 'da' } as never), 'formatP: unknown option "lng"; did you mean "lang"?'],
  formatPercent: [() => core.formatPercent(0.5, { lng: 'da' } as never), 'formatPercent: unknown option "lng"; did you mean "lang"?'],
  largestRemainder: [() => core.largestRemainder([0.5, 0.5], { totl: 100 } as never), 'largestRemainder: unknown option "totl"; did you mean "total"?'],
  likert: [() => core.likert(['Slet ikke'], scales.daDegree4, { unknwn: 'missing' } as never), 'likert: unknown option "unknwn"; did you mean "unknown"?'],
  meanInterval: [() => core.meanInterval([1, 2, 3], { levl: 0.9 } as never), 'meanInterval: unknown option "levl"; did you mean "level"?'],
  oneSampleTTest: [() => core.oneSampleTTest({ mean: 1, sd: 1, n: 3 }, 0, { distributon: 't' } as never), 'oneSampleTTest: unknown option "distributon"; did you mean "distribution"?'],
  surveyProportionInterval: [() => core.surveyProportionInterval(0.4, 0.05, { levl: 0.9 } as never), 'surveyProportionInterval: unknown option "levl"; did you mean "level"?'],
  welchTTest: [() => core.welchTTest({ mean: 1, sd: 1, n: 3 }, { mean: 2, sd: 1, n: 3 }, { levl: 0.9 } as never), 'welchTTest: unknown option "levl"; did you mean "level"?'],
  medianSplit: [() => core.medianSplit([1, 2, 3], { referenc: [1, 2] } as never), 'medianSplit: unknown option "referenc"; did you mean "reference"?'],
  mergeInformants: [
    () => core.mergeInformants({ ids: ['1'], input: { a: ['x'] } }, { ids: ['2'], input: { a: [''] } }, { tickd: ['x'] } as never),
    'mergeInformants: unknown option "tickd"; did you mean "ticked"?',
  ],
  multiSelect: [() => core.multiSelect(s, 'støtte', { topCombination: 3 } as never), 'multiSelect: unknown option "topCombination"; did you mean "topCombinations"?'],
  multiSelectTable: [() => core.multiSelectTable(s, ['støtte'], { noneMeansAnswerd: true } as never), 'multiSelectTable: unknown option "noneMeansAnswerd"; did you mean "noneMeansAnswered"?'],
  pearson: [() => core.pearson([1, 2, 3], [1, 2, 4], { levl: 0.9 } as never), 'pearson: unknown option "levl"; did you mean "level"?'],
  weightedPearson: [() => core.weightedPearson([1, 2, 3], [1, 2, 4], [1, 1, 1], { levl: 0.9 } as never), 'weightedPearson: unknown option "levl"; did you mean "level"?'],
  designWaldTest: [() => core.designWaldTest([1, 2], [0, 1], [1, 1], { domian: [1, 1] } as never), 'designWaldTest: unknown option "domian"; did you mean "domain"?'],
  raoScottTest: [() => core.raoScottTest([0, 1], [0, 1], [1, 1], { statistc: 'F' } as never), 'raoScottTest: unknown option "statistc"; did you mean "statistic"?'],
  postStratify: [() => core.postStratify(sample, { variable: 'region', targets, scal: 'sample' } as never), 'postStratify: unknown option "scal"; did you mean "scale"?'],
  proportionInterval: [() => core.proportionInterval(1, 2, { levl: 0.9 } as never), 'proportionInterval: unknown option "levl"; did you mean "level"?'],
  rake: [() => core.rake(sample, { targets, maxIteration: 10 } as never), 'rake: unknown option "maxIteration"; did you mean "maxIterations"?'],
  rankItems: [() => core.rankItems(s, { tp: 3 } as never), 'rankItems: unknown option "tp"; did you mean "top"?'],
  readFrame: [() => core.readFrame(frame, { decmal: ',' } as never), 'readFrame: unknown option "decmal"; did you mean "decimal"?'],
  report: [() => core.report(s, { titel: 'x' } as never), 'report: unknown option "titel"; did you mean "title"?'],
  representativeness: [
    () => core.representativeness({ sample, targets, variables: ['region'], distributon: 't' } as never),
    'representativeness: unknown option "distributon"; did you mean "distribution"?',
  ],
  responseRates: [() => core.responseRates(frame, ['101'], { id: 'code', bye: ['region'] } as never), 'responseRates: unknown option "bye"; did you mean "by"?'],
  safeLikert: [() => core.safeLikert(['Slet ikke'], scales.daDegree4, { unknwn: 'missing' } as never), 'safeLikert: unknown option "unknwn"; did you mean "unknown"?'],
  sizeGroups: [() => core.sizeGroups([1, 2, 3], { breaks: [2], label: ['a', 'b'] } as never), 'sizeGroups: unknown option "label"; did you mean "labels"?'],
  spearman: [() => core.spearman([1, 2, 3], [1, 2, 4], { levl: 0.9 } as never), 'spearman: unknown option "levl"; did you mean "level"?'],
  suppressSmallCells: [() => core.suppressSmallCells([[1, 2], [3, 4]], { threshold: 3 } as never), 'suppressSmallCells: unknown option "threshold"; valid options are "suppressBelow"'],
  survey: [() => core.survey({ rows, id: 'id', items: [{ id: 'q1', scale: scales.daDegree4 }], atributes: {} } as never), 'unknown key "atributes" in the definition; did you mean "attributes"?', core.SurveyInputError],
  safeSurvey: [
    () => {
      const result = core.safeSurvey({ rows, id: 'id', items: [{ id: 'q1', scale: scales.daDegree4, revers: true }] } as never);
      if (!result.ok) throw new Error(result.issues.map((issue) => issue.message).join('\n'));
      return result;
    },
    'unknown key "revers" in items[0]; did you mean "reverse"?',
    Error,
  ],
  targetsFromFrame: [() => core.targetsFromFrame(frame, { variables: ['region'], mising: 'ignore' } as never), 'targetsFromFrame: unknown option "mising"; did you mean "missing"?'],
  toHtml: [() => core.toHtml(core.report(s), { lng: 'da' } as never), 'toHtml: unknown option "lng"; did you mean "lang"?'],
  toMarkdown: [() => core.toMarkdown(core.report(s), { lng: 'da' } as never), 'toMarkdown: unknown option "lng"; did you mean "lang"?'],
  verbalFraction: [() => core.verbalFraction(0.5, { lng: 'da' } as never), 'verbalFraction: unknown option "lng"; did you mean "lang"?'],
  // likertkit/html
  toHtmlDocument: [() => html.toHtmlDocument(core.report(s), { figure: new Map() } as never), 'toHtmlDocument: unknown option "figure"; did you mean "figures"?'],
  // likertkit/export
  toCsv: [() => exporter.toCsv(core.report(s).tables[0] as never, { lng: 'da' } as never), 'toCsv: unknown option "lng"; did you mean "lang"?'],
  // likertkit/csv
  detectDecimal: [() => csv.detectDecimal(['1,5'], { fallbak: ',' } as never), 'detectDecimal: unknown option "fallbak"; did you mean "fallback"?'],
  numericColumn: [() => csv.numericColumn([{ a: '1' }], 'a', { decmal: ',' } as never), 'numericColumn: unknown option "decmal"; did you mean "decimal"?'],
  parseCsv: [() => csv.parseCsv('a;b\n1;2\n', { delimeter: ';' } as never), 'parseCsv: unknown option "delimeter"; did you mean "delimiter"?'],
  parseNumber: [() => csv.parseNumber('1,5', { decmal: ',' } as never), 'parseNumber: unknown option "decmal"; did you mean "decimal"?'],
  surveyFromCsv: [() => csv.surveyFromCsv('a\n1\n', { id: 'a', items: [] }, { delimeter: ';' } as never), 'surveyFromCsv: unknown option "delimeter"; did you mean "delimiter"?'],
  safeSurveyFromCsv: [() => csv.safeSurveyFromCsv('a\n1\n', { id: 'a', items: [] }, { delimeter: ';' } as never), 'safeSurveyFromCsv: unknown option "delimeter"; did you mean "delimiter"?'],
  // likertkit/vega-lite
  divergingBars: [() => vegaLite.divergingBars([{ id: 'q1', data: column }], { titel: 'x' } as never), 'divergingBars: unknown option "titel"; did you mean "title"?'],
  divergingRows: [() => vegaLite.divergingRows([{ id: 'q1', data: column }], { srt: 'input' } as never), 'divergingRows: unknown option "srt"; did you mean "sort"?'],
  stackedBars: [() => vegaLite.stackedBars([{ id: 'q1', data: column }], { titel: 'x' } as never), 'stackedBars: unknown option "titel"; did you mean "title"?'],
  stackedBarRows: [() => vegaLite.stackedBarRows([{ id: 'q1', data: column }], { srt: 'input' } as never), 'stackedBarRows: unknown option "srt"; did you mean "sort"?'],
  countBars: [() => vegaLite.countBars([{ label: 'a', count: 1 }], { colour: '#000000' } as never), 'countBars: unknown option "colour"; did you mean "color"?'],
  meanDots: [() => vegaLite.meanDots([{ row: 'a', series: 'x', mean: 2 }], { digit: 2 } as never), 'meanDots: unknown option "digit"; did you mean "digits"?'],
  groupMeans: [() => vegaLite.groupMeans(core.report(s, { sections: ['means'], by: ['region'] }).tables[0] as never, { item: [] } as never), 'groupMeans: unknown option "item"; did you mean "items"?'],
  meanScatter: [() => vegaLite.meanScatter([{ label: 'a', x: 1, y: 2 }], { xtitle: 'x' } as never), 'meanScatter: unknown option "xtitle"; did you mean "xTitle"?'],
  // likertkit/sql
  summaryQuery: [() => sql.summaryQuery({ id: 'id', items: [{ id: 'q1', scale: scales.daDegree4 }] }, { dialect: 'ansi', table: 't', bye: 'x' } as never), 'summaryQuery: unknown option "bye"; did you mean "by"?'],
  summaryFromRows: [() => sql.summaryFromRows([], { definition: { id: 'id', items: [{ id: 'q1', scale: scales.daDegree4 }] }, pair: [] } as never), 'summaryFromRows: unknown option "pair"; did you mean "pairs"?'],
  // likertkit/tables
  fisherExact: [() => tables.fisherExact([[1, 2], [3, 4]], { alternatve: 'less' } as never), 'fisherExact: unknown option "alternatve"; did you mean "alternative"?'],
  crosstab: [() => tables.crosstab(s, 'q1', 'region', { exakt: true } as never), 'crosstab: unknown option "exakt"; did you mean "exact"?'],
  crosstabTable: [() => tables.crosstabTable(tables.crosstab(s, 'q1', 'region'), { value: 'counts' } as never), 'crosstabTable: unknown option "value"; did you mean "values"?'],
  publishedProportion: [() => tables.publishedProportion({ percent: 10, n: 10 }, { levl: 0.9 } as never), 'publishedProportion: unknown option "levl"; did you mean "level"?'],
  comparePublishedProportions: [() => tables.comparePublishedProportions({ percent: 10, n: 10 }, { percent: 20, n: 10 }, { levl: 0.9 } as never), 'comparePublishedProportions: unknown option "levl"; did you mean "level"?'],
  // likertkit/demo
  demoSurveyRows: [() => demo.demoSurveyRows({ sed: 1 } as never), 'demoSurveyRows: unknown option "sed"; did you mean "seed"?'],
  // likertkit/reliability
  cronbachAlpha: [() => reliabilityEntry.cronbachAlpha([[1, 2, 3], [2, 1, 3]], { levl: 0.9 } as never), 'cronbachAlpha: unknown option "levl"; did you mean "level"?'],
  mcdonaldOmega: [() => reliabilityEntry.mcdonaldOmega([[1, 2, 3], [2, 1, 3]], { revers: [0] } as never), 'mcdonaldOmega: unknown option "revers"; did you mean "reverse"?'],
  reliability: [() => reliabilityEntry.reliability(s, ['q1', 'q2'], { levl: 0.9 } as never), 'reliability: unknown option "levl"; did you mean "level"?'],
  polychoric: [() => reliabilityEntry.polychoric([1, 2, 3], [1, 3, 2], { corect: 0 } as never), 'polychoric: unknown option "corect"; did you mean "correct"?'],
  polychoricMatrix: [() => reliabilityEntry.polychoricMatrix([[1, 2, 3], [1, 3, 2]], { smoth: false } as never), 'polychoricMatrix: unknown option "smoth"; did you mean "smooth"?'],
  scaleIndex: [() => reliabilityEntry.scaleIndex(s, 'index', ['q1', 'q2'], { minAnswerd: 1 } as never), 'scaleIndex: unknown option "minAnswerd"; did you mean "minAnswered"?'],
};

/** Public functions without an options object, and why. */
const withoutOptions: Record<string, string> = {
  summarizeDuckDB: 'asynchronous: its misspelt-key check is in test/sql/duckdb.test.ts',
  renderSvg: 'asynchronous: its misspelt-key check is in test/render/render.test.ts',
  reportFigures: 'asynchronous: its misspelt-key check is in test/render/render.test.ts',
  toXlsx: 'asynchronous: its misspelt-key check is in test/export/xlsx.test.ts',
  correlateParallel: 'asynchronous: its misspelt-key check (parallel options; the correlate options are checked by correlate) is in test/parallel/correlateParallel.test.ts',
  parallelSupport: 'no arguments',
  DecodeInputError: 'an error class',
  LikertInputError: 'an error class',
  MultiSelectInputError: 'an error class',
  SurveyInputError: 'an error class',
  CsvInputError: 'an error class',
  adjustPValues: 'p-values and a method name',
  categoryKey: 'one value',
  isMissingValue: 'one value',
  normalizeLabel: 'one label',
  chiSquareGoodnessOfFit: 'observed and expected counts only (its options type is reserved)',
  oneWayAnova: 'values and groups only (its options type is reserved)',
  oneWayAnovaOfCounts: 'groups only, each with its values and counts',
  columnAlign: 'one column description',
  disagreementShare: 'shares agreementShare\'s options and check (tested there by the same code path)',
  reverseScale: 'one scale',
  roundHalfUp: 'a value and a digit count',
  roundPercent: 'a share and a digit count',
  scaleLabels: 'a scale and a language',
  translateLabel: 'a label and a language',
  significanceStars: 'a p-value and a scheme name or thresholds',
  weightDiagnostics: 'one array of weights',
  mergeSummaries: 'two summaries only',
  divergingPalette: 'one list of categories',
  municipalities2020: 'no arguments',
  demoFocusAreas: 'no arguments',
  demoSupportForms: 'no arguments',
  demoTargetGroups: 'no arguments',
  demoTopics: 'no arguments',
};

describe('every public function refuses a misspelt option key, naming it and the closest valid one', () => {
  for (const [name, [call, message, errorClass = TypeError]] of Object.entries(misspelt)) {
    it(`${name} throws a ${errorClass.name} naming the misspelt key`, () => {
      expect(call).toThrow(errorClass);
      expect(call).toThrow(message);
    });
  }

  it('lists every function export of the entry points, with a misspelt-key call or a reason it takes no options', () => {
    const exported = [core, csv, demo, vegaLite, render, sql, duckdb, parallel, html, exporter, reliabilityEntry, tables].flatMap((module) =>
      Object.entries(module)
        .filter(([, value]) => typeof value === 'function')
        .map(([name]) => name),
    );
    const unlisted = exported.filter((name) => !(name in misspelt) && !(name in withoutOptions));
    expect(unlisted).toEqual([]);
    const stale = [...Object.keys(misspelt), ...Object.keys(withoutOptions)].filter((name) => !exported.includes(name));
    expect(stale).toEqual([]);
  });
});
