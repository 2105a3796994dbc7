/**
 * The app's own Vite config, built into bench/results/dist instead of dist. A config file of its own
 * also keeps Vite's per-project build/preview lock from colliding with a concurrent `npm test`.
 */
import { defineConfig, mergeConfig } from 'vite';
import appConfig from '../../vite.config.ts';

export default mergeConfig(appConfig, defineConfig({ build: { outDir: 'bench/results/dist' } }));
