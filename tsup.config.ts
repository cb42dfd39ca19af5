import { defineConfig } from 'tsup';

export default defineConfig({
  // Entry points: the core, CSV reading (pulls in papaparse), the demo data and the Vega-Lite
  // helpers, so that none of the others weighs on the core bundle.
  entry: {
    index: 'src/index.ts',
    'csv/index': 'src/csv/index.ts',
    'demo/index': 'src/demo/index.ts',
    'vega-lite/index': 'src/vega-lite/index.ts',
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
  splitting: false,
});
