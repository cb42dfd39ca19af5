import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Reads a JSON fixture from test/fixtures/, turning the generators' encodings back into
 * numbers: `null` → NaN and "Infinity"/"-Infinity" → ±Infinity (JSON has neither).
 */
export function readFixture<T>(relativePath: string): T {
  const url = new URL(`../fixtures/${relativePath}`, import.meta.url);
  const text = readFileSync(fileURLToPath(url), 'utf8');
  return JSON.parse(text, (_key, value: unknown) => {
    if (value === null) return NaN;
    if (value === 'Infinity') return Infinity;
    if (value === '-Infinity') return -Infinity;
    return value;
  }) as T;
}

/** Reads a NIST StRD two-column data file (y x per line after the header). */
export function readNistXY(file: string, firstDataLine: number): { x: number[]; y: number[] } {
  const url = new URL(`../fixtures/nist/${file}`, import.meta.url);
  const lines = readFileSync(fileURLToPath(url), 'utf8').split(/\r?\n/).slice(firstDataLine - 1);
  const x: number[] = [];
  const y: number[] = [];
  for (const line of lines) {
    const parts = line.trim().split(/\s+/);
    if (parts.length !== 2) continue;
    y.push(Number(parts[0]));
    x.push(Number(parts[1]));
  }
  return { x, y };
}

/** Freezes an array (and returns it) to prove a function does not mutate its input. */
export function frozen<T>(values: T[]): readonly T[] {
  return Object.freeze(values);
}
