import { closestName } from '../internal/validate';
import type { SurveyItemDefinition } from '../data/survey';
import { defineScale } from '../scale/defineScale';
import { scales } from '../scale/presets';
import type { Scale } from '../scale/types';
import { CONFIG_SCHEMA, type SchemaNode, type SchemaType } from './configSchema';
import { quoteName } from './quote';

/** A multi-select question as the config declares it (the shape `survey({ multiSelect })` takes). */
export type CliMultiSelect =
  | {
      readonly id: string;
      readonly columns: readonly string[] | Readonly<Record<string, string>>;
      readonly options?: readonly string[];
      readonly ticked?: readonly (string | number | boolean)[];
      readonly notTicked?: readonly (string | number | boolean)[];
      readonly blank?: 'missing' | 'not-ticked';
    }
  | { readonly id: string; readonly column: string; readonly separator: string; readonly options?: readonly string[] };

/** A survey config as the command line reads it from JSON, validated and with scales resolved. */
export interface CliConfig {
  /** The respondent id column. */
  readonly id: string;
  /** Items with their scales resolved (presets by name, inline definitions through `defineScale`). */
  readonly items: readonly SurveyItemDefinition[];
  readonly attributes: Readonly<Record<string, 'number' | 'category'>>;
  readonly weight?: string;
  readonly duplicates?: 'error' | 'first' | 'last';
  /** Columns renamed before anything else: column in the file → name used in the config. */
  readonly rename: Readonly<Record<string, string>>;
  /** Values replaced per column (after `rename`): value in the file → value. */
  readonly recode: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** Multi-select questions, passed to `survey()` as they are. */
  readonly multiSelect: readonly CliMultiSelect[];
  /** The decimal mark of numeric columns; `'auto'` or `undefined` decides per column. */
  readonly decimal?: ',' | '.' | 'auto';
  /** The thousands mark; `''` for none; `undefined`: the other mark than the decimal one. */
  readonly thousands?: '.' | ',' | ' ' | "'" | '';
  /** The WHATWG label of the CSV files' encoding; `undefined`: UTF-8 or what a BOM says. */
  readonly encoding?: string;
  /** The CSV field delimiter; `undefined` detects it. */
  readonly delimiter?: ';' | ',' | '\t';
  /** Options passed to `report()` as they are. */
  readonly report: Readonly<Record<string, unknown>>;
}

/** Result of {@link validateConfig}. */
export type ValidateConfigResult =
  | { readonly ok: true; readonly config: CliConfig }
  | { readonly ok: false; readonly errors: readonly string[] };

function hint(name: string, candidates: readonly string[]): string {
  // A one-character value (a decimal mark) is not a misspelling of another one.
  const suggestion = name.length < 2 ? undefined : closestName(name, candidates);
  return suggestion === undefined ? '' : `; did you mean ${quoteName(suggestion)}?`;
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${typeof value === 'string' ? quoteName(value) : JSON.stringify(value)}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The JSON path of a key below `path`: `a.b`, or `a["odd key"]` when the key is not a plain name. */
function pathTo(path: string, key: string): string {
  const plain = /^[A-Za-z_$][\w$]*$/.test(key);
  if (path === '') return plain ? key : `[${quoteName(key)}]`;
  return plain ? `${path}.${key}` : `${path}[${quoteName(key)}]`;
}

function typeMatches(type: SchemaType, value: unknown): boolean {
  switch (type) {
    case 'object':
      return isRecord(value);
    case 'array':
      return Array.isArray(value);
    case 'string':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'null':
      return value === null;
  }
}

function types(schema: SchemaNode): readonly SchemaType[] | undefined {
  return schema.type === undefined ? undefined : typeof schema.type === 'string' ? [schema.type] : schema.type;
}

function listEnum(values: readonly unknown[]): string {
  const shown = values.map((v) => (typeof v === 'string' ? quoteName(v) : String(v)));
  return shown.length <= 1 ? (shown[0] ?? 'nothing') : `${shown.slice(0, -1).join(', ')} or ${shown[shown.length - 1]}`;
}

/** The words for what a schema node expects, as error messages use them. */
function expectation(schema: SchemaNode): string {
  if (schema.title !== undefined) return schema.title;
  if (schema.enum !== undefined) return listEnum(schema.enum);
  if (schema.anyOf !== undefined) return schema.anyOf.map(expectation).join(' or ');
  const words: Record<SchemaType, string> = {
    object: 'an object',
    array: 'an array',
    string: schema.minLength !== undefined && schema.minLength > 0 ? 'a non-empty string' : 'a string',
    number: 'a number',
    integer: 'an integer',
    boolean: 'true or false',
    null: 'null',
  };
  return (types(schema) ?? []).map((t) => words[t]).join(' or ') || 'a value';
}

/** The first sentence of a description, lower-cased, for "missing; …" messages. */
function missingHint(schema: SchemaNode | undefined): string {
  const text = schema?.description ?? schema?.anyOf?.[0]?.description;
  if (text === undefined) return '';
  return `; ${text.charAt(0).toLowerCase()}${text.slice(1).replace(/\.$/, '')}`;
}

/**
 * Checks a value against a schema node, pushing one message per problem (prefixed with its
 * JSON path). It descends only where the schema describes the content, so its depth is the
 * schema's, not the data's.
 */
function checkNode(schema: SchemaNode, value: unknown, path: string, errors: string[]): void {
  const at = path === '' ? '(root)' : path;
  if (schema.anyOf !== undefined) {
    const fitting = schema.anyOf.filter((branch) => {
      const allowed = types(branch);
      return allowed === undefined ? branch.enum?.includes(value as never) === true : allowed.some((type) => typeMatches(type, value));
    });
    if (fitting.length === 0) {
      errors.push(`${at}: expected ${expectation(schema)}, got ${kindOf(value)}`);
      return;
    }
    // The branch with the fewest problems speaks (none: the value fits).
    let best: string[] | undefined;
    for (const branch of fitting) {
      const found: string[] = [];
      checkNode(branch, value, path, found);
      if (best === undefined || found.length < best.length) best = found;
      if (found.length === 0) return;
    }
    errors.push(...(best ?? []));
    return;
  }
  const allowed = types(schema);
  if (allowed !== undefined && !allowed.some((type) => typeMatches(type, value))) {
    errors.push(`${at}: expected ${expectation(schema)}, got ${kindOf(value)}`);
    return;
  }
  if (schema.enum !== undefined && !schema.enum.includes(value as never)) {
    const candidates = schema.enum.filter((v): v is string => typeof v === 'string');
    const noun = schema['x-noun'];
    if (noun !== undefined && typeof value === 'string') {
      const suggestion = closestName(value, candidates);
      errors.push(`${at}: unknown ${noun} ${quoteName(value)}${suggestion !== undefined ? `; did you mean ${quoteName(suggestion)}?` : `; the ${noun}s are ${candidates.join(', ')}`}`);
    } else {
      errors.push(`${at}: expected ${listEnum(schema.enum)}, got ${kindOf(value)}${typeof value === 'string' ? hint(value, candidates) : ''}`);
    }
    return;
  }
  if (typeof value === 'string') {
    if ((schema.minLength !== undefined && value.length < schema.minLength) || (schema.pattern === '\\S' && !/\S/.test(value))) {
      errors.push(`${at}: expected ${schema.title ?? 'a non-empty string'}, got ${kindOf(value)}`);
    }
    return;
  }
  if (typeof value === 'number') {
    const low = schema.minimum !== undefined && value < schema.minimum;
    const lowExclusive = schema.exclusiveMinimum !== undefined && value <= schema.exclusiveMinimum;
    const highExclusive = schema.exclusiveMaximum !== undefined && value >= schema.exclusiveMaximum;
    if (low || lowExclusive || highExclusive) errors.push(`${at}: expected ${expectation(schema)}, got ${kindOf(value)}`);
    return;
  }
  if (Array.isArray(value)) {
    if (schema.minItems !== undefined && value.length < schema.minItems) {
      errors.push(`${at}: expected ${expectation(schema)}, got ${value.length === 0 ? 'an empty array' : `an array of ${value.length}`}`);
      return;
    }
    if (schema.items !== undefined) value.forEach((element, index) => checkNode(schema.items as SchemaNode, element, `${path}[${index}]`, errors));
    return;
  }
  if (isRecord(value)) {
    const properties = schema.properties ?? {};
    const known = Object.keys(properties);
    for (const [key, child] of Object.entries(value)) {
      const below = pathTo(path, key);
      if (Object.hasOwn(properties, key)) checkNode(properties[key] as SchemaNode, child, below, errors);
      else if (schema.additionalProperties === false) errors.push(`${below}: unknown key${hint(key, known)}`);
      else if (isRecord(schema.additionalProperties)) checkNode(schema.additionalProperties, child, below, errors);
    }
    for (const key of schema.required ?? []) {
      if (!Object.hasOwn(value, key)) errors.push(`${pathTo(path, key)}: missing${missingHint(properties[key])}`);
    }
  }
}

/**
 * Checks a value against a schema in the subset of JSON Schema that the config schema uses
 * (see `configSchema.ts`) and returns every problem, each starting with its JSON path.
 *
 * @param schema - the schema node
 * @param value - the parsed JSON
 * @returns the messages; empty when the value fits
 * @example
 * schemaErrors({ type: 'object', properties: { lang: { enum: ['da', 'en'] } }, additionalProperties: false }, { lnag: 'da' });
 * // ['lnag: unknown key; did you mean "lang"?']
 */
export function schemaErrors(schema: SchemaNode, value: unknown): string[] {
  const errors: string[] = [];
  checkNode(schema, value, '', errors);
  return errors;
}

/**
 * Validates a parsed survey config against the config schema (`CONFIG_SCHEMA`, published as
 * `dist/config.schema.json`) and then checks what a schema cannot say: unique item and
 * multi-select ids, inline scales that `defineScale` accepts, encodings the platform knows,
 * renames that do not collide. Every problem is collected, each message starting with the JSON
 * path it concerns, e.g. `items[3].scale: unknown preset "daDegre4"; did you mean "daDegree4"?`
 * or `report.lnag: unknown key; did you mean "lang"?`.
 *
 * @param json - the value parsed from the config file
 * @returns `{ ok: true, config }` or `{ ok: false, errors }`
 * @example
 * validateConfig({ id: 'kode', items: [{ id: 'q1', scale: 'daDegree4' }] }).ok; // true
 */
export function validateConfig(json: unknown): ValidateConfigResult {
  const errors = schemaErrors(CONFIG_SCHEMA, json);
  if (!isRecord(json)) return { ok: false, errors };
  const items: SurveyItemDefinition[] = [];
  const seen = new Map<string, string>();
  const rawItems = Array.isArray(json.items) ? json.items : [];
  rawItems.forEach((raw: unknown, index: number) => {
    if (!isRecord(raw)) return;
    const at = `items[${index}]`;
    const itemId = raw.id;
    if (typeof itemId === 'string') {
      const first = seen.get(itemId);
      if (first !== undefined) errors.push(`${at}.id: ${quoteName(itemId)} is already the id of ${first}; item ids must be unique`);
      else seen.set(itemId, at);
    }
    let scale: Scale | undefined;
    if (typeof raw.scale === 'string' && Object.hasOwn(scales, raw.scale)) {
      scale = (scales as Readonly<Record<string, Scale>>)[raw.scale];
    } else if (isRecord(raw.scale) && schemaErrors(CONFIG_SCHEMA.properties?.items?.items?.properties?.scale as SchemaNode, raw.scale).length === 0) {
      try {
        scale = defineScale(raw.scale as unknown as Parameters<typeof defineScale>[0]);
      } catch (error) {
        const message = (error instanceof Error ? error.message : String(error))
          .replace(/^defineScale:\s*/, '')
          .replace(/:?\n\s*-\s*/g, (m, offset: number) => (offset === 0 ? '' : m.startsWith(':') ? ': ' : '; '));
        errors.push(`${at}.scale: ${message}`);
      }
    }
    if (typeof itemId !== 'string' || scale === undefined) return;
    const text = (key: string): string | undefined => (typeof raw[key] === 'string' ? (raw[key] as string) : undefined);
    const column = text('column');
    const label = text('label');
    const group = text('group');
    const topic = text('topic');
    items.push({
      id: itemId,
      scale,
      ...(column !== undefined && { column }),
      ...(label !== undefined && { label }),
      ...(group !== undefined && { group }),
      ...(topic !== undefined && { topic }),
      ...(raw.reverse === true && { reverse: true }),
    });
  });

  const multiSelect = Array.isArray(json.multiSelect) ? (json.multiSelect as CliMultiSelect[]) : [];
  multiSelect.forEach((question, index) => {
    const id = isRecord(question) ? question.id : undefined;
    if (typeof id !== 'string') return;
    const first = seen.get(id);
    if (first !== undefined) errors.push(`multiSelect[${index}].id: ${quoteName(id)} is already the id of ${first}; ids must be unique`);
    else seen.set(id, `multiSelect[${index}]`);
  });

  const rename = isRecord(json.rename) ? (json.rename as Record<string, string>) : {};
  const targets = new Map<string, string>();
  for (const [from, to] of Object.entries(rename)) {
    const other = targets.get(to);
    if (other !== undefined) errors.push(`${pathTo('rename', from)}: ${quoteName(other)} is renamed to ${quoteName(to)} too; give each column its own name`);
    else targets.set(to, from);
  }

  if (typeof json.encoding === 'string' && json.encoding.trim() !== '') {
    try {
      new TextDecoder(json.encoding);
    } catch {
      errors.push(`encoding: unknown encoding ${quoteName(json.encoding)}; use a WHATWG label such as "utf-8", "windows-1252" or "utf-16le"`);
    }
  }

  if (errors.length > 0) return { ok: false, errors };
  const optional = <K extends keyof CliConfig>(key: K): Partial<Pick<CliConfig, K>> =>
    json[key] === undefined ? {} : ({ [key]: json[key] } as Partial<Pick<CliConfig, K>>);
  return {
    ok: true,
    config: {
      id: json.id as string,
      items,
      // Copies with own properties only, so a column named "__proto__" stays a column.
      attributes: Object.fromEntries(Object.entries(isRecord(json.attributes) ? json.attributes : {})) as Record<string, 'number' | 'category'>,
      rename: Object.fromEntries(Object.entries(rename)),
      recode: Object.fromEntries(
        Object.entries(isRecord(json.recode) ? json.recode : {}).map(([column, map]) => [column, Object.fromEntries(Object.entries(map as Record<string, string>))]),
      ),
      multiSelect,
      ...optional('weight'),
      ...optional('duplicates'),
      ...optional('decimal'),
      ...optional('thousands'),
      ...optional('encoding'),
      ...optional('delimiter'),
      report: isRecord(json.report) ? json.report : {},
    },
  };
}
