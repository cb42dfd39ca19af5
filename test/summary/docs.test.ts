import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const run = (script: string): string =>
  execFileSync(`${root}node_modules/.bin/tsx`, [script], { cwd: root, encoding: 'utf8', timeout: 60_000 });

describe('docs/summaries.md stays true', () => {
  const guide = readFileSync(`${root}docs/summaries.md`, 'utf8');

  it('shows examples/summaries.ts verbatim', () => {
    expect(guide).toContain(`\`\`\`ts\n${readFileSync(`${root}examples/summaries.ts`, 'utf8')}\`\`\``);
  });

  it('prints the output of examples/summaries.ts exactly as it runs', () => {
    const out = run('examples/summaries.ts');
    expect(guide).toContain(`\`\`\`text\n${out}\`\`\``);
    // Hand-counted: challenge answers 1 "slet ingen", 2 "mindre", 2 "ret store", 1 "meget store",
    // 1 "ved ikke"; need codes 4, 3, 3, 2, 1 → mean 13/5.
    expect(out).toMatch(/^challenge counts: \[1,2,2,1,1\]$/m);
    expect(out).toMatch(/^challenge, ret\/meget store: 3 of 7 = 0\.429$/m);
    expect(out).toMatch(/^need, mean: 2\.600$/m);
    expect(out).toMatch(/^r = \d\.\d{3}, N = 4$/m);
  });
});
