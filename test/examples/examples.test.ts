import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const tsx = `${root}node_modules/.bin/tsx`;
const run = (script: string): string => execFileSync(tsx, [script], { cwd: root, encoding: 'utf8', timeout: 60_000 });

describe('README stays true', () => {
  const readme = readFileSync(`${root}README.md`, 'utf8');

  it('shows examples/readme.ts verbatim as its example', () => {
    const code = readme.match(/## Example\n\n[\s\S]*?```ts\n([\s\S]*?)```/)?.[1];
    expect(code).toBe(readFileSync(`${root}examples/readme.ts`, 'utf8'));
  });

  it('prints the output of examples/readme.ts exactly as the example runs', () => {
    const shown = readme.match(/Output \(this is `examples\/readme\.ts`[^\n]*\n\n```text\n([\s\S]*?)```/)?.[1];
    expect(shown).toBeDefined();
    expect(run('examples/readme.ts')).toBe(shown);
  });

  it('gives the two set-up commands', () => {
    expect(readme).toContain('npm install && npm run demo');
    expect(readme).toContain('npm test');
  });
});

describe('npm run demo', () => {
  it('runs on the embedded data and says the answers are synthetic', () => {
    const out = run('examples/demo.ts');
    expect(out).toMatch(/SYNTHETIC/);
    expect(out).toMatch(/Respondents: 95 of 98 municipalities/);
    expect(out).toMatch(/r = \d\.\d\d\**/);
    // The survey layer: paired correlations for the nine focus areas, group means with ANOVA,
    // top 3 per target group and a suppressed multi-select table.
    expect(out.match(/^ {2}\S.*\d\.\d\d\**\s+N = \d+$/gm)).toHaveLength(9);
    expect(out).toMatch(/ANOVA F\(4, \d+\) = /);
    expect(out).toMatch(/Top 3 challenges per target group/);
    expect(out).toMatch(/cells under 3 and \d+ more so that none can be recovered/);
    // Representativeness, response rates and raking.
    expect(out).toMatch(/Verdict: every population value lies inside its interval/);
    expect(out).toMatch(/Response rates: 95 of 98 \(97 %\) overall/);
    expect(out).toMatch(/Raking on region × size group: converged/);
    // The full report, rendered as Markdown.
    expect(out).toMatch(/^# Udfordringer på det specialiserede børneområde \(demo, syntetiske svar\)$/m);
    expect(out).toMatch(/^## Repræsentativitet: fordeling$/m);
    expect(out).toMatch(/^\*\*\* p < 0,01, \*\* 0,01 <= p < 0,05, \* 0,05 <= p < 0,1$/m);
  });
});

describe('examples/representativeness-2024.ts', () => {
  it('prints the 2024 report’s intervals (18–39, 7–24, 13–33, 9–28, 6–22 %) and response rates', () => {
    const out = run('examples/representativeness-2024.ts');
    // The published table of the 2024/25 survey on holistic interventions (DESIGN.md).
    for (const [region, interval] of [
      ['Hovedstaden', '18–39 %'],
      ['Sjælland', '7–24 %'],
      ['Syddanmark', '13–33 %'],
      ['Midtjylland', '9–28 %'],
      ['Nordjylland', '6–22 %'],
    ]) {
      expect(out).toMatch(new RegExp(`^${region} .* ${interval}  yes$`, 'm'));
    }
    expect(out).toMatch(/Response rate: 71 % overall; Hovedstaden 69 %, Sjælland 65 %, Syddanmark 73 %, Midtjylland 68 %, Nordjylland 91 %/);
  });
});

describe('examples/notebook.ts', () => {
  it('runs its cells: a correlation grid, a report table as Markdown and a Jupyter bundle', () => {
    const out = run('examples/notebook.ts');
    expect(out).toMatch(/^95 respondents, 6 items$/m);
    expect(out).toMatch(/│ 'Tidlig indsats og forebyggelse' +│/);
    expect(out).toMatch(/^## Shares and means per question$/m);
    expect(out).toMatch(/Jupyter MIME types: text\/html, text\/markdown, text\/plain/);
  });
});

describe('examples/export.ts and docs/from-export-to-report.md', () => {
  const guide = readFileSync(`${root}docs/from-export-to-report.md`, 'utf8');

  it('the guide shows the output of examples/export.ts exactly as it runs', () => {
    const out = run('examples/export.ts');
    expect(guide).toContain(`\`\`\`text\n${out}\`\`\``);
    // What the walk-through is about: the refused decimal mark, the recoded regions, the typed
    // frame, and the check against all 98 municipalities.
    expect(out).toMatch(/^Without decimal: ambiguous-number: cannot tell the decimal mark of column "Indbyggere"/m);
    expect(out).toMatch(/^95 respondents, 8 items; regions: Hovedstaden, Sjælland, Syddanmark, Midtjylland, Nordjylland$/m);
    expect(out).toMatch(/^Frame: 98 municipalities; code \(number\), name \(text\), region \(text\), population \(number\)$/m);
    expect(out).toMatch(/^\| population +\| +59\.415 \|/m);
    expect(out).toMatch(/Alle populationsværdier ligger inden for stikprøvens interval/);
  });

  it('the export is the one its committed generator writes', () => {
    const before = readFileSync(`${root}examples/export/survey-export.csv`);
    run('scripts/make-export-example.ts');
    expect(readFileSync(`${root}examples/export/survey-export.csv`).equals(before)).toBe(true);
  });
});
