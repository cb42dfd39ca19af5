/**
 * Vite configuration of the dashboard example: `npx vite examples/dashboard` serves it,
 * `npx vite build examples/dashboard` bundles it into examples/dashboard/dist.
 * The page imports the library's source through relative paths, so no alias is needed.
 */
import { defineConfig } from 'vite';

export default defineConfig({
  base: './',
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1000 },
});
