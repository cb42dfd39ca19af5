import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { municipalities2020, type Municipality } from '../../src/demo/municipalities';

/** The R reference values of scripts/fixtures/representativeness.R. */
export interface RepresentativenessFixture {
  generatedBy: string;
  calls: string;
  sampleCodes: string[];
  N: number;
  n: number;
  regions: {
    category: string;
    count: number;
    population: number;
    sample: number;
    wald: [number, number];
    waldFpc: [number, number];
    wilson: [number, number];
    clopperPearson: [number, number];
  }[];
  chiSquare: { statistic: number; df: number; p: number };
  populationMean: {
    population: number;
    populationTotal: number;
    populationSd: number;
    sample: number;
    sd: number;
    z: [number, number];
    t: [number, number];
    seFpc: number;
    zFpc: [number, number];
    zTest: number;
    zTestP: number;
  };
}

export const fixture = JSON.parse(
  readFileSync(
    fileURLToPath(new URL('../fixtures/representativeness/representativeness.json', import.meta.url)),
    'utf8',
  ),
) as RepresentativenessFixture;

/** The real 98-municipality frame, frozen to prove nothing mutates it. */
export function frame(): readonly Readonly<Municipality>[] {
  return Object.freeze(municipalities2020().map((m) => Object.freeze(m)));
}

/**
 * 70 municipalities whose regional counts are the 2024 report's (20/11/16/13/10) and which fill
 * both halves of a median split with 35 each, as the report's Bilagstabel 1.1.
 */
export function sample2024(): readonly Readonly<Municipality>[] {
  const codes = new Set(fixture.sampleCodes);
  return Object.freeze(frame().filter((m) => codes.has(m.code)));
}

export const REGIONS = ['Hovedstaden', 'Sjælland', 'Syddanmark', 'Midtjylland', 'Nordjylland'] as const;
export const COUNTS_2024 = [20, 11, 16, 13, 10] as const;
export const FRAME_COUNTS = [29, 17, 22, 19, 11] as const;
