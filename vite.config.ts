import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

// vega-datasets' package exports hide its data folder; point at the file itself (bundled at build time).
const penguins = fileURLToPath(new URL('./node_modules/vega-datasets/data/penguins.json', import.meta.url));

export default defineConfig({
  plugins: [react()],
  resolve: { alias: { 'vega-datasets-penguins': penguins } },
  server: { port: 5173, host: '127.0.0.1' },
  preview: { port: 4173, host: '127.0.0.1' },
  worker: {
    format: 'es',
    rolldownOptions: { output: { comments: { legal: false } } },
  },
  build: { target: 'es2022', chunkSizeWarningLimit: 2000 },
});
