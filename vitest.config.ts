import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = (path: string): string => fileURLToPath(new URL(`./src/${path}`, import.meta.url));

export default defineConfig({
  resolve: {
    // Examples import the package by name; inside the repository that name is the source.
    alias: [
      { find: /^likertkit$/, replacement: src('index.ts') },
      { find: /^likertkit\/demo$/, replacement: src('demo/index.ts') },
      { find: /^likertkit\/csv$/, replacement: src('csv/index.ts') },
      { find: /^likertkit\/vega-lite$/, replacement: src('vega-lite/index.ts') },
      { find: /^likertkit\/html$/, replacement: src('html/index.ts') },
    ],
  },
  test: {
    include: ['test/**/*.test.ts'],
    // Some tests start processes (tsx scripts, the CLI, Vite and Chromium); on a loaded 2-core
    // machine they can take several seconds. Nothing here is a timing test.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    typecheck: { enabled: true, include: ['test/**/*.test-d.ts'] },
    coverage: {
      provider: 'v8',
      include: ['src/**/*.ts'],
      exclude: ['src/**/index.ts', 'src/**/types.ts'],
      reporter: ['text-summary', 'text'],
      thresholds: { lines: 90, branches: 85 },
    },
  },
});
