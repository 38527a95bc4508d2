/**
 * Builds the Electron shell: main (ESM, dependencies external), preload (one CommonJS file: a sandboxed
 * preload may require only 'electron'), renderer (React). The preload's allowlist is the contract's channel
 * and event names, injected at build time so the preload bundles no zod and declares no name of its own.
 */
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import { channelNames, eventNames } from './shared/contract';

/** zod ships comments Rollup cannot place; the warning repeats on every build and hides real ones. */
const onwarn = (warning: { code?: string; message: string }, warn: (warning: { code?: string; message: string }) => void): void => {
  if (warning.code === 'INVALID_ANNOTATION' && warning.message.includes('node_modules/zod')) return;
  warn(warning);
};

const contractAllowlist = {
  __SALDO_CHANNELS__: JSON.stringify(channelNames),
  __SALDO_EVENTS__: JSON.stringify(eventNames),
};

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: { input: { index: resolve('electron/main/index.ts') }, onwarn },
    },
  },
  preload: {
    define: contractAllowlist,
    build: {
      outDir: 'out/preload',
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve('electron/preload/index.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve('renderer'),
    plugins: [react()],
    build: {
      outDir: resolve('out/renderer'),
      rollupOptions: { input: { index: resolve('renderer/index.html') }, onwarn },
    },
  },
});
