/**
 * The JSON Schema (draft 2020-12) of the `likertkit` config file. It is the single definition
 * of the config: `validateConfig` interprets it (allowed keys, types, enums and the "did you
 * mean" candidates all come from here), the build writes it to `dist/config.schema.json` for
 * editors, and `likertkit init` points `"$schema"` at that file.
 *
 * Only this subset of JSON Schema is used (and understood by the interpreter in `config.ts`):
 * `type` (one name or a list), `properties`, `required`, `additionalProperties` (`false` or a
 * schema), `items`, `minItems`, `minLength`, `pattern` (only `"\\S"`: not blank), `enum`,
 * `anyOf`, `minimum`, `exclusiveMinimum`, `exclusiveMaximum`, and the annotations `title`
 * (the words an error message uses for what is expected), `description` and `x-noun` (the
 * name of the thing an enum lists, for "unknown preset" messages).
 */

/** One node of the config schema, in the subset of JSON Schema that `validateConfig` reads. */
export interface SchemaNode {
  readonly $schema?: string;
  readonly $id?: string;
  readonly type?: SchemaType | readonly SchemaType[];
  readonly title?: string;
  readonly description?: string;
  readonly properties?: Readonly<Record<string, SchemaNode>>;
  readonly required?: readonly string[];
  readonly additionalProperties?: boolean | SchemaNode;
  readonly items?: SchemaNode;
  readonly minItems?: number;
  readonly minLength?: number;
  readonly pattern?: '\\S';
  readonly enum?: readonly (string | number | boolean | null)[];
  readonly anyOf?: readonly SchemaNode[];
  readonly minimum?: number;
  readonly exclusiveMinimum?: number;
  readonly exclusiveMaximum?: number;
  readonly 'x-noun'?: string;
}

/** The JSON types a schema node may require. */
export type SchemaType = 'object' | 'array' | 'string' | 'number' | 'integer' | 'boolean' | 'null';

/** Where `likertkit init` points `"$schema"`: the schema inside the installed package. */
export const CONFIG_SCHEMA_PATH = './node_modules/likertkit/dist/config.schema.json';

const nonEmpty = (description: string): SchemaNode => ({ type: 'string', minLength: 1, pattern: '\\S', description });
const names = (description: string): SchemaNode => ({
  type: 'array',
  title: 'an array of names',
  items: { type: 'string', minLength: 1, pattern: '\\S' },
  description,
});
const oneOf = (values: readonly string[], description: string): SchemaNode => ({ type: 'string', enum: values, description });

/** The preset scales a config may name (`scales` in the library); a test keeps the two equal. */
export const PRESET_NAMES = [
  'daDegree4',
  'daChallenge4',
  'daDegree5',
  'daAgree5',
  'daSatisfaction5',
  'agree5',
  'agree4',
  'degree4',
  'satisfaction5',
] as const;

/** The interval methods of proportions (`PROPORTION_METHODS` in the library); a test keeps the two equal. */
export const PROPORTION_METHOD_NAMES = ['wald', 'wilson', 'agresti-coull', 'clopper-pearson', 'jeffreys'] as const;

/** The report sections (`REPORT_SECTIONS` in the library); a test keeps the two equal. */
export const REPORT_SECTION_NAMES = ['distribution', 'summary', 'pairs', 'attributes', 'means', 'ranking', 'multiSelect', 'responseRate', 'representativeness'] as const;

const positiveInteger = (description: string): SchemaNode => ({ type: 'integer', minimum: 1, title: 'a positive integer', description });

const itemSelector: SchemaNode = {
  anyOf: [
    names('Item ids.'),
    {
      type: 'object',
      title: 'an object { "prefix" }',
      properties: { prefix: nonEmpty('Every item whose id starts with this text, in survey order.') },
      required: ['prefix'],
      additionalProperties: false,
    },
  ],
  description: 'Items named one by one, or { "prefix": "…" }.',
};

const inlineScale: SchemaNode = {
  type: 'object',
  title: 'an inline scale { "id", "levels", … }',
  description: 'A scale defined here: the options of defineScale.',
  properties: {
    id: nonEmpty('The scale id.'),
    levels: { type: 'array', minItems: 2, title: 'an array of at least two labels', items: { type: 'string' }, description: 'The labels from lowest to highest.' },
    codes: { type: 'array', title: 'an array of numbers', items: { type: 'number' }, description: 'The numeric code of each level (default 1, 2, …).' },
    agree: { type: 'array', title: 'an array of labels', items: { type: 'string' }, description: 'The levels counted as agreement.' },
    disagree: { type: 'array', title: 'an array of labels', items: { type: 'string' }, description: 'The levels counted as disagreement.' },
    neutral: { type: ['string', 'null'], title: 'a label or null', description: 'The neutral middle level, if any.' },
    nonSubstantive: { type: 'array', title: 'an array of labels', items: { type: 'string' }, description: 'Answers that are not on the scale, such as "Ved ikke".' },
    aliases: {
      type: 'object',
      title: 'an object { "spelling": "label" }',
      additionalProperties: { type: 'string' },
      description: 'Other spellings of labels, each mapped to its label.',
    },
  },
  required: ['id', 'levels'],
  additionalProperties: false,
};

const item: SchemaNode = {
  type: 'object',
  title: 'an object { "id", "scale", … }',
  description: 'One Likert item.',
  properties: {
    id: nonEmpty("The item's id in results; also its column unless column is given."),
    column: nonEmpty('The CSV column (after rename), when it differs from the id.'),
    scale: {
      anyOf: [
        { type: 'string', enum: PRESET_NAMES, 'x-noun': 'preset', title: 'a preset name' },
        inlineScale,
      ],
      description: `A preset name (${PRESET_NAMES.join(', ')}) or an inline scale.`,
    },
    label: nonEmpty('The question text printed in tables.'),
    group: nonEmpty('Focus area or target group; pairs and rankings work per group.'),
    topic: nonEmpty('The kind of sub-question asked per group.'),
    reverse: { type: 'boolean', description: 'Reverse-code a negatively worded item.' },
  },
  required: ['id', 'scale'],
  additionalProperties: false,
};

const cellValues: SchemaNode = {
  type: 'array',
  title: 'an array of cell values',
  items: { type: ['string', 'number', 'boolean'] },
  description: 'Cell values, compared after label normalisation.',
};

const multiSelectQuestion: SchemaNode = {
  anyOf: [
    {
      type: 'object',
      title: 'an object { "id", "columns", … }',
      properties: {
        id: nonEmpty('The question id, for multiSelect(s, id) and report().'),
        columns: {
          anyOf: [
            { ...names('One column per option, each option named after its column.'), minItems: 1, title: 'an array of column names' },
            { type: 'object', title: 'an object { "option": "column" }', additionalProperties: nonEmpty('The column of this option.') },
          ],
          description: 'The tick-box columns: an array of column names, or { "option": "column" }.',
        },
        options: names('The options in the order results list them.'),
        ticked: { ...cellValues, description: 'Cell values meaning ticked (default 1, x, ja, yes, true; a cell holding its option is ticked).' },
        notTicked: { ...cellValues, description: 'Cell values meaning seen but not ticked (default 0, nej, no, false).' },
        blank: oneOf(['missing', 'not-ticked'], 'How a blank cell is read: as missing (default) or as not ticked.'),
      },
      required: ['id', 'columns'],
      additionalProperties: false,
    },
    {
      type: 'object',
      title: 'an object { "id", "column", "separator", … }',
      properties: {
        id: nonEmpty('The question id, for multiSelect(s, id) and report().'),
        column: nonEmpty('The column holding the ticked options joined by the separator.'),
        separator: { type: 'string', minLength: 1, title: 'a non-empty string', description: 'The text between two options, e.g. ";".' },
        options: names('Every option, so that options nobody ticked still get a row.'),
      },
      required: ['id', 'column', 'separator'],
      additionalProperties: false,
    },
  ],
  description: 'A multi-select question: tick-box columns, or one column of options joined by a separator.',
};

const sizeGroups: SchemaNode = {
  anyOf: [
    {
      type: 'object',
      title: 'an object { "attribute", "breaks", "labels"? }',
      properties: {
        attribute: nonEmpty('The numeric attribute, e.g. "indbyggere".'),
        breaks: { type: 'array', minItems: 1, title: 'an array of numbers', items: { type: 'number' }, description: 'Increasing cut points, e.g. [50000, 100000].' },
        labels: names('One label per group, smallest first.'),
      },
      required: ['attribute', 'breaks'],
      additionalProperties: false,
    },
    {
      type: 'object',
      title: 'an object { "attribute", "split": "median", … }',
      properties: {
        attribute: nonEmpty('The numeric attribute, e.g. "indbyggere".'),
        split: oneOf(['median'], 'Split at the median.'),
        reference: { type: 'array', title: 'an array of numbers', items: { type: ['number', 'null'] }, description: 'Values whose median is the cut (default the respondents’ own).' },
        labels: { ...names('Labels of the lower and the upper half.'), minItems: 2 },
      },
      required: ['attribute', 'split'],
      additionalProperties: false,
    },
  ],
  description: 'Size groups: cut a numeric attribute at breaks, or split it at the median.',
};

/** The keys of `report` in the config: `report()`'s options except `frame`, which `--frame` gives. */
export const REPORT_PROPERTIES = {
  title: { type: 'string', description: 'Title of the report.' },
  lang: oneOf(['da', 'en'], 'Language of titles, notes and number formatting (--lang overrides it).'),
  sections: { type: 'array', title: 'an array of section names', items: oneOf(REPORT_SECTION_NAMES, 'A section.'), description: 'Sections to build; default all.' },
  items: names('Items to analyse (ids); default all.'),
  level: { type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 1, title: 'a number strictly between 0 and 1', description: 'Confidence level of every interval; default 0.95.' },
  ci: oneOf(PROPORTION_METHOD_NAMES, 'Interval method of agreement shares; default wilson.'),
  denominator: oneOf(['answered', 'substantive'], 'Denominator of agreement shares; default answered.'),
  rounding: oneOf(['half-up', 'largest-remainder'], 'Whole-percent rounding of distributions; default half-up.'),
  pairs: {
    anyOf: [
      oneOf(['auto', 'none'], '"auto" pairs the two items of every group on different scales; "none" turns pairs off.'),
      {
        type: 'object',
        title: 'an object { "x", "y" }',
        properties: { x: itemSelector, y: itemSelector },
        required: ['x', 'y'],
        additionalProperties: false,
      },
    ],
    description: 'Paired correlations: "auto" (default), "none" or { "x", "y" }.',
  },
  numericAttributes: names('Numeric attributes to correlate every item with; default all.'),
  by: names('Categorical attributes to compare means by; default all.'),
  sizeGroups,
  top: positiveInteger('Items listed per group in the ranking; default 3.'),
  rankBy: oneOf(['agreement', 'mean'], 'What the ranking orders by; default agreement.'),
  multiSelect: {
    type: 'object',
    description: 'Multi-select tables of the report: passed to report() as they are (see the API reference).',
  },
  suppressBelow: positiveInteger('Multi-select counts below this are suppressed; default 3.'),
  stars: {
    anyOf: [
      { type: 'boolean', title: 'true or false', description: 'true: the reports\' stars (default); false: no stars and no legend.' },
      oneOf(['default', 'apa'], 'A built-in star scheme.'),
      {
        type: 'array',
        title: 'an array of { "below", "stars" }',
        items: {
          type: 'object',
          title: 'an object { "below", "stars" }',
          properties: {
            below: { type: 'number', exclusiveMinimum: 0, title: 'a number in (0, 1]', description: 'The marker is shown when p is below this.' },
            stars: { type: 'string', description: 'The marker, e.g. "***".' },
          },
          required: ['below', 'stars'],
          additionalProperties: false,
        },
        description: 'Custom thresholds.',
      },
    ],
    description: 'Significance stars of the correlation tables: true (default), false, "default", "apa" or thresholds.',
  },
  groupLabels: {
    type: 'object',
    title: 'an object { "group id": "label" }',
    additionalProperties: { type: 'string' },
    description: 'Printed names of the item groups, by group id.',
  },
  targets: {
    type: 'object',
    title: 'an object { "variable": { "category": share } | { "mean": number } }',
    description: 'Population targets instead of a frame.',
  },
  representativeness: {
    type: 'object',
    title: 'an object { "variables", "method", … }',
    properties: {
      variables: {
        type: 'array',
        title: 'an array of variables',
        items: {
          anyOf: [
            nonEmpty('A variable name.'),
            {
              type: 'object',
              title: 'an object { "name", "kind" }',
              properties: { name: nonEmpty('The variable.'), kind: oneOf(['numeric', 'categorical'], 'How it is compared.') },
              required: ['name', 'kind'],
              additionalProperties: false,
            },
          ],
        },
        description: 'Variables to compare; default the attributes the frame or targets also name.',
      },
      sample: { type: 'array', title: 'an array of rows', items: { type: 'object' }, description: 'The sample as rows, when its columns are named differently.' },
      method: oneOf(PROPORTION_METHOD_NAMES, 'Interval for category shares; default wald.'),
      numericMethod: oneOf(['normal', 't'], 'Interval for numeric means; default normal.'),
      populationSize: { type: 'number', exclusiveMinimum: 0, title: 'a positive number', description: 'Population size for the finite population correction.' },
    },
    additionalProperties: false,
    description: 'Variables and methods of the representativeness table.',
  },
} as const satisfies Record<string, SchemaNode>;

/** The JSON Schema of the config file (draft 2020-12), with a description of every key. */
export const CONFIG_SCHEMA: SchemaNode = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  title: 'an object { "id", "items", … }',
  description: 'A likertkit survey config: how to read the survey CSV and which report to build.',
  type: 'object',
  properties: {
    $schema: { type: 'string', description: 'The schema, for editors; ignored by likertkit.' },
    id: nonEmpty('The respondent id column, e.g. "kommunekode".'),
    items: { type: 'array', minItems: 1, title: 'a non-empty array of items { "id", "scale", … }', items: item, description: 'The Likert items, in report order, e.g. [{ "id": "q1", "scale": "daDegree4" }].' },
    attributes: {
      type: 'object',
      title: 'an object { "column": "number" | "category" }',
      additionalProperties: oneOf(['number', 'category'], 'A numeric or a categorical attribute.'),
      description: 'Respondent attributes by column: "number" or "category".',
    },
    weight: nonEmpty('A column of respondent weights (numbers >= 0).'),
    duplicates: oneOf(['error', 'first', 'last'], 'What to do with repeated ids: "error" (default), keep the "first" or the "last".'),
    rename: {
      type: 'object',
      title: 'an object { "column in the file": "name" }',
      additionalProperties: nonEmpty('The name the rest of the config uses.'),
      description: 'Columns to rename before anything else: { "<column in the file>": "<name used in the config>" }.',
    },
    recode: {
      type: 'object',
      title: 'an object { "column": { "value in the file": "value" } }',
      additionalProperties: {
        type: 'object',
        title: 'an object { "value in the file": "value" }',
        additionalProperties: { type: 'string' },
      },
      description: 'Values to replace per column (after rename), e.g. { "region": { "Region Hovedstaden": "Hovedstaden" } }.',
    },
    multiSelect: { type: 'array', title: 'an array of multi-select questions', items: multiSelectQuestion, description: 'Multi-select questions, as survey({ multiSelect }) takes them.' },
    decimal: oneOf([',', '.', 'auto'], 'The decimal mark of numeric columns and weights; "auto" (default) decides per column.'),
    thousands: oneOf(['.', ',', ' ', "'", ''], 'The thousands mark; default the other mark than the decimal one; "" for none.'),
    encoding: nonEmpty('The text encoding of the CSV files (a WHATWG label such as "windows-1252"); default UTF-8, or what a byte order mark says.'),
    delimiter: oneOf([';', ',', '\t'], 'The field delimiter of the CSV files; detected when absent.'),
    report: {
      type: 'object',
      title: 'an object of report() options',
      properties: REPORT_PROPERTIES,
      additionalProperties: false,
      description: 'Options of report(); --frame adds frame and --lang overrides lang.',
    },
  },
  required: ['id', 'items'],
  additionalProperties: false,
};
