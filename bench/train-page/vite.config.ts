/**
 * Builds the throughput bench page into the bench's own copy of the app build (bench/results/dist),
 * under bench-assets/ so the app's own files stay as they are. Used only by npm run bench:train.
 */
import { defineConfig, mergeConfig } from 'vite';
import appConfig from './vite.app.config.ts';

export default mergeConfig(
  appConfig,
  defineConfig({
    build: {
      emptyOutDir: false,
      assetsDir: 'bench-assets',
      rolldownOptions: { input: { bench: 'bench/train-page/index.html' } },
    },
  }),
);
