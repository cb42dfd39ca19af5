/**
 * The file outputs of `likertkit report`: `--format xlsx` (one workbook) and `--format csv` (a
 * directory with one CSV file per table). Both are written atomically, and neither goes to
 * standard output.
 */
import { basename, dirname, join } from 'node:path';
import { toCsv } from '../export/csv';
import { toXlsx } from '../export/xlsx';
import type { ReportResult } from '../report/report';
import { CliError, errorCode, failureReason, resolvePath, writeFileAtomic, type CliIo } from './io';

/** The formats {@link writeReportFiles} writes. */
export type ReportFileFormat = 'xlsx' | 'csv';

/** The file in a CSV directory that lists the files a run wrote, so that a later run may replace them. */
export const CSV_MANIFEST = '.likertkit-report.json';

/**
 * Whether a `--format` is one of the file formats (written by {@link writeReportFiles}).
 *
 * @param format - the `--format` value
 */
export function isReportFileFormat(format: string): format is ReportFileFormat {
  return format === 'xlsx' || format === 'csv';
}

/**
 * Refuses `--format xlsx` or `--format csv` without `--out`, before any data is read: a workbook
 * is binary (it would garble a terminal), and CSV output is a directory of files.
 *
 * @param format - the `--format` value
 * @param out - the `--out` value
 * @throws CliError 2 saying what to add
 */
export function requireOutForFiles(format: string, out: string | undefined): void {
  if (out !== undefined) return;
  if (format === 'pdf') throw new CliError(2, '--format pdf writes a file: add --out <report.pdf>');
  if (!isReportFileFormat(format)) return;
  if (format === 'xlsx') {
    throw new CliError(2, '--format xlsx writes a binary workbook, which is not for standard output: add --out <report.xlsx>');
  }
  throw new CliError(2, '--format csv writes one CSV file per table into a directory: add --out <directory> (it is created)');
}

/**
 * The file names of the tables in a CSV directory: `<nn>-<table id>.csv`, numbered from 01 in
 * report order (three digits from 100 tables on), the id's characters other than letters, digits,
 * ".", "_" and "-" turned into "-" (`distribution:tidlig:daChallenge4` →
 * `01-distribution-tidlig-daChallenge4.csv`).
 *
 * @param ids - the table ids, in report order
 */
export function csvFileNames(ids: readonly string[]): string[] {
  const width = Math.max(2, String(ids.length).length);
  return ids.map((id, i) => {
    const safe = String(id).replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^[-.]+|-+$/g, '');
    return `${String(i + 1).padStart(width, '0')}-${safe === '' ? 'table' : safe}.csv`;
  });
}

function randomSuffix(): string {
  const bytes = new Uint8Array(6);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The directory operations `--format csv` needs, or a usage error when the surroundings lack them. */
function directoryIo(io: CliIo): Required<Pick<CliIo, 'mkdir' | 'readdir' | 'rmdir'>> {
  const { mkdir, readdir, rmdir } = io;
  if (mkdir === undefined || readdir === undefined || rmdir === undefined) {
    throw new CliError(2, '--format csv needs a file system that can create directories; use --format xlsx or json here');
  }
  return { mkdir, readdir, rmdir };
}

/** What is at the target path: nothing, a file, or a directory with its entries. */
async function targetState(io: CliIo, path: string): Promise<{ kind: 'none' } | { kind: 'file' } | { kind: 'dir'; entries: string[] }> {
  let identity;
  try {
    identity = await io.stat(path);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return { kind: 'none' };
    throw error;
  }
  if (identity.isDirectory !== true) return { kind: 'file' };
  return { kind: 'dir', entries: await directoryIo(io).readdir(path) };
}

/** The files a previous run listed in its manifest, or null when there is no readable manifest. */
async function previousRun(io: CliIo, dir: string): Promise<Set<string> | null> {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(await io.readFile(join(dir, CSV_MANIFEST)));
    const manifest = JSON.parse(text) as { files?: unknown };
    if (!Array.isArray(manifest.files) || !manifest.files.every((f) => typeof f === 'string')) return null;
    return new Set(manifest.files as string[]);
  } catch {
    return null;
  }
}

/** Removes the listed files and then the directory, ignoring what is already gone. */
async function removeDirectory(io: CliIo, dir: string, names: readonly string[]): Promise<void> {
  for (const name of names) await io.unlink(join(dir, name)).catch(() => undefined);
  await directoryIo(io).rmdir(dir);
}

/**
 * Writes the CSV files into a directory atomically: they are written into a new temporary
 * directory beside the target (`.<name>.<pid>.<random>.tmp`), which is then renamed into place.
 * An existing target is replaced only when it is empty or holds nothing but the files a previous
 * run listed in its manifest ({@link CSV_MANIFEST}); anything else in it, or a file at the
 * path, is refused and left untouched. Replacing moves the old directory aside, renames the new
 * one in and then removes the old one (so the path is absent for the moment between two renames).
 */
async function writeCsvDirectory(io: CliIo, out: string, files: readonly { name: string; text: string }[]): Promise<void> {
  const dirs = directoryIo(io);
  let target = resolvePath(io, out).replace(/(?<=.)\/+$/, '');
  try {
    target = await io.realpath(target);
  } catch {
    // A new directory: made where it was named.
  }
  let state;
  try {
    state = await targetState(io, target);
  } catch (error) {
    throw new CliError(2, `cannot write ${out}: ${failureReason(error)}`);
  }
  if (state.kind === 'file') {
    throw new CliError(2, `--out ${out} is a file, and --format csv writes a directory of CSV files: name a directory (it is created), or use --format xlsx for one file`);
  }
  let previous: string[] = [];
  if (state.kind === 'dir' && state.entries.length > 0) {
    const listed = await previousRun(io, target);
    const foreign = state.entries.filter((name) => name !== CSV_MANIFEST && !(listed?.has(name) ?? false));
    if (listed === null || foreign.length > 0) {
      const shown = (listed === null ? state.entries : foreign).slice(0, 3).map((n) => JSON.stringify(n)).join(', ');
      throw new CliError(
        2,
        `--out ${out} is a directory that holds files likertkit did not write (${shown}${(listed === null ? state.entries : foreign).length > 3 ? ', …' : ''}); refusing to replace it: name a new or empty directory`,
      );
    }
    previous = state.entries;
  }
  const parent = dirname(target);
  const name = basename(target);
  const suffix = `${io.pid ?? 0}.${randomSuffix()}`;
  const temporary = join(parent, `.${name}.${suffix}.tmp`);
  const written: string[] = [];
  try {
    await dirs.mkdir(temporary);
  } catch (error) {
    throw new CliError(2, `cannot write ${out}: ${failureReason(error)}; nothing was written`);
  }
  try {
    const manifest = `${JSON.stringify({ writtenBy: 'likertkit report --format csv', files: files.map((f) => f.name) }, null, 2)}\n`;
    for (const file of [...files, { name: CSV_MANIFEST, text: manifest }]) {
      // Listed before it is written: a write that fails half way leaves a file to remove too.
      written.push(file.name);
      await io.writeFile(join(temporary, file.name), file.text, true);
    }
  } catch (error) {
    await removeDirectory(io, temporary, written).catch(() => undefined);
    throw new CliError(2, `cannot write ${out}: ${failureReason(error)}; ${state.kind === 'none' ? 'nothing was written' : 'the directory was left as it was'}`);
  }
  if (state.kind === 'none' || previous.length === 0) {
    try {
      // rename(2) replaces an empty directory in one step.
      await io.rename(temporary, target);
    } catch (error) {
      await removeDirectory(io, temporary, written).catch(() => undefined);
      throw new CliError(2, `cannot write ${out}: ${failureReason(error)}; nothing was written`);
    }
    return;
  }
  const old = join(parent, `.${name}.${suffix}.old`);
  try {
    await io.rename(target, old);
  } catch (error) {
    await removeDirectory(io, temporary, written).catch(() => undefined);
    throw new CliError(2, `cannot replace ${out}: ${failureReason(error)}; the directory was left as it was`);
  }
  try {
    await io.rename(temporary, target);
  } catch (error) {
    await io.rename(old, target).catch(() => undefined);
    await removeDirectory(io, temporary, written).catch(() => undefined);
    throw new CliError(2, `cannot replace ${out}: ${failureReason(error)}; the directory was left as it was`);
  }
  try {
    await removeDirectory(io, old, previous);
  } catch (error) {
    io.stderr(`warning: the previous ${out} was moved to ${old} and could not be removed (${failureReason(error)}); remove it by hand\n`);
  }
}

/**
 * Writes a report as an Excel workbook (`xlsx`, through `toXlsx`) or as a directory of CSV files
 * in the dialect of the report's language (`csv`, through `toCsv`: one `<nn>-<table id>.csv` per
 * table), atomically. An English report translates the built-in scales' labels, as the Markdown
 * output does.
 *
 * @param io - the command's surroundings
 * @param format - `'xlsx'` or `'csv'`
 * @param result - the report
 * @param out - the `--out` path: the workbook file, or the directory
 * @throws CliError 2 when `out` is missing, cannot be written, or is a directory (csv) that holds
 *   files a previous run did not write
 */
export async function writeReportFiles(io: CliIo, format: ReportFileFormat, result: ReportResult, out: string | undefined): Promise<void> {
  requireOutForFiles(format, out);
  const path = out as string;
  const lang = result.lang;
  const translateLabels = lang === 'en';
  if (format === 'xlsx') {
    let bytes: Uint8Array;
    try {
      bytes = await toXlsx(result, { lang, translateLabels });
    } catch (error) {
      throw new CliError(1, `cannot make the workbook: ${error instanceof Error ? error.message : String(error)}`);
    }
    await writeFileAtomic(io, path, bytes);
    return;
  }
  let files: { name: string; text: string }[];
  try {
    const names = csvFileNames(result.tables.map((t) => t.id));
    files = result.tables.map((table, i) => ({ name: names[i] as string, text: toCsv(table, { lang, translateLabels }) }));
  } catch (error) {
    throw new CliError(1, `cannot make the CSV files: ${error instanceof Error ? error.message : String(error)}`);
  }
  await writeCsvDirectory(io, path, files);
}
