import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { defineConfig } from 'tsup';
import { CONFIG_SCHEMA } from './src/cli/configSchema';

export default defineConfig((cli) => ({
  // Entry points: the core, CSV reading (its own RFC 4180 reader), the demo data and the Vega-Lite
  // helpers, so that none of the others weighs on the core bundle.
  entry: {
    index: 'src/index.ts',
    'csv/index': 'src/csv/index.ts',
    'demo/index': 'src/demo/index.ts',
    'vega-lite/index': 'src/vega-lite/index.ts',
    // The styled HTML report document (no dependency; figures are passed in as SVG).
    'html/index': 'src/html/index.ts',
    // SVG rendering of those specs with the real vega and vega-lite (dependencies of this entry
    // only, kept external).
    'render/index': 'src/render/index.ts',
    // Report tables as files: toCsv (no dependency) and toXlsx, which imports exceljs when called.
    'export/index': 'src/export/index.ts',
    // The SQL summary query and its reader (no dependency), and the DuckDB runner, which loads
    // the optional peer dependency @duckdb/node-api when called.
    'sql/index': 'src/sql/index.ts',
    'duckdb/index': 'src/duckdb/index.ts',
    // Reliability of multi-item scales (alpha, omega, the scale index), as R's psych.
    'reliability/index': 'src/reliability/index.ts',
    // Crosstabs, Fisher's exact test and tests on published figures (no dependency).
    'tables/index': 'src/tables/index.ts',
    // The correlation table over worker threads, and the worker scripts it starts: built next to
    // each other, so that new URL('./worker.js', import.meta.url) (Node) and
    // new URL('./webWorker.js', import.meta.url) (browsers) find them. browser.js is the entry of
    // the `browser` export condition: the same API without the Node code path.
    'parallel/index': 'src/parallel/index.ts',
    'parallel/browser': 'src/parallel/browser.ts',
    'parallel/worker': 'src/parallel/worker.ts',
    'parallel/webWorker': 'src/parallel/webWorker.ts',
    // The likertkit command (keeps its shebang line; Node built-ins stay external).
    'cli/index': 'src/cli/index.ts',
  },
  format: ['esm'],
  platform: 'neutral',
  target: 'es2022',
  dts: true,
  sourcemap: true,
  clean: true,
  treeshake: true,
  // Shared chunks: every entry point uses the same copy of the survey internals (a survey made
  // with one entry is recognised by the others, e.g. by likertkit/parallel).
  splitting: true,
  // The JSON Schema of the CLI config, for editors ("$schema" in a config) and the package
  // export "likertkit/config.schema.json"; written from the same object the CLI validates with.
  onSuccess: async () => {
    await writeFile(join(cli.outDir ?? 'dist', 'config.schema.json'), `${JSON.stringify(CONFIG_SCHEMA, null, 2)}\n`, 'utf8');
  },
}));
