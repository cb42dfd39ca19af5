import { compile } from 'vega-lite';
import type { TopLevelSpec } from 'vega-lite';
import * as vega from 'vega';
import { checkOptionKeys, describeValue, optionKeys } from '../internal/validate';
import type { ChartLang, VegaLiteSpec } from '../vega-lite/chartParts';

/** Options of {@link renderSvg}. */
export interface RenderSvgOptions {
  /** The figure's accessible name, written as the SVG's `<title>` (e.g. the table's title). */
  readonly title: string;
  /** A text description of what the figure shows, written as the SVG's `<desc>`. */
  readonly description: string;
  /**
   * Number and date formats of the axes: `'da'` (default) gives a decimal comma and a
   * thousands point ("12.500", "0,5"), `'en'` the English forms.
   */
  readonly locale?: ChartLang;
}

/** d3-format and d3-time-format definitions per language. */
function vegaLocale(lang: ChartLang): { number: vega.NumberLocale; time: vega.TimeLocale } {
  if (lang === 'en') {
    return {
      number: { decimal: '.', thousands: ',', grouping: [3], currency: ['$', ''] },
      time: {
        dateTime: '%x, %X',
        date: '%-m/%-d/%Y',
        time: '%-I:%M:%S %p',
        periods: ['AM', 'PM'],
        days: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
        shortDays: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'],
        months: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
        shortMonths: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
      },
    };
  }
  return {
    number: { decimal: ',', thousands: '.', grouping: [3], currency: ['', '\u00a0kr.'] },
    time: {
      dateTime: '%A den %d. %B %Y %X',
      date: '%d.%m.%Y',
      time: '%H:%M:%S',
      periods: ['AM', 'PM'],
      days: ['søndag', 'mandag', 'tirsdag', 'onsdag', 'torsdag', 'fredag', 'lørdag'],
      shortDays: ['søn', 'man', 'tir', 'ons', 'tor', 'fre', 'lør'],
      months: ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'],
      shortMonths: ['jan', 'feb', 'mar', 'apr', 'maj', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'],
    },
  };
}

/** Escapes text for XML character data. */
function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * Puts `<title>` and `<desc>` first inside the root `<svg>` element (where SVG 2 reads the
 * accessible name and description from) unless the root already has them, and marks the
 * element as an image (`role="img"`).
 */
function withAccessibleText(svg: string, title: string, description: string): string {
  const open = /^(\s*(?:<\?xml[^>]*>\s*)?)<svg\b([^>]*)>/.exec(svg);
  if (open === null) throw new Error('renderSvg: vega did not return an <svg> element');
  const [whole, prolog, attributes] = open as unknown as [string, string, string];
  const rest = svg.slice(whole.length);
  const hasTitle = /^\s*<title\b/.test(rest);
  const hasDesc = /^\s*(?:<title\b[^]*?<\/title>\s*)?<desc\b/.test(rest);
  const role = /\brole=/.test(attributes) ? attributes : `${attributes} role="img"`;
  return (
    `${prolog}<svg${role}>` +
    (hasTitle ? '' : `<title>${escapeXml(title)}</title>`) +
    (hasDesc ? '' : `<desc>${escapeXml(description)}</desc>`) +
    rest
  );
}

/** A vega logger that drops warnings and notes and throws errors. */
function quietLogger(): vega.LoggerInterface {
  let level = vega.Error;
  const logger: vega.LoggerInterface = {
    level(...args: number[]) {
      if (args.length === 0) return level as never;
      level = args[0] as number;
      return logger as never;
    },
    error(...args: readonly unknown[]) {
      throw new Error(`renderSvg: ${args.map(String).join(' ')}`);
    },
    warn: () => logger,
    info: () => logger,
    debug: () => logger,
  } as vega.LoggerInterface;
  return logger;
}

function requiredText(value: unknown, name: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new TypeError(`renderSvg: ${name} must be a non-empty string (it is the figure's accessible ${name === 'title' ? 'name' : 'description'}), got ${describeValue(value)}`);
  }
  return value;
}

/**
 * Renders a Vega-Lite specification to a standalone SVG document with the real `vega-lite`
 * compiler and `vega` runtime, headless: `compile(spec)`, then a `View` with `renderer: 'none'`
 * and `toSVG()`. No browser, canvas or network is used: text is measured by vega's estimate and
 * set in the generic `sans-serif` family, so nothing is fetched at render time.
 *
 * The axes format numbers for `locale` (Danish by default: "12.500", "0,5", "40%") through
 * vega's own locale support (the d3-format and d3-time-format definitions written into the
 * compiled spec's `config.locale`, so vega's default locale is not changed). The SVG carries a `<title>` and a `<desc>`, the first children of
 * the root element, and `role="img"`, so that a screen reader announces the figure by its title
 * and description.
 *
 * @param spec - a Vega-Lite spec, e.g. from `stackedBars` or `divergingBars` of `likertkit/vega-lite`
 * @param options - the figure's `title` and `description` (both required) and the axes' `locale`
 * @returns the SVG document as a string (`<svg xmlns="http://www.w3.org/2000/svg" …>…</svg>`)
 * @throws TypeError for a spec that is not an object or a missing title or description;
 *   RangeError for an unknown locale; the errors of vega-lite's compiler for an invalid spec
 * @example
 * const svg = await renderSvg(stackedBars(table, { lang: 'da' }), {
 *   title: table.title,
 *   description: 'Svarfordelingen pr. spørgsmål i procent af dem, der har svaret.',
 * });
 * svg.startsWith('<svg'); // true
 * @see https://vega.github.io/vega/docs/api/view/#view_toSVG and
 *   https://vega.github.io/vega/docs/api/locale/
 */
export async function renderSvg(spec: VegaLiteSpec, options: RenderSvgOptions): Promise<string> {
  checkOptionKeys('renderSvg', options, optionKeys<RenderSvgOptions>({ title: true, description: true, locale: true }));
  if (typeof spec !== 'object' || spec === null || Array.isArray(spec)) {
    throw new TypeError(`renderSvg: spec must be a Vega-Lite specification (an object), got ${describeValue(spec)}`);
  }
  const title = requiredText(options?.title, 'title');
  const description = requiredText(options.description, 'description');
  const locale = options.locale ?? 'da';
  if (locale !== 'da' && locale !== 'en') {
    throw new RangeError(`renderSvg: unknown locale ${describeValue(locale)}; use 'da' or 'en'`);
  }
  // vega-lite and vega report their warnings (e.g. a scale property two layers set alike) on the
  // console; a library keeps quiet, so they are dropped. Errors still throw.
  const compiled = compile(spec as unknown as TopLevelSpec, { logger: quietLogger() }).spec;
  // The locale goes into the compiled spec's config (vega's `config.locale`), so that this view
  // formats with it and vega's default locale is left alone.
  const withLocale = { ...compiled, config: { ...compiled.config, locale: vegaLocale(locale) } } as vega.Spec;
  const view = new vega.View(vega.parse(withLocale), { renderer: 'none', logLevel: vega.Error });
  try {
    const svg = await view.toSVG();
    return withAccessibleText(svg, title, description);
  } finally {
    view.finalize();
  }
}
