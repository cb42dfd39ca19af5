/**
 * `likertkit report --format pdf`: the HTML document printed to PDF by headless Chromium,
 * driven through `playwright-core` (an optional peer dependency, loaded only here).
 *
 * Which Chromium: `--chromium <path>`, else the environment variable `LIKERTKIT_CHROMIUM`, else
 * `/usr/bin/chromium` (Debian's `chromium` package), else the binary shipped in the
 * `@sparticuz/chromium` npm package when it is installed. Nothing is downloaded.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, open, rename, rm, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { CliError, failureReason, writeFileAtomic, type CliIo } from './io';

/** Flags for a headless Chromium run as root in a container, with no network to talk to. */
export const CHROMIUM_FLAGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Debian's and Ubuntu's path of the `chromium` package's binary. */
export const SYSTEM_CHROMIUM = '/usr/bin/chromium';

/** A Chromium binary to start, where it was found, and what to remove after it has run. */
export interface FoundChromium {
  readonly path: string;
  readonly origin: '--chromium' | 'LIKERTKIT_CHROMIUM' | 'system' | '@sparticuz/chromium';
  /** Extra flags the binary needs (the npm package's own list). */
  readonly args: readonly string[];
  /** Removes the unpacked npm binary, if any. */
  readonly cleanUp: () => Promise<void>;
}

const WHAT_TO_INSTALL =
  'install Chromium (Debian/Ubuntu: apt-get install chromium) or the npm package @sparticuz/chromium, ' +
  'or name a Chromium binary with --chromium <path> or the environment variable LIKERTKIT_CHROMIUM';

/** Where to look, for {@link findChromium}; the defaults are the real process's. */
export interface FindChromiumOptions {
  /** The `--chromium` option, when given. */
  readonly explicit?: string;
  /** The environment; default `process.env`. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Whether a file exists; default `fs.existsSync`. */
  readonly exists?: (path: string) => boolean;
  /** The system binary's path; default {@link SYSTEM_CHROMIUM}. */
  readonly systemPath?: string;
  /** Loads `@sparticuz/chromium` and unpacks its binary into `dir`; default the real package. */
  readonly unpackNpm?: (dir: string) => Promise<{ path: string; args: readonly string[] } | null>;
}

/** Unpacks the `@sparticuz/chromium` binary into `dir`, or null when the package is not installed. */
async function unpackSparticuz(dir: string): Promise<{ path: string; args: readonly string[] } | null> {
  let Chromium: { executablePath(): Promise<string>; readonly args: string[] };
  try {
    const name = '@sparticuz/chromium';
    Chromium = ((await import(/* @vite-ignore */ name)) as { default: typeof Chromium }).default;
  } catch {
    return null;
  }
  // The package unpacks into os.tmpdir(), which reads TMPDIR on each call: a private directory
  // per run, so that a half-written binary of another run is never started.
  const saved = process.env.TMPDIR;
  process.env.TMPDIR = dir;
  try {
    return { path: await Chromium.executablePath(), args: Chromium.args };
  } finally {
    if (saved === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = saved;
  }
}

/**
 * Finds the Chromium to print with: `--chromium`, `LIKERTKIT_CHROMIUM`, `/usr/bin/chromium`,
 * then `@sparticuz/chromium`.
 *
 * @param options - the `--chromium` option and, for tests, the surroundings
 * @returns the binary, its origin, extra flags and a clean-up
 * @throws CliError 2 when a named binary does not exist, or when none is found, saying what to install
 */
export async function findChromium(options: FindChromiumOptions = {}): Promise<FoundChromium> {
  const exists = options.exists ?? existsSync;
  const none = async (): Promise<void> => undefined;
  if (options.explicit !== undefined) {
    if (!exists(options.explicit)) throw new CliError(2, `--chromium ${options.explicit}: no such file; name a Chromium binary, or leave the option out to use LIKERTKIT_CHROMIUM, ${SYSTEM_CHROMIUM} or @sparticuz/chromium`);
    return { path: options.explicit, origin: '--chromium', args: [], cleanUp: none };
  }
  const env = options.env ?? process.env;
  const named = env.LIKERTKIT_CHROMIUM;
  if (named !== undefined && named !== '') {
    if (!exists(named)) throw new CliError(2, `LIKERTKIT_CHROMIUM is ${JSON.stringify(named)}, which does not exist; point it at a Chromium binary or unset it`);
    return { path: named, origin: 'LIKERTKIT_CHROMIUM', args: [], cleanUp: none };
  }
  const system = options.systemPath ?? SYSTEM_CHROMIUM;
  if (exists(system)) return { path: system, origin: 'system', args: [], cleanUp: none };
  const dir = await mkdtemp(join(tmpdir(), 'likertkit-chromium-'));
  const cleanUp = (): Promise<void> => rm(dir, { recursive: true, force: true });
  try {
    const unpacked = await (options.unpackNpm ?? unpackSparticuz)(dir);
    if (unpacked !== null) return { path: unpacked.path, origin: '@sparticuz/chromium', args: unpacked.args, cleanUp };
  } catch (error) {
    await cleanUp();
    throw new CliError(2, `--format pdf: could not unpack the Chromium of @sparticuz/chromium (${failureReason(error)}); ${WHAT_TO_INSTALL}`);
  }
  await cleanUp();
  throw new CliError(2, `--format pdf needs a Chromium and found none: ${WHAT_TO_INSTALL}`);
}

/** The part of playwright-core used here. */
interface Playwright {
  readonly chromium: {
    launchPersistentContext(
      userDataDir: string,
      options: { executablePath: string; args: string[]; headless: boolean; timeout: number },
    ): Promise<PlaywrightContext>;
  };
}
interface PlaywrightContext {
  route(url: string, handler: (route: { abort(): Promise<void> }) => Promise<void>): Promise<void>;
  newPage(): Promise<{
    setContent(html: string, options: { waitUntil: 'load'; timeout: number }): Promise<void>;
    pdf(options: { format: string; printBackground: boolean; preferCSSPageSize: boolean }): Promise<Uint8Array>;
  }>;
  close(): Promise<void>;
}

/** Loads playwright-core, or says how to install it. */
async function loadPlaywright(): Promise<Playwright> {
  try {
    const name = 'playwright-core';
    return (await import(/* @vite-ignore */ name)) as Playwright;
  } catch {
    throw new CliError(2, '--format pdf needs the npm package playwright-core (an optional peer dependency of likertkit): run npm install playwright-core');
  }
}

/** Options of {@link htmlToPdf}. */
export interface HtmlToPdfOptions {
  /** The `--chromium` option. */
  readonly chromium?: string;
  /** Milliseconds to start the browser and to load the page; default 60 000. */
  readonly timeout?: number;
}

/**
 * Prints an HTML document to PDF in headless Chromium: A4 (or the document's `@page` size),
 * backgrounds printed. Every request the page would make is refused, so that what is printed is
 * the document alone. The browser gets a new, empty profile directory, removed afterwards.
 *
 * @param html - a whole HTML document
 * @param options - `chromium` (a binary) and `timeout`
 * @returns the PDF's bytes
 * @throws CliError 2 when playwright-core or a Chromium is missing, or Chromium fails
 */
export async function htmlToPdf(html: string, options: HtmlToPdfOptions = {}): Promise<Uint8Array> {
  const timeout = options.timeout ?? 60_000;
  const playwright = await loadPlaywright();
  const found = await findChromium(options.chromium === undefined ? {} : { explicit: options.chromium });
  const profile = await mkdtemp(join(tmpdir(), 'likertkit-profile-'));
  try {
    let context: PlaywrightContext;
    try {
      context = await playwright.chromium.launchPersistentContext(profile, {
        executablePath: found.path,
        args: [...found.args, ...CHROMIUM_FLAGS],
        headless: true,
        timeout,
      });
    } catch (error) {
      throw new CliError(2, `--format pdf: could not start Chromium ${found.path} (from ${found.origin}): ${failureReason(error)}`);
    }
    try {
      await context.route('**/*', (route) => route.abort());
      const page = await context.newPage();
      await page.setContent(html, { waitUntil: 'load', timeout });
      return new Uint8Array(await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true }));
    } catch (error) {
      throw new CliError(2, `--format pdf: Chromium ${found.path} could not print the report: ${failureReason(error)}`);
    } finally {
      await context.close().catch(() => undefined);
    }
  } finally {
    await rm(profile, { recursive: true, force: true }).catch(() => undefined);
    await found.cleanUp().catch(() => undefined);
  }
}

/**
 * The `--format pdf` branch of `likertkit report`: prints the document and writes it to `--out`.
 *
 * @param io - the command's surroundings
 * @param html - the HTML document (`toHtmlDocument`)
 * @param out - the `--out` path; a PDF is never written to standard output
 * @param chromium - the `--chromium` option
 * @throws CliError 2 without `--out`, or when the PDF cannot be made or written
 */
export async function writeReportPdf(io: CliIo, html: string, out: string | undefined, chromium?: string): Promise<void> {
  if (out === undefined) throw new CliError(2, '--format pdf writes a file: add --out <report.pdf>');
  const bytes = await htmlToPdf(html, chromium === undefined ? {} : { chromium });
  // As every file the CLI writes: atomically, through a symbolic link to its target, in place
  // for a device or pipe, never over an input (see writeFileAtomic).
  await writeFileAtomic(io, out, bytes);
}
