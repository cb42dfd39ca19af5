import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const run = promisify(execFile);

describe('the likertkit executable', () => {
  it('runs through its shebang wrapper with the real process: --help, --version and exit codes', async () => {
    const tsx = `${root}node_modules/.bin/tsx`;
    const help = await run(tsx, ['src/cli/index.ts', '--help'], { cwd: root });
    expect(help.stdout).toContain('likertkit – analyse Likert-scale surveys from the command line');
    const version = await run(tsx, ['src/cli/index.ts', '--version'], { cwd: root });
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
    const failed = await run(tsx, ['src/cli/index.ts', 'check', 'test/fixtures/cli/kommuner-fejl.csv', '-c', 'test/fixtures/cli/kommuner.json'], { cwd: root }).then(
      () => ({ code: 0, stdout: '' }),
      (error: { code: number; stdout: string }) => error,
    );
    expect(failed.code).toBe(1);
    expect(failed.stdout).toContain('test/fixtures/cli/kommuner-fejl.csv:9: expected 10 fields, found 3');
  }, 30000);
});
