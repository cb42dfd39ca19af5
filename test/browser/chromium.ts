/**
 * Which Chromium the browser tests drive, and how to start it.
 *
 * By default the binary comes from the `@sparticuz/chromium` devDependency, which ships a
 * brotli-compressed Chromium inside the npm package: `npm ci` is all a fresh machine needs, and
 * nothing is downloaded at install or run time. The package unpacks the binary (and its
 * SwiftShader libraries and fonts) into `os.tmpdir()`, and re-uses whatever it finds there on
 * later calls; so that a stale or half-written binary left by another run is never picked up,
 * each launch unpacks into a fresh private directory (about two seconds) and removes it on close.
 *
 * `LIKERTKIT_CHROMIUM=/path/to/chromium` drives that binary instead (for example Debian's
 * `/usr/bin/chromium`); the test then fails, saying so, if the file is missing.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';

/** Flags for any headless Chromium in a container run as root, with no network to talk to. */
const QUIET_HEADLESS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** A started browser, where it came from, and how to shut it down and clean up after it. */
export interface TestBrowser {
  readonly browser: Browser;
  /** The binary that was started. */
  readonly executablePath: string;
  /** `'npm'` for the `@sparticuz/chromium` binary, `'LIKERTKIT_CHROMIUM'` for one named there. */
  readonly origin: 'npm' | 'LIKERTKIT_CHROMIUM';
  close(): Promise<void>;
}

/** Unpacks the npm package's Chromium into `dir` and returns its path and recommended flags. */
async function unpackNpmChromium(dir: string): Promise<{ path: string; args: string[] }> {
  // The package decides where to unpack by calling os.tmpdir(), which reads TMPDIR each time.
  const saved = process.env.TMPDIR;
  process.env.TMPDIR = dir;
  try {
    const { default: Chromium } = await import('@sparticuz/chromium');
    const path = await Chromium.executablePath();
    return { path, args: Chromium.args };
  } finally {
    if (saved === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = saved;
  }
}

/**
 * Starts headless Chromium through playwright-core: the binary named by `LIKERTKIT_CHROMIUM`
 * when that is set, otherwise the one shipped in `@sparticuz/chromium`.
 */
export async function launchChromium(options: { timeout?: number } = {}): Promise<TestBrowser> {
  const timeout = options.timeout ?? 20_000;
  const named = process.env.LIKERTKIT_CHROMIUM;
  if (named !== undefined && named !== '') {
    if (!existsSync(named)) {
      throw new Error(
        `launchChromium: LIKERTKIT_CHROMIUM is ${JSON.stringify(named)}, which does not exist. ` +
          'Point it at a Chromium binary, or unset it to use the one in the @sparticuz/chromium devDependency (run `npm ci`).',
      );
    }
    const browser = await chromium.launch({ executablePath: named, args: QUIET_HEADLESS, timeout });
    return { browser, executablePath: named, origin: 'LIKERTKIT_CHROMIUM', close: () => browser.close() };
  }

  const dir = mkdtempSync(join(tmpdir(), 'likertkit-chromium-'));
  const cleanUp = (): void => rmSync(dir, { recursive: true, force: true });
  try {
    const { path, args } = await unpackNpmChromium(dir);
    const browser = await chromium.launch({ executablePath: path, args: [...args, ...QUIET_HEADLESS], timeout });
    return {
      browser,
      executablePath: path,
      origin: 'npm',
      close: async () => {
        try {
          await browser.close();
        } finally {
          cleanUp();
        }
      },
    };
  } catch (error) {
    cleanUp();
    throw new Error(
      'launchChromium: could not start the Chromium shipped in @sparticuz/chromium. Run `npm ci` so the devDependency is ' +
        'installed, check `ldd` on the unpacked binary for missing shared libraries, or set LIKERTKIT_CHROMIUM to another ' +
        `Chromium binary. Cause: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
}
