/**
 * A small argument parser for the `likertkit` command line: positionals, `--name value`,
 * `--name=value`, boolean flags and `--` to end the options. Hand-written (no dependency) so
 * that every mistake produces a message in the command's own words.
 */

/** What one command accepts. */
export interface ArgSpec {
  /** Options that take a value (`--config survey.json`). */
  readonly values: readonly string[];
  /** Options without a value (`--force`). */
  readonly flags: readonly string[];
  /** One-letter aliases, e.g. `{ o: 'out' }`. */
  readonly short?: Readonly<Record<string, string>>;
}

/** Result of {@link parseArgs}: either the parsed arguments or a usage error. */
export type ParsedArgs =
  | {
      readonly ok: true;
      readonly positionals: readonly string[];
      readonly values: Readonly<Record<string, string>>;
      readonly flags: ReadonlySet<string>;
    }
  | { readonly ok: false; readonly error: string };

/**
 * Parses command arguments against a spec; `--help`/`-h` and `--version` are always accepted
 * as flags.
 *
 * @param argv - the arguments after the command name
 * @param spec - the options the command accepts
 * @returns positionals, option values and flags, or `{ ok: false, error }` naming the bad argument
 * @example
 * parseArgs(['a.csv', '--config=s.json'], { values: ['config'], flags: [] });
 * // { ok: true, positionals: ['a.csv'], values: { config: 's.json' }, flags: Set {} }
 */
export function parseArgs(argv: readonly string[], spec: ArgSpec): ParsedArgs {
  const positionals: string[] = [];
  const values: Record<string, string> = {};
  const flags = new Set<string>();
  const flagNames = new Set([...spec.flags, 'help', 'version']);
  const valueNames = new Set(spec.values);
  // A Map, so that "-_" or any other text never reaches Object's members.
  const short = new Map<string, string>([['h', 'help'], ...Object.entries(spec.short ?? {})]);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    let name: string | undefined;
    let inline: string | undefined;
    if (arg.startsWith('--') && arg.length > 2) {
      const eq = arg.indexOf('=');
      name = eq < 0 ? arg.slice(2) : arg.slice(2, eq);
      inline = eq < 0 ? undefined : arg.slice(eq + 1);
    } else if (arg.startsWith('-') && arg.length === 2 && arg !== '--') {
      name = short.get(arg.slice(1));
      if (name === undefined) return { ok: false, error: `unknown option ${arg}` };
    } else {
      positionals.push(arg);
      continue;
    }
    if (flagNames.has(name)) {
      if (inline !== undefined) return { ok: false, error: `option --${name} takes no value` };
      flags.add(name);
    } else if (valueNames.has(name)) {
      const value = inline ?? argv[++i];
      if (value === undefined || (inline === undefined && value.startsWith('--'))) {
        return { ok: false, error: `option --${name} needs a value` };
      }
      if (Object.hasOwn(values, name)) return { ok: false, error: `option --${name} is given twice` };
      values[name] = value;
    } else {
      const known = [...valueNames, ...flagNames].map((n) => `--${n}`).join(', ');
      return { ok: false, error: `unknown option --${name} (this command accepts ${known})` };
    }
  }
  return { ok: true, positionals, values, flags };
}
