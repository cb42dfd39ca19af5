import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const nistDir = fileURLToPath(new URL('../fixtures/nist/', import.meta.url));

/**
 * Reads a NIST StRD data file: the numeric rows after its last "Data:" header line.
 * Returns one array per column.
 */
export function readNist(file: string): number[][] {
  const lines = readFileSync(nistDir + file, 'utf8').split(/\r?\n/);
  let start = -1;
  lines.forEach((line, i) => {
    if (/^\s*Data\s*:/.test(line)) start = i + 1;
  });
  if (start < 0) throw new Error(`readNist: no "Data:" line in ${file}`);
  const columns: number[][] = [];
  for (const line of lines.slice(start)) {
    const fields = line.trim().split(/\s+/).filter(Boolean);
    if (fields.length === 0 || !fields.every((f) => /^[-+]?\d*\.?\d+(e[-+]?\d+)?$/i.test(f))) continue;
    fields.forEach((f, j) => (columns[j] ??= []).push(Number(f)));
  }
  return columns;
}

export interface CertifiedUnivariate {
  n: number;
  mean: string;
  sd: string;
  file: string;
}

export function certified(): {
  datasets: Record<string, CertifiedUnivariate>;
  binary64_ceiling_LRE_for_sd: Record<string, number>;
} {
  return JSON.parse(readFileSync(nistDir + 'certified_values.json', 'utf8'));
}
