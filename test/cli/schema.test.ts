import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { schemaErrors, validateConfig } from '../../src/cli/config';
import { CONFIG_SCHEMA, PRESET_NAMES, PROPORTION_METHOD_NAMES, REPORT_SECTION_NAMES, type SchemaNode } from '../../src/cli/configSchema';
import { PROPORTION_METHODS } from '../../src/inference/proportionInterval';
import { REPORT_SECTIONS } from '../../src/report/reportOptions';
import { scales } from '../../src/scale/presets';
import { FIXTURES } from './helpers';

/** Every key path the schema allows, e.g. `items[].scale.levels`; `*` stands for a free key. */
function schemaPaths(schema: SchemaNode, path = ''): string[] {
  const paths: string[] = [];
  for (const branch of schema.anyOf ?? []) paths.push(...schemaPaths(branch, path));
  if (schema.items !== undefined) paths.push(...schemaPaths(schema.items, `${path}[]`));
  for (const [key, child] of Object.entries(schema.properties ?? {})) {
    const below = path === '' ? key : `${path}.${key}`;
    paths.push(below, ...schemaPaths(child, below));
  }
  if (typeof schema.additionalProperties === 'object') paths.push(...schemaPaths(schema.additionalProperties, `${path}.*`));
  return paths;
}

/** Every key path a config uses, in the same notation; keys under a free-key object are `*`. */
function configPaths(value: unknown, schema: SchemaNode, path = ''): string[] {
  if (Array.isArray(value)) {
    const items = schema.items ?? schema.anyOf?.find((b) => b.items !== undefined)?.items;
    return value.flatMap((element) => (items === undefined ? [] : configPaths(element, items, `${path}[]`)));
  }
  if (value === null || typeof value !== 'object') return [];
  const paths: string[] = [];
  const branches = [schema, ...(schema.anyOf ?? [])];
  for (const [key, child] of Object.entries(value)) {
    const owner = branches.find((b) => b.properties !== undefined && Object.hasOwn(b.properties, key));
    if (owner !== undefined) {
      const below = path === '' ? key : `${path}.${key}`;
      paths.push(below, ...configPaths(child, owner.properties?.[key] as SchemaNode, below));
      continue;
    }
    const free = branches.find((b) => typeof b.additionalProperties === 'object')?.additionalProperties as SchemaNode | undefined;
    if (free !== undefined) paths.push(...configPaths(child, free, `${path}.*`));
  }
  return paths;
}

const scale = { id: 'mine', levels: ['Nej', 'Lidt', 'Ja'], codes: [1, 2, 3], agree: ['Ja'], disagree: ['Nej'], neutral: 'Lidt', nonSubstantive: ['Ved ikke'], aliases: { jo: 'Ja' } };

/** Two configs that together use every key of the schema (the sizeGroups forms exclude each other). */
const FULL: Record<string, unknown>[] = [
  {
    $schema: './node_modules/likertkit/dist/config.schema.json',
    id: 'kode',
    items: [
      { id: 'q1', column: 'Q1', scale: 'daDegree4', label: 'Spørgsmål 1', group: 'g', topic: 't', reverse: true },
      { id: 'q2', scale },
    ],
    attributes: { region: 'category', indbyggere: 'number' },
    weight: 'vægt',
    duplicates: 'first',
    rename: { 'Hvilken region?': 'region' },
    recode: { region: { 'Region Hovedstaden': 'Hovedstaden' } },
    multiSelect: [
      { id: 'støtte', columns: ['Støtte: Sparring', 'Støtte: Kurser'], options: ['Støtte: Kurser', 'Støtte: Sparring'], ticked: ['x', 1], notTicked: ['0', false], blank: 'not-ticked' },
      { id: 'kanaler', column: 'Kanaler', separator: ';', options: ['Mail', 'Telefon'] },
    ],
    decimal: ',',
    thousands: '.',
    encoding: 'windows-1252',
    delimiter: ';',
    report: {
      title: 'Rapport',
      lang: 'en',
      sections: ['summary', 'means'],
      items: ['q1'],
      level: 0.9,
      ci: 'jeffreys',
      denominator: 'substantive',
      rounding: 'largest-remainder',
      pairs: { x: { prefix: 'q' }, y: { prefix: 'q2' } },
      numericAttributes: ['indbyggere'],
      by: ['region'],
      sizeGroups: { attribute: 'indbyggere', breaks: [50000, 100000], labels: ['små', 'mellem', 'store'] },
      top: 3,
      rankBy: 'mean',
      multiSelect: { questions: {} },
      suppressBelow: 3,
      stars: [{ below: 0.05, stars: '*' }],
      groupLabels: { g: 'Gruppe g' },
      targets: { region: { Hovedstaden: 0.3 } },
      representativeness: { variables: ['region', { name: 'indbyggere', kind: 'numeric' }], sample: [{}], method: 'wilson', numericMethod: 't', populationSize: 98 },
    },
  },
  {
    id: 'kode',
    items: [{ id: 'q1', scale: 'daDegree5' }],
    multiSelect: [{ id: 'støtte', columns: { Sparring: 'Støtte: Sparring' } }],
    report: { pairs: 'none', stars: false, sizeGroups: { attribute: 'indbyggere', split: 'median', reference: [1, 2, 3], labels: ['små', 'store'] } },
  },
];

describe('the config schema and the validator', () => {
  it('accepts the configs that use every key of the schema', () => {
    for (const config of FULL) expect(validateConfig(config)).toMatchObject({ ok: true });
  });

  it('every key in the schema is used by those configs, and they use no key outside it', () => {
    const inSchema = new Set(schemaPaths(CONFIG_SCHEMA));
    const used = new Set(FULL.flatMap((config) => configPaths(config, CONFIG_SCHEMA)));
    expect([...inSchema].filter((p) => !used.has(p))).toEqual([]);
    expect([...used].filter((p) => !inSchema.has(p))).toEqual([]);
  });

  it('rejects a key the schema does not have at every level that lists its keys, naming the closest valid key', () => {
    const objects: { path: string; schema: SchemaNode }[] = [];
    const walk = (schema: SchemaNode, path: string): void => {
      if (schema.additionalProperties === false && schema.properties !== undefined) objects.push({ path, schema });
      for (const branch of schema.anyOf ?? []) walk(branch, path);
      if (schema.items !== undefined) walk(schema.items, `${path}[]`);
      for (const [key, child] of Object.entries(schema.properties ?? {})) walk(child, path === '' ? key : `${path}.${key}`);
    };
    walk(CONFIG_SCHEMA, '');
    expect(objects.length).toBeGreaterThan(10);
    for (const { schema } of objects) {
      const key = Object.keys(schema.properties ?? {})[0] as string;
      const misspelt = `${key}x`;
      const errors = schemaErrors(schema, { [misspelt]: 1 });
      expect(errors).toContain(`${misspelt}: unknown key; did you mean "${key}"?`);
    }
  });

  it('names the key path and the closest report option for a misspelt report key', () => {
    const r = validateConfig({ id: 'k', items: [{ id: 'q', scale: 'daDegree4' }], report: { lnag: 'da', sizeGroups: { attribute: 'n', breaks: [1], lables: ['a', 'b'] } } });
    expect(r).toEqual({
      ok: false,
      errors: ['report.lnag: unknown key; did you mean "lang"?', 'report.sizeGroups.lables: unknown key; did you mean "labels"?'],
    });
  });

  it('keys named like Object members are unknown keys, and presets named so are unknown presets', () => {
    const r = validateConfig(JSON.parse('{"id":"k","items":[{"id":"q","scale":"constructor"}],"__proto__":1,"toString":2}'));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toContain('__proto__: unknown key');
    expect(r.errors).toContain('toString: unknown key');
    expect(r.errors[0]).toMatch(/^items\[0\]\.scale: unknown preset "constructor"; the presets are/);
  });

  it('keeps a column named __proto__ as an attribute', () => {
    const r = validateConfig(JSON.parse('{"id":"k","items":[{"id":"q","scale":"daDegree4"}],"attributes":{"__proto__":"number"}}'));
    expect(r.ok && Object.keys(r.config.attributes)).toEqual(['__proto__']);
  });

  it('quotes an odd key in its path so the message stays on one line', () => {
    const r = validateConfig({ id: 'k', items: [{ id: 'q', scale: 'daDegree4' }], 'a\nb': 1 });
    expect(r.ok === false && r.errors).toEqual(['["a\\nb"]: unknown key']);
  });

  it('refuses an encoding the platform does not know and two columns renamed to one name', () => {
    const r = validateConfig({ id: 'k', items: [{ id: 'q', scale: 'daDegree4' }], encoding: 'latin-42', rename: { a: 'x', b: 'x' } });
    expect(r.ok === false && r.errors).toEqual([
      'rename.b: "a" is renamed to "x" too; give each column its own name',
      'encoding: unknown encoding "latin-42"; use a WHATWG label such as "utf-8", "windows-1252" or "utf-16le"',
    ]);
  });

  it('the lists in the schema are the library’s: presets, interval methods, report sections', () => {
    expect([...PRESET_NAMES]).toEqual(Object.keys(scales));
    expect([...PROPORTION_METHOD_NAMES]).toEqual([...PROPORTION_METHODS]);
    expect([...REPORT_SECTION_NAMES]).toEqual([...REPORT_SECTIONS]);
  });

  it('is plain JSON (what the build writes to dist/config.schema.json) of draft 2020-12', () => {
    const text = JSON.stringify(CONFIG_SCHEMA);
    expect(JSON.parse(text)).toEqual(CONFIG_SCHEMA);
    expect(CONFIG_SCHEMA.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    // Every key is described, for editors.
    const undocumented = schemaPaths(CONFIG_SCHEMA).filter((path) => {
      const node = path.split('.').reduce<SchemaNode | undefined>((n, key) => {
        if (n === undefined || key.endsWith('[]') || key === '*') return undefined;
        const owner = [n, ...(n.anyOf ?? [])].find((b) => b.properties !== undefined && Object.hasOwn(b.properties, key));
        return owner?.properties?.[key];
      }, CONFIG_SCHEMA);
      return node !== undefined && node.description === undefined;
    });
    expect(undocumented).toEqual([]);
  });
});

describe('example configs validate', () => {
  const docs = readFileSync(fileURLToPath(new URL('../../docs/cli.md', import.meta.url)), 'utf8');
  const blocks = [...docs.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => m[1] as string);

  it('every JSON example in docs/cli.md is a valid config', () => {
    expect(blocks.length).toBeGreaterThan(0);
    for (const block of blocks) expect(validateConfig(JSON.parse(block))).toMatchObject({ ok: true });
  });

  it('every config among the test fixtures is valid', () => {
    const names = readdirSync(FIXTURES).filter((name) => name.endsWith('.json'));
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(validateConfig(JSON.parse(readFileSync(`${FIXTURES}${name}`, 'utf8')))).toMatchObject({ ok: true });
  });
});
