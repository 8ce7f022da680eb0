import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

// The renderer is one static bundle, loaded from file:// in Electron and from the
// browser host on 127.0.0.1: relative base, no inline scripts (CSP script-src 'self').
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../out/renderer', import.meta.url)),
    emptyOutDir: true,
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    sourcemap: true,
    // One local bundle read from disk; splitting would only add requests.
    chunkSizeWarningLimit: 2500,
    // The app, and the print route Chromium renders pages from for PDF and images.
    rollupOptions: { input: { main: fileURLToPath(new URL('index.html', import.meta.url)), print: fileURLToPath(new URL('print.html', import.meta.url)) } },
  },
});
