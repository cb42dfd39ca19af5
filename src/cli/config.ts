import { levenshtein } from '../data/levenshtein';
import type { SurveyItemDefinition } from '../data/survey';
import { defineScale } from '../scale/defineScale';
import { scales } from '../scale/presets';
import type { Scale } from '../scale/types';

/** A survey config as the command line reads it from JSON, validated and with scales resolved. */
export interface CliConfig {
  /** The respondent id column. */
  readonly id: string;
  /** Items with their scales resolved (presets by name, inline definitions through `defineScale`). */
  readonly items: readonly SurveyItemDefinition[];
  readonly attributes: Readonly<Record<string, 'number' | 'category'>>;
  readonly weight?: string;
  readonly duplicates?: 'error' | 'first' | 'last';
  /** The decimal mark of numeric columns; `undefined` detects it per column. */
  readonly decimal?: ',' | '.';
  /** Options passed to `report()` as they are. */
  readonly report: Readonly<Record<string, unknown>>;
}

/** Result of {@link validateConfig}. */
export type ValidateConfigResult =
  | { readonly ok: true; readonly config: CliConfig }
  | { readonly ok: false; readonly errors: readonly string[] };

const TOP_KEYS = ['$schema', 'id', 'items', 'attributes', 'weight', 'duplicates', 'decimal', 'report'];
const ITEM_KEYS = ['id', 'column', 'scale', 'label', 'group', 'topic', 'reverse'];

/**
 * The closest candidate within a small edit distance (at most 2, or a third of the name's
 * length), for "did you mean" hints; case is ignored.
 *
 * @param name - the misspelt name
 * @param candidates - the names that exist
 * @returns the closest candidate, or `undefined` when none is close
 * @example
 * closestName('daDegre4', ['daDegree4', 'agree5']); // 'daDegree4'
 */
export function closestName(name: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = levenshtein(name.toLowerCase(), candidate.toLowerCase(), 5);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return bestDistance <= Math.max(2, Math.floor(name.length / 3)) ? best : undefined;
}

function hint(name: string, candidates: readonly string[]): string {
  const suggestion = closestName(name, candidates);
  return suggestion === undefined ? '' : `; did you mean "${suggestion}"?`;
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${JSON.stringify(value)}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * Validates a parsed survey config (see docs/cli.md for the schema) and resolves its scales.
 * Every problem is collected, each message starting with the JSON path it concerns, e.g.
 * `items[3].scale: unknown preset "daDegre4"; did you mean "daDegree4"?`.
 *
 * @param json - the value parsed from the config file
 * @returns `{ ok: true, config }` or `{ ok: false, errors }`
 * @example
 * validateConfig({ id: 'kode', items: [{ id: 'q1', scale: 'daDegree4' }] }).ok; // true
 */
export function validateConfig(json: unknown): ValidateConfigResult {
  const errors: string[] = [];
  if (!isRecord(json)) {
    return { ok: false, errors: [`(root): expected an object { "id", "items", … }, got ${kindOf(json)}`] };
  }
  for (const key of Object.keys(json)) {
    if (!TOP_KEYS.includes(key)) errors.push(`${key}: unknown key${hint(key, TOP_KEYS)}`);
  }
  const optionalString = (path: string, value: unknown): string | undefined => {
    if (value === undefined) return undefined;
    if (typeof value !== 'string' || value.trim() === '') {
      errors.push(`${path}: expected a non-empty string, got ${kindOf(value)}`);
      return undefined;
    }
    return value;
  };

  let id = '';
  if (json.id === undefined) errors.push('id: missing; name the respondent id column, e.g. "id": "kommunekode"');
  else id = optionalString('id', json.id) ?? '';

  const items: SurveyItemDefinition[] = [];
  const presetNames = Object.keys(scales);
  if (json.items === undefined) {
    errors.push('items: missing; list the Likert items, e.g. "items": [{ "id": "q1", "scale": "daDegree4" }]');
  } else if (!Array.isArray(json.items) || json.items.length === 0) {
    errors.push(`items: expected a non-empty array of { "id", "scale" }, got ${kindOf(json.items)}`);
  } else {
    const seen = new Map<string, number>();
    json.items.forEach((raw: unknown, index: number) => {
      const at = `items[${index}]`;
      if (!isRecord(raw)) {
        errors.push(`${at}: expected an object { "id", "scale" }, got ${kindOf(raw)}`);
        return;
      }
      const before = errors.length;
      for (const key of Object.keys(raw)) {
        if (!ITEM_KEYS.includes(key)) errors.push(`${at}.${key}: unknown key${hint(key, ITEM_KEYS)}`);
      }
      let itemId: string | undefined;
      if (raw.id === undefined) errors.push(`${at}.id: missing`);
      else itemId = optionalString(`${at}.id`, raw.id);
      if (itemId !== undefined) {
        const first = seen.get(itemId);
        if (first !== undefined) errors.push(`${at}.id: "${itemId}" is already the id of items[${first}]; item ids must be unique`);
        else seen.set(itemId, index);
      }
      const column = optionalString(`${at}.column`, raw.column);
      const label = optionalString(`${at}.label`, raw.label);
      const group = optionalString(`${at}.group`, raw.group);
      const topic = optionalString(`${at}.topic`, raw.topic);
      if (raw.reverse !== undefined && typeof raw.reverse !== 'boolean') {
        errors.push(`${at}.reverse: expected true or false, got ${kindOf(raw.reverse)}`);
      }
      let scale: Scale | undefined;
      if (raw.scale === undefined) {
        errors.push(`${at}.scale: missing; name a preset (${presetNames.join(', ')}) or define one inline`);
      } else if (typeof raw.scale === 'string') {
        scale = (scales as Record<string, Scale>)[raw.scale];
        if (scale === undefined) {
          const suggestion = closestName(raw.scale, presetNames);
          errors.push(
            `${at}.scale: unknown preset "${raw.scale}"` +
              (suggestion ? `; did you mean "${suggestion}"?` : `; the presets are ${presetNames.join(', ')}`),
          );
        }
      } else if (isRecord(raw.scale)) {
        try {
          scale = defineScale(raw.scale as unknown as Parameters<typeof defineScale>[0]);
        } catch (error) {
          const message = (error instanceof Error ? error.message : String(error)).replace(/^defineScale:\s*/, '').replace(/:?\n\s*-\s*/g, (m, offset: number) => (offset === 0 ? '' : m.startsWith(':') ? ': ' : '; '));
          errors.push(`${at}.scale: ${message}`);
        }
      } else {
        errors.push(`${at}.scale: expected a preset name or an inline scale { "id", "levels", … }, got ${kindOf(raw.scale)}`);
      }
      if (errors.length > before || itemId === undefined || scale === undefined) return;
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
  }

  const attributes: Record<string, 'number' | 'category'> = {};
  if (json.attributes !== undefined) {
    if (!isRecord(json.attributes)) {
      errors.push(`attributes: expected an object { "name": "number" | "category" }, got ${kindOf(json.attributes)}`);
    } else {
      for (const [name, kind] of Object.entries(json.attributes)) {
        if (kind === 'number' || kind === 'category') attributes[name] = kind;
        else errors.push(`attributes.${name}: expected "number" or "category", got ${kindOf(kind)}${typeof kind === 'string' ? hint(kind, ['number', 'category']) : ''}`);
      }
    }
  }
  const weight = optionalString('weight', json.weight);
  const duplicates = json.duplicates;
  if (duplicates !== undefined && duplicates !== 'error' && duplicates !== 'first' && duplicates !== 'last') {
    errors.push(`duplicates: expected "error", "first" or "last", got ${kindOf(duplicates)}`);
  }
  const decimal = json.decimal;
  if (decimal !== undefined && decimal !== ',' && decimal !== '.') {
    errors.push(`decimal: expected "," or ".", got ${kindOf(decimal)}`);
  }
  if (json.report !== undefined && !isRecord(json.report)) {
    errors.push(`report: expected an object of report() options, got ${kindOf(json.report)}`);
  }
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    config: {
      id,
      items,
      attributes,
      ...(weight !== undefined && { weight }),
      ...(duplicates !== undefined && { duplicates: duplicates as 'error' | 'first' | 'last' }),
      ...(decimal !== undefined && { decimal: decimal as ',' | '.' }),
      report: isRecord(json.report) ? json.report : {},
    },
  };
}
