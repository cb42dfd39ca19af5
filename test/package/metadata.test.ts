/**
 * What npmjs.com shows about the package: the repository, homepage and bug-tracker fields of
 * package.json, and a README whose links work there too. npm renders the README without the
 * repository around it, so a relative link such as `docs/cli.md` is broken on the package page;
 * every link must be absolute, and those into the repository's docs/ must name a file that exists.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const manifest = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as Record<string, unknown>;
const readme = readFileSync(join(repo, 'README.md'), 'utf8');
const DOCS = 'https://github.com/likertkit/likertkit/blob/main/docs/';

/** Every link target in the README: inline `[text](target)`, reference `[id]: target`, and HTML src/href. */
function linkTargets(markdown: string): string[] {
  const inline = [...markdown.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((m) => m[1]!);
  const reference = [...markdown.matchAll(/^\s*\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)/gm)].map((m) => m[1]!);
  const html = [...markdown.matchAll(/\b(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
  return [...inline, ...reference, ...html];
}

describe('package metadata for the npm registry', () => {
  it('names the GitHub repository, its README as homepage and its issue tracker', () => {
    expect(manifest.repository).toEqual({ type: 'git', url: 'git+https://github.com/likertkit/likertkit.git' });
    expect(manifest.homepage).toBe('https://github.com/likertkit/likertkit#readme');
    expect(manifest.bugs).toEqual({ url: 'https://github.com/likertkit/likertkit/issues' });
  });

  it('builds before packing, so a tarball never holds a stale or missing dist/', () => {
    expect((manifest.scripts as Record<string, string>).prepack).toBe('npm run build');
  });

  it('finds the links of a small README, relative and absolute', () => {
    const sample = '[a](docs/a.md) and [b](https://x.org/b "B")\n[c]: ./c.md\n<img src="logo.png">';
    expect(linkTargets(sample)).toEqual(['docs/a.md', 'https://x.org/b', './c.md', 'logo.png']);
  });

  it('has only absolute links in the README (anchors within the page aside)', () => {
    const targets = linkTargets(readme);
    expect(targets.length).toBeGreaterThan(0);
    const relative = targets.filter((t) => !/^(https?:|mailto:|#)/.test(t));
    expect(relative).toEqual([]);
  });

  it('links into docs/ on the main branch only to guides that exist', () => {
    const guides = linkTargets(readme)
      .filter((t) => t.startsWith(DOCS))
      .map((t) => t.slice(DOCS.length).replace(/#.*$/, ''));
    expect(guides.length).toBeGreaterThan(0);
    const missing = guides.filter((path) => !existsSync(join(repo, 'docs', path)));
    expect(missing).toEqual([]);
  });
});
