import { defineConfig } from 'tsup';

export default defineConfig({
  // Three entry points: the core, CSV reading (pulls in papaparse) and the demo data, so that
  // neither of the last two weighs on the core bundle.
  entry: { index: 'src/index.ts', 'csv/index': 'src/csv/index.ts', 'demo/index': 'src/demo/index.ts' },
  format: ['esm'],
  platform: 'neutral',
  target: 'es2022',
  dts: true,
  sourcemap: true,
  clean: true,
  treeshake: true,
  splitting: false,
});
