import { describe, expect, it } from 'vitest';
import { likert } from '../../src/data/likert';
import { demoFocusAreas, demoSurveyRows } from '../../src/demo/demoSurvey';
import { municipalities2020 } from '../../src/demo/municipalities';
import { seededRandom } from '../../src/demo/random';
import { scales } from '../../src/scale/presets';

describe('the municipality frame', () => {
  const frame = municipalities2020();

  // Checks from data/README.md (Statistics Denmark, FOLK1A 2020K1).
  it('holds the 98 municipalities with the documented regional counts', () => {
    expect(frame).toHaveLength(98);
    const byRegion: Record<string, number> = {};
    for (const m of frame) byRegion[m.region] = (byRegion[m.region] ?? 0) + 1;
    expect(byRegion).toEqual({ Hovedstaden: 29, Sjælland: 17, Syddanmark: 22, Midtjylland: 19, Nordjylland: 11 });
  });

  it('sums to 5,822,679 inhabitants (the national 5,822,763 less Christiansø’s 84)', () => {
    expect(frame.reduce((s, m) => s + m.population, 0)).toBe(5_822_679);
  });

  it('returns fresh objects each call, so callers cannot corrupt it', () => {
    const a = municipalities2020();
    (a[0] as { population: number }).population = 0;
    expect(municipalities2020()[0]!.population).toBe(632340);
  });
});

describe('the synthetic demo survey', () => {
  it('is the same for the same seed and differs for another', () => {
    expect(demoSurveyRows({ seed: 5 })).toEqual(demoSurveyRows({ seed: 5 }));
    expect(demoSurveyRows({ seed: 5 })).not.toEqual(demoSurveyRows({ seed: 6 }));
  });

  it('has 95 of the 98 municipalities respond by default', () => {
    const rows = demoSurveyRows();
    expect(rows).toHaveLength(95);
    expect(new Set(rows.map((r) => r.kommunekode)).size).toBe(95);
    expect(demoSurveyRows({ respondents: 70 })).toHaveLength(70);
  });

  it('codes cleanly on the preset scales, with some "ved ikke" and blanks', () => {
    const rows = demoSurveyRows();
    for (const area of demoFocusAreas()) {
      const challenge = likert(rows.map((r) => r[`udfordring_${area.id}`]), scales.daChallenge4);
      const need = likert(rows.map((r) => r[`behov_${area.id}`]), scales.daDegree4);
      expect(challenge.n.invalid + need.n.invalid).toBe(0);
      expect(challenge.n.total).toBe(95);
    }
  });

  it('rejects an impossible number of respondents', () => {
    expect(() => demoSurveyRows({ respondents: 99 })).toThrow(/^demoSurveyRows: respondents must be an integer from 1 to 98/);
  });
});

describe('seededRandom', () => {
  it('gives uniforms in [0, 1) with mean near 1/2 and normals with mean near 0', () => {
    const random = seededRandom(1);
    let u = 0;
    let z = 0;
    for (let i = 0; i < 20000; i++) {
      const x = random.uniform();
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
      u += x;
      z += random.normal();
    }
    expect(Math.abs(u / 20000 - 0.5)).toBeLessThan(0.01);
    expect(Math.abs(z / 20000)).toBeLessThan(0.03);
  });
});
